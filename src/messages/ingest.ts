// The ingest side of the message catalogue (see message.ts): the errors a load raises,
// the warnings it gives and why a file of a folder is skipped, in English and Swedish.
// Why a row is rejected is in rejects.ts; why an SCB export cannot be read, in scb.ts.
import { type Problem, problem, type Text, text } from './message.ts';
import { plural, svNumber } from '../i18n/words.ts';

// ---------------------------------------------------------------------------------------
// Errors: a file (or the run) that cannot be loaded, with what to do.

const SAVE_AS_XLSX = text(
  'open it and save it as Excel workbook (.xlsx) or as CSV UTF-8, then load that file',
  'öppna den och spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8, och läs sedan in den filen',
);

const SAVE_SHEET = text(
  'open it in Excel and save it as Excel workbook (.xlsx), or export the sheet as CSV UTF-8',
  'öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), eller exportera bladet som CSV UTF-8',
);

const EXPORT_AGES = text(
  'export ålder as single years (1-årsklasser) or as 5-year classes 20-24 … 60-64, with region and år, for example from SCB\'s table BE0101N1 "Folkmängden efter region, ålder, kön och år"',
  'exportera ålder som ettårsklasser (1-årsklasser) eller som femårsklasser 20-24 … 60-64, med region och år, till exempel ur SCB:s tabell BE0101N1 "Folkmängden efter region, ålder, kön och år"',
);

export const ingestMessages = {
  // discover.ts
  noSuchPath: () =>
    problem(
      text('no such file or folder', 'filen eller mappen finns inte'),
      text('check the path', 'kontrollera sökvägen'),
    ),
  unknownKindOption: (given: string, kinds: readonly string[]) =>
    problem(
      text(`unknown kind '${given}'`, `okänd sorts data '${given}'`),
      text(`use one of: ${kinds.join(', ')}`, `använd en av: ${kinds.join(', ')}`),
    ),
  kindNotTold: (kinds: readonly string[]) =>
    problem(
      text(
        'cannot tell which kind of data this file holds',
        'det går inte att avgöra vilken sorts data filen innehåller',
      ),
      text(
        `name it after its kind (${kinds.join(', ')}), e.g. registrations-ht2025.csv, or pass --kind`,
        `döp den efter sorten (${kinds.join(', ')}), t.ex. registrations-ht2025.csv, eller ange --kind`,
      ),
    ),
  /** A file ending in .xls, .numbers, .ods …: `what` names it as refusedFormat does. */
  refusedFormat: (what: Text) =>
    problem(text(`cannot read ${what.en}`, `kan inte läsa ${what.sv}`), SAVE_AS_XLSX),
  unknownExtension: (ending: string | undefined) =>
    problem(
      text(
        `cannot read files ending in '${ending ?? '(nothing)'}'`,
        `kan inte läsa filer som slutar på '${ending ?? '(ingenting)'}'`,
      ),
      text(
        'give a .csv, .xlsx, .parquet, .arrow/.feather or .json file',
        'ange en fil som slutar på .csv, .xlsx, .parquet, .arrow/.feather eller .json',
      ),
    ),

  // ingest.ts
  replacementNotConfirmed: () =>
    problem(
      text(
        'nothing was loaded or removed: the replacement was not confirmed',
        'inget lästes in eller togs bort: ersättningen bekräftades inte',
      ),
      text(
        'check the files listed above; run again and answer y, or pass --yes',
        'kontrollera filerna i listan ovan; kör igen och svara j, eller ange --yes',
      ),
    ),
  /** The system will not let us read the file; `cause` as unreadableCause gives it. */
  fileUnreadable: (cause: Text) =>
    problem(
      text(`the file cannot be read (${cause.en})`, `filen kan inte läsas (${cause.sv})`),
      text(
        'check that the file exists and that you may read it, then load it again',
        'kontrollera att filen finns och att du får läsa den, och läs sedan in den igen',
      ),
    ),
  permissionDenied: () => text('permission denied', 'åtkomst nekad'),
  fileGone: () => text('it is gone', 'den finns inte längre'),
  systemCode: (code: string) => text(code, code),

  // load-file.ts
  emptyFile: () =>
    problem(
      text('the file is empty (0 bytes)', 'filen är tom (0 byte)'),
      text(
        'export the data again; a file needs at least a header line',
        'exportera data igen; en fil behöver minst en rubrikrad',
      ),
    ),
  /** DuckDB's CSV reader gave up on the file; `cause` is its words, masked. */
  unreadableCsv: (cause: string) =>
    problem(
      text(`the file cannot be read as CSV (${cause})`, `filen kan inte läsas som CSV (${cause})`),
      text(
        'check its line ends (LF or CRLF, not a mix with CR alone), control characters and quotes; save it again as CSV UTF-8',
        'kontrollera radsluten (LF eller CRLF, inte blandat med ensamt CR), styrtecken och citattecken; spara den igen som CSV UTF-8',
      ),
    ),
  unclosedQuote: (linesAfter: number) =>
    problem(
      text(
        `a quote opened on this line is never closed, so the ${linesAfter} line(s) after it cannot be read`,
        `ett citattecken som öppnas på den här raden stängs aldrig, så ${plural(linesAfter, 'raden', `de ${linesAfter} raderna`)} efter den kan inte läsas`,
      ),
      text(
        'close the quote on that line (a quote inside a value is written twice: "")',
        'stäng citattecknet på den raden (ett citattecken inne i ett värde skrivs två gånger: "")',
      ),
    ),
  /**
   * Two person_ids of one file met in the 64-bit key a load joins rows to persons by (a
   * chance of about n²/2⁶⁵ for n persons). The key is salted anew for every load.
   */
  personKeyClash: () =>
    problem(
      text(
        'two different person_id values of this file got the same internal key (a 64-bit hash, salted anew for each load); nothing of the file was loaded',
        'två olika person_id i filen fick samma interna nyckel (ett 64-bitars hashvärde som saltas på nytt vid varje inläsning); inget av filen lästes in',
      ),
      text(
        'load the file again: the next load draws another salt, and the same clash is all but impossible',
        'läs in filen igen: nästa inläsning drar ett nytt salt, och samma krock är så gott som omöjlig',
      ),
    ),

  // open-source.ts
  wrongDialect: (what: Text, expected: string, kind: string) =>
    problem(
      text(
        `the file looks like ${what.en}, which is read as ${expected}, not ${kind}`,
        `filen ser ut som ${what.sv}, som läses in som ${expected}, inte som ${kind}`,
      ),
      text(
        `name it ${expected}….csv or pass --kind ${expected}`,
        `döp den till ${expected}….csv eller ange --kind ${expected}`,
      ),
    ),
  ladokExport: () => text('a Ladok results export', 'en resultatexport från Ladok'),
  scbExport: () => text('an SCB population export', 'en befolkningsexport från SCB'),

  // sources/*.ts
  missingColumnInHeader: (
    kind: string,
    missing: readonly string[],
    headerLine: number,
    found: string,
  ) =>
    problem(
      text(
        `the required column ${missing.join(', ')} is missing for ${kind}; the header on line ${headerLine} has: ${found || '(nothing)'}`,
        `${plural(missing.length, 'den obligatoriska kolumnen', 'de obligatoriska kolumnerna')} ${missing.join(', ')} saknas för ${kind}; rubrikraden på rad ${headerLine} har: ${found || '(ingenting)'}`,
      ),
      text(
        `add the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} to the header (see the data contract for ${kind}), or pass the right --kind`,
        `lägg till ${plural(missing.length, 'kolumnen', 'kolumnerna')} ${missing.join(', ')} i rubrikraden (se datakontraktet för ${kind}), eller ange rätt --kind`,
      ),
    ),
  missingColumn: (kind: string, missing: readonly string[], found: string) =>
    problem(
      text(
        `the required column ${missing.join(', ')} is missing for ${kind}; the file has: ${found || '(nothing)'}`,
        `${plural(missing.length, 'den obligatoriska kolumnen', 'de obligatoriska kolumnerna')} ${missing.join(', ')} saknas för ${kind}; filen har: ${found || '(ingenting)'}`,
      ),
      text(
        `add ${missing.join(', ')} (see the data contract for ${kind}), or pass the right --kind`,
        `lägg till ${missing.join(', ')} (se datakontraktet för ${kind}), eller ange rätt --kind`,
      ),
    ),
  ladokColumnsMissing: (labels: readonly string[]) =>
    problem(
      text(
        `this Ladok export lacks the column ${labels.join(', ')}`,
        `Ladok-exporten saknar ${plural(labels.length, 'kolumnen', 'kolumnerna')} ${labels.join(', ')}`,
      ),
      text(
        'export Utdata → Resultat again with these columns selected',
        'exportera Utdata → Resultat igen med de kolumnerna valda',
      ),
    ),
  /** `reason` says why (scbMessages); `columns` the header, quoted. */
  scbCannotGive2064: (reason: Text, columns: string, fix: Text = EXPORT_AGES) =>
    problem(
      text(
        `this SCB export cannot give the population 20–64: ${reason.en} (its columns: ${columns})`,
        `SCB-exporten kan inte ge befolkningen 20–64: ${reason.sv} (dess kolumner: ${columns})`,
      ),
      fix,
    ),
  scbExportAges: () => EXPORT_AGES,
  /** Parquet, JSON or Arrow that cannot be read at all; `cause` is the reader's words, masked. */
  unreadableFormat: (what: string, cause: string, fix: Text) =>
    problem(
      text(
        `this is not a readable ${what} file (${cause})`,
        `det här är ingen läsbar ${what}-fil (${cause})`,
      ),
      fix,
    ),
  parquetFix: () =>
    text(
      'export the file again as Parquet (it may be cut off or another format), or as CSV',
      'exportera filen igen som Parquet (den kan vara avkortad eller i ett annat format), eller som CSV',
    ),
  jsonFix: () =>
    text(
      'write it as a JSON array of objects or one object per line, and check that it is complete',
      'skriv den som en JSON-array av objekt eller ett objekt per rad, och kontrollera att den är hel',
    ),
  arrowFix: () =>
    text(
      'write the file with Arrow IPC (Feather v2), or export it as CSV or Parquet',
      'skriv filen med Arrow IPC (Feather v2), eller exportera den som CSV eller Parquet',
    ),

  // xlsx/*.ts
  noSheets: () =>
    problem(text('the workbook has no sheets', 'arbetsboken har inga blad'), SAVE_SHEET),
  oldExcel: () =>
    problem(
      text(
        'the file is an old binary Excel workbook (.xls), not .xlsx',
        'filen är en gammal binär Excel-arbetsbok (.xls), inte .xlsx',
      ),
      SAVE_SHEET,
    ),
  notAZip: () =>
    problem(
      text(
        'the file is not an Excel workbook (.xlsx): it is not a zip archive',
        'filen är ingen Excel-arbetsbok (.xlsx): den är inget zip-arkiv',
      ),
      SAVE_SHEET,
    ),
  /** `what` is 'the workbook' or a sheet (sheetOf); `cause` the reader's first line. */
  workbookUnreadable: (what: Text, cause: string) =>
    problem(
      text(`${what.en} cannot be read (${cause})`, `${what.sv} kan inte läsas (${cause})`),
      SAVE_SHEET,
    ),
  theWorkbook: () => text('the workbook', 'arbetsboken'),
  theSheet: (name: string) => text(`the sheet ${name}`, `bladet ${name}`),
  sheetMissing: (name: string) =>
    problem(
      text(
        `the workbook names a sheet ${name} it does not hold`,
        `arbetsboken anger ett blad ${name} som den inte innehåller`,
      ),
      SAVE_SHEET,
    ),
  sheetTooLarge: (name: string, megabytes: number, limit: number) =>
    problem(
      text(
        `the sheet ${name} is too large to read from .xlsx (${megabytes} MB of sheet data, at most ${limit} MB)`,
        `bladet ${name} är för stort för att läsas från .xlsx (${svNumber(megabytes)} MB bladdata, högst ${svNumber(limit)} MB)`,
      ),
      text(
        'save the sheet as CSV UTF-8 (Excel: Save As → CSV UTF-8) and load that file',
        'spara bladet som CSV UTF-8 (Excel: Spara som → CSV UTF-8) och läs in den filen',
      ),
    ),

  // key-guard.ts, pseudonym-key.ts
  keySource: (source: 'env' | 'file' | 'ephemeral') =>
    source === 'env'
      ? text('LARSAM_PSEUDONYM_KEY', 'LARSAM_PSEUDONYM_KEY')
      : source === 'file'
        ? text('the key file beside the database', 'nyckelfilen bredvid databasen')
        : text('a one-off key', 'en engångsnyckel'),
  wrongKey: (source: Text, stored: string, given: string) =>
    problem(
      text(
        `the pseudonym key (from ${source.en}) is not the one this database was built with (fingerprint ${stored}, given ${given})`,
        `pseudonymnyckeln (från ${source.sv}) är inte den som databasen byggdes med (fingeravtryck ${stored}, given ${given})`,
      ),
      text(
        'use the original key (LARSAM_PSEUDONYM_KEY or the larsam.key file beside the database), or load into a new --db',
        'använd den ursprungliga nyckeln (LARSAM_PSEUDONYM_KEY eller filen larsam.key bredvid databasen), eller läs in till en ny --db',
      ),
    ),
  keyFileMissing: (path: string, env: string) =>
    problem(
      text(
        `the pseudonym key file ${path} is missing, but this database holds ids hashed with a key`,
        `pseudonymnyckelns fil ${path} saknas, men databasen innehåller id:n som hashats med en nyckel`,
      ),
      text(
        `put the original larsam.key back beside the database, or set ${env} to the original key`,
        `lägg tillbaka den ursprungliga larsam.key bredvid databasen, eller sätt ${env} till den ursprungliga nyckeln`,
      ),
    ),
  keyFileInvalid: (path: string, minBytes: number, env: string) =>
    problem(
      text(
        `pseudonym key file ${path} is not valid (expected at least ${minBytes} bytes as hex)`,
        `pseudonymnyckelns fil ${path} är ogiltig (minst ${minBytes} byte hexadecimalt väntades)`,
      ),
      text(
        `restore the original file or set ${env}`,
        `återställ den ursprungliga filen eller sätt ${env}`,
      ),
    ),
  keyFileNotRegular: (path: string, env: string) =>
    problem(
      text(
        `pseudonym key file ${path} is not a regular file (a symbolic link or a folder is refused)`,
        `pseudonymnyckelns fil ${path} är ingen vanlig fil (en symbolisk länk eller en mapp godtas inte)`,
      ),
      text(
        `put the original key file there, or set ${env}`,
        `lägg den ursprungliga nyckelfilen där, eller sätt ${env}`,
      ),
    ),
} satisfies Record<string, (...values: never[]) => Problem | Text>;

// ---------------------------------------------------------------------------------------
// Warnings: the file loads, but the user should know.

export const ingestWarnings = {
  /** `parenthesised`: "column(s)" rather than "column"/"columns" (Parquet, JSON, Arrow). */
  ignoredColumns: (count: number, names: string, parenthesised = false) =>
    text(
      `ignored ${parenthesised ? 'column(s)' : plural(count, 'column', 'columns')} not in the contract: ${names}`,
      `${plural(count, 'kolumnen', 'kolumnerna')} utanför datakontraktet lästes inte: ${names}`,
    ),
  namedTwice: (count: number, names: string) =>
    text(
      `${plural(count, 'column', 'columns')} named twice, the first is used: ${names}`,
      `${plural(count, 'kolumnen', 'kolumnerna')} finns två gånger, den första används: ${names}`,
    ),
  otherSheets: (sheet: string, because: Text, others: readonly string[], kind: string) =>
    text(
      `read sheet ${sheet} (${because.en}); not read: ${others.join(', ')} (name a sheet ${kind} to read that one)`,
      `läste bladet ${sheet} (${because.sv}); lästes inte: ${others.join(', ')} (döp ett blad till ${kind} för att läsa det)`,
    ),
  firstSheet: () => text('the first sheet', 'det första bladet'),
  namedLikeKind: () => text('named like the kind', 'namngivet som sorten'),
  leadingZeroRestored: (count: number) =>
    text(
      `${count} person_id number cell(s) of nine digits read as a 10-digit personnummer with the leading 0 Excel dropped`,
      `${count} ${plural(count, 'talcell', 'talceller')} i person_id med nio siffror lästes som personnummer med tio siffror, med den inledande nolla som Excel tog bort`,
    ),
  lineBreaksInCells: (count: number) =>
    text(
      `${count} cell(s) hold line breaks; each is read with spaces in their place`,
      `${count} ${plural(count, 'cell', 'celler')} innehåller radbrytningar; de läses med mellanslag i stället`,
    ),
  partialAges: (spans: readonly string[]) =>
    text(
      `the file covers ages ${spans.join(', ')} only: the rest of 20–64 must come from another file, or the build stops`,
      `filen täcker bara åldrarna ${spans.join(', ')}: resten av 20–64 måste komma från en annan fil, annars stoppas bygget`,
    ),
  regionsLeftOut: (lines: number | bigint) =>
    text(
      `${lines} line(s) of Riket or a county were left out (only municipalities are read)`,
      `${lines} ${plural(Number(lines), 'rad', 'rader')} för riket eller ett län lästes inte (bara kommuner läses)`,
    ),
  cellsNotAdded: (cells: number) =>
    text(
      `${cells} cell(s) outside ages 20–64, or totals beside their parts, were not added`,
      `${cells} ${plural(cells, 'cell', 'celler')} utanför åldrarna 20–64, eller totaler vid sidan av sina delar, räknades inte med`,
    ),
  missingCells: (cells: number | bigint) =>
    text(
      `${cells} cell(s) were '..' (missing in SCB's table); those municipality-years are rejected, not guessed`,
      `${cells} ${plural(Number(cells), 'cell', 'celler')} var '..' (saknas i SCB:s tabell); de kommunåren avvisas, de gissas inte`,
    ),
} satisfies Record<string, (...values: never[]) => Text>;

// ---------------------------------------------------------------------------------------
// Why a file of a folder is not loaded (listed, not an error).

export const skipReasons = {
  excelLockFile: () =>
    text(
      "Excel's lock file of an open workbook, not data (close the workbook in Excel)",
      'Excels låsfil för en öppen arbetsbok, inte data (stäng arbetsboken i Excel)',
    ),
  folder: () =>
    text(
      'a folder (folders are read one level deep; name it to load its files)',
      'en mapp (mappar läses en nivå ned; ange den för att läsa in dess filer)',
    ),
  notRegularFile: () => text('not a regular file', 'ingen vanlig fil'),
  refusedFormat: (what: Text) =>
    text(
      `${what.en} cannot be read: ${SAVE_AS_XLSX.en}`,
      `${what.sv} kan inte läsas: ${SAVE_AS_XLSX.sv}`,
    ),
  notDataFile: (ending: string | undefined) =>
    text(
      `not a data file (${ending ?? 'no extension'}); data files end in .csv, .xlsx, .parquet, .arrow/.feather or .json`,
      `ingen datafil (${ending ?? 'ingen filändelse'}); datafiler slutar på .csv, .xlsx, .parquet, .arrow/.feather eller .json`,
    ),
  kindNotTold: () =>
    text(
      'its kind cannot be told from its name (name it <kind>….csv or load it with --kind)',
      'vilken sorts data den innehåller går inte att se på namnet (döp den till <sort>….csv eller läs in den med --kind)',
    ),
  /** A workbook that cannot be opened to read its header: the error and its fix. */
  unopenable: (error: Problem) =>
    text(`${error.text.en}; ${error.fix.en}`, `${error.text.sv}; ${error.fix.sv}`),
} satisfies Record<string, (...values: never[]) => Text>;

/** Spreadsheet formats the reader cannot open, by file ending: what they are. */
export const refusedFormats: Record<string, Text> = {
  '.xls': text('an old binary Excel workbook (.xls)', 'en gammal binär Excel-arbetsbok (.xls)'),
  '.xlsb': text('a binary Excel workbook (.xlsb)', 'en binär Excel-arbetsbok (.xlsb)'),
  '.xlsm': text('a macro-enabled Excel workbook (.xlsm)', 'en Excel-arbetsbok med makron (.xlsm)'),
  '.ods': text('an OpenDocument spreadsheet (.ods)', 'ett OpenDocument-kalkylblad (.ods)'),
  '.numbers': text('a Numbers spreadsheet (.numbers)', 'ett Numbers-kalkylblad (.numbers)'),
};
