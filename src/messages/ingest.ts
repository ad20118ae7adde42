// The ingest side of the message catalogue (see message.ts): the errors a load raises,
// the warnings it gives, and the reasons a row is rejected, each in English and Swedish.
//
// A reject reason is built in SQL for every rejected row at once, so its values may be
// SQL expressions: `rejectSql` calls an entry with placeholders for them and turns the
// text into a concatenation of quoted literals and those expressions. The rejects table
// keeps the English sentence (`reason.en`) for now.
import { quoteLiteral } from '../db/sql-text.ts';
import type { Lang } from '../i18n/lang.ts';
import { type Problem, problem, type Text, text } from './message.ts';

/** Swedish writes a decimal comma. */
const svNumber = (n: number): string => String(n).replace('.', ',');

/** "a, b and c" / "a, b och c". */
function listed(items: readonly string[], and: string): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

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
// Why an SCB export cannot give the population 20–64 (the `reason` of scbCannotGive2064),
// with what to export instead where it is not EXPORT_AGES, and the warnings of choosing.

const quotedList = (labels: readonly string[]) => labels.map((l) => `'${l}'`).join(', ');

export const scbMessages = {
  twoColumnsForDimension: (dimension: string, first: string, second: string) =>
    text(
      `two columns name the dimension ${dimension} ('${first}', '${second}')`,
      `två kolumner anger dimensionen ${dimension} ('${first}', '${second}')`,
    ),
  noNumbers: () =>
    text(
      'no column holds the numbers (a year, a region or a content such as Folkmängd as its heading)',
      'ingen kolumn innehåller talen (ett år, en region eller ett innehåll som Folkmängd som rubrik)',
    ),
  noRegion: () => text('it has no region', 'den har ingen region'),
  noYear: () => text('it has no year', 'den har inget år'),
  noMunicipality: (regions: readonly string[]) =>
    text(
      `it holds no municipality, only ${regions.join(', ') || 'empty regions'}`,
      `den innehåller ingen kommun, bara ${regions.join(', ') || 'tomma regioner'}`,
    ),
  selectMunicipalities: () =>
    text(
      'select the municipalities (kommuner) under region and export again',
      'välj kommunerna under region och exportera igen',
    ),
  noAgeDimension: () =>
    text(
      'it has no age (ålder) dimension, so it holds inhabitants of all ages',
      'den har ingen åldersdimension (ålder), så den räknar invånare i alla åldrar',
    ),
  unreadableAges: (labels: readonly string[]) =>
    text(
      `the age ${quotedList(labels)} cannot be read as an age or an age class`,
      `åldern ${quotedList(labels)} kan inte läsas som en ålder eller en åldersgrupp`,
    ),
  onlyTotalAge: () =>
    text(
      'the file holds only the total of all ages, from which ages 20–64 cannot be told',
      'filen innehåller bara totalen för alla åldrar, och ur den går åldrarna 20–64 inte att få fram',
    ),
  /** `classes`: the labels as the file writes them, quoted and perhaps cut with …. */
  classesAcross: (classes: string) =>
    text(
      `the age classes ${classes} reach across 20 or 64, so ages 20–64 cannot be formed from them`,
      `åldersgrupperna ${classes} sträcker sig över 20 eller 64, så åldrarna 20–64 kan inte bildas av dem`,
    ),
  noAgesInside: (classes: string) =>
    text(
      `the file holds no ages between 20 and 64 (only ${classes})`,
      `filen innehåller inga åldrar mellan 20 och 64 (bara ${classes})`,
    ),
  agesMissing: (ages: string, span: string) =>
    text(
      `the ages ${ages} are missing between ${span}, so no single span of 20–64 is covered`,
      `åldrarna ${ages} saknas inom ${span}, så inget sammanhängande spann av 20–64 täcks`,
    ),
  classesOverlap: (classes: string, span: string) =>
    text(
      `the age classes ${classes} overlap in a way that no set of them covers ${span} once`,
      `åldersgrupperna ${classes} överlappar så att inget urval av dem täcker ${span} exakt en gång`,
    ),
  unreadableSex: (labels: readonly string[]) =>
    problem(
      text(
        `the sex ${quotedList(labels)} cannot be read as män, kvinnor or totalt`,
        `könet ${quotedList(labels)} kan inte läsas som män, kvinnor eller totalt`,
      ),
      text(
        'export kön as män and kvinnor, or as totalt',
        'exportera kön som män och kvinnor, eller som totalt',
      ),
    ),
  sexTwice: (labels: readonly string[]) =>
    problem(
      text(
        `kön holds the same sex under two labels (${labels.join(', ')})`,
        `kön har samma kön under två etiketter (${labels.join(', ')})`,
      ),
      text('export each sex of kön once', 'exportera varje kön en gång'),
    ),
  oneSex: (labels: readonly string[]) =>
    problem(
      text(
        `the file holds only ${labels.join(', ')}, not both sexes`,
        `filen innehåller bara ${labels.join(', ')}, inte båda könen`,
      ),
      text(
        'select both män and kvinnor (or totalt) for kön and export again',
        'välj både män och kvinnor (eller totalt) för kön och exportera igen',
      ),
    ),
  severalTotals: (dimension: string, totals: readonly string[]) =>
    problem(
      text(
        `${dimension} has several totals (${totals.join(', ')})`,
        `${dimension} har flera totaler (${totals.join(', ')})`,
      ),
      text(
        `select one total of ${dimension}, or export the table without ${dimension}`,
        `välj en total för ${dimension}, eller exportera tabellen utan ${dimension}`,
      ),
    ),
  severalContents: (labels: readonly string[]) =>
    problem(
      text(
        `the file holds several contents (${labels.join(', ')}) and larsam cannot tell which is the population`,
        `filen har flera innehåll (${labels.join(', ')}) och larsam kan inte avgöra vilket som är befolkningen`,
      ),
      text(
        'export the table with only the content Folkmängd',
        'exportera tabellen med bara innehållet Folkmängd',
      ),
    ),
  addedWithoutTotal: (dimension: string, labels: readonly string[]) =>
    text(
      `${dimension} has no total, so its ${labels.length} value(s) were added up (${labels.join(', ')}): check that they are all of ${dimension}'s values, or export the table without it`,
      `${dimension} har ingen total, så ${plural(labels.length, 'dess värde', `dess ${labels.length} värden`)} lades ihop (${labels.join(', ')}): kontrollera att det är alla värden för ${dimension}, eller exportera tabellen utan den`,
    ),
  onlyPopulationRead: (count: number, read: string) =>
    text(
      `the file holds ${count} contents; only '${read}' was read`,
      `filen har ${count} innehåll; bara '${read}' lästes`,
    ),
} satisfies Record<string, (...values: never[]) => Text | Problem>;

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

// ---------------------------------------------------------------------------------------
// Reject reasons: why one row (or line) of a file was not loaded, and how to write it.

/**
 * A reject reason: what is wrong and the fix, and `reason`, the one sentence the rejects
 * table keeps. How the two are joined follows the English as it has always been stored:
 * `what (fix)`, `what: fix` or `what; fix`, so every reader of a reject sees the fix; only
 * where the data contract fixes the words (`invalid personnummer checksum`) the sentence is
 * `what` alone and `larsam ingest` prints the fix after it.
 */
export interface RejectReason extends Problem {
  reason: Text;
}

type Joined = 'brackets' | 'colon' | 'semicolon' | 'apart';

function reject(what: Text, fix: Text, joined: Joined): RejectReason {
  const join = (lang: Lang) => {
    const w = what[lang];
    const f = fix[lang];
    if (joined === 'brackets') return `${w} (${f})`;
    if (joined === 'colon') return `${w}: ${f}`;
    if (joined === 'semicolon') return `${w}; ${f}`;
    return w;
  };
  return { text: what, fix, reason: { en: join('en'), sv: join('sv') } };
}

/** The range a column's values must lie in: "> 0 and ≤ 90" / "> 0 och ≤ 90". */
export interface Range {
  min?: number;
  minExclusive?: boolean;
  max?: number;
}

function rangeText({ min, minExclusive, max }: Range, lang: Lang): string {
  const n = lang === 'sv' ? svNumber : String;
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${minExclusive ? '>' : '≥'} ${n(min)}`);
  if (max !== undefined) parts.push(`≤ ${n(max)}`);
  return parts.join(lang === 'sv' ? ' och ' : ' and ');
}

const NOT_ISO = (cell: string) =>
  text(`${cell} is not written YYYY-MM-DD`, `${cell} är inte skrivet ÅÅÅÅ-MM-DD`);

/**
 * Every reject reason. `cell` is the cell as a reject may quote it (reject_quote: masked,
 * cut, in quotes); the other values are as named. Values may be SQL (see rejectSql).
 */
export const rejectReasons = {
  // validation-sql.ts
  missingValue: (column: string) =>
    reject(
      text(`${column} is required but empty`, `${column} är obligatorisk men tom`),
      text(`fill in ${column}, or leave the row out`, `fyll i ${column}, eller ta bort raden`),
      'colon',
    ),
  outOfRange: (column: string, value: string, range: Range) =>
    reject(
      text(
        `${column} ${value} is out of range`,
        `${column} ${value} ligger utanför tillåtna värden`,
      ),
      text(`must be ${rangeText(range, 'en')}`, `måste vara ${rangeText(range, 'sv')}`),
      'brackets',
    ),

  // cell-rules.ts
  notOneOf: (cell: string, values: readonly string[]) =>
    reject(
      text(
        `${cell} is not one of: ${values.join(', ')}`,
        `${cell} är inte något av: ${values.join(', ')}`,
      ),
      text('write one of them as it is listed', 'skriv ett av dem så som det står i listan'),
      'brackets',
    ),
  pnrInWrongColumn: () =>
    reject(
      text(
        'the cell looks like a personal identity number, which may only be written in person_id',
        'cellen ser ut som ett personnummer, och ett sådant får bara stå i person_id',
      ),
      text('correct or empty the cell', 'rätta eller töm cellen'),
      'semicolon',
    ),
  notWholeNumber: (cell: string) =>
    reject(
      text(`${cell} is not a whole number`, `${cell} är inte ett heltal`),
      text(
        'write it in digits without decimals, e.g. 12',
        'skriv det med siffror utan decimaler, t.ex. 12',
      ),
      'brackets',
    ),
  notANumber: (cell: string) =>
    reject(
      text(`${cell} is not a number`, `${cell} är inte ett tal`),
      text('write 7.5 or 7,5', 'skriv 7,5 eller 7.5'),
      'brackets',
    ),
  notAShareOrNumber: (cell: string) =>
    reject(
      text(`${cell} is not a number`, `${cell} är inte ett tal`),
      text(
        'write a share as 0.25 or 25 %, a count or ratio as 7.5 or 7,5',
        'skriv en andel som 0,25 eller 25 %, ett antal eller en kvot som 7,5 eller 7.5',
      ),
      'brackets',
    ),
  /** A numeric date whose day and month could be read both ways: both ISO forms. */
  ambiguousDate: (cell: string, dayFirst: string, monthFirst: string) =>
    reject(
      NOT_ISO(cell),
      text(
        `write ${dayFirst} or ${monthFirst} as the date means; day and month are ambiguous`,
        `skriv ${dayFirst} eller ${monthFirst} beroende på vilket datum som avses; dag och månad kan förväxlas`,
      ),
      'colon',
    ),
  /** A numeric date only one reading of which is a date. */
  dayMonthDate: (cell: string, iso: string) =>
    reject(
      NOT_ISO(cell),
      text(
        `write ${iso}; other orders are refused because day and month can be ambiguous`,
        `skriv ${iso}; andra ordningar avvisas eftersom dag och månad kan förväxlas`,
      ),
      'colon',
    ),
  yearFirstDate: (cell: string, iso: string) =>
    reject(NOT_ISO(cell), text(`write ${iso}`, `skriv ${iso}`), 'colon'),
  notADate: (cell: string) =>
    reject(
      text(`${cell} is not a date`, `${cell} är inte ett datum`),
      text('write YYYY-MM-DD, e.g. 2025-03-14', 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14'),
      'brackets',
    ),
  notYesNo: (cell: string) =>
    reject(
      text(`${cell} is not a yes/no value`, `${cell} är inte ett ja/nej-värde`),
      text('write ja/nej, true/false or 1/0', 'skriv ja/nej, true/false eller 1/0'),
      'brackets',
    ),
  notATerm: (cell: string) =>
    reject(
      text(`${cell} is not a term`, `${cell} är inte en termin`),
      text('write e.g. HT2025 or VT2026', 'skriv t.ex. HT2025 eller VT2026'),
      'brackets',
    ),
  notAMunicipality: (cell: string) =>
    reject(
      text(`${cell} is not a municipality code`, `${cell} är ingen kommunkod`),
      text('four digits, e.g. 2380 or 0180', 'fyra siffror, t.ex. 2380 eller 0180'),
      'brackets',
    ),

  // row-rules.ts
  shareAbove100: (cell: string, indicator: string) =>
    reject(
      text(
        `target ${cell} for the share ${indicator} is above 100 %`,
        `target ${cell} för andelen ${indicator} är över 100 %`,
      ),
      text(
        'write a share from 0 % to 100 % (or 0 to 1)',
        'skriv en andel från 0 % till 100 % (eller 0 till 1)',
      ),
      'colon',
    ),
  shareOutside01: (value: string, indicator: string) =>
    reject(
      text(
        `target ${value} for the share ${indicator} is outside 0–1`,
        `target ${value} för andelen ${indicator} ligger utanför 0–1`,
      ),
      text('write a share as 0.25, not 25', 'skriv en andel som 0,25, inte 25'),
      'colon',
    ),
  percentForNonShare: (cell: string, indicator: string) =>
    reject(
      text(
        `target ${cell} is a percentage, but ${indicator} is not a share (only a share may be written with %)`,
        `target ${cell} är ett procenttal, men ${indicator} är ingen andel (bara en andel får skrivas med %)`,
      ),
      text(
        `write the target as a plain number in the unit of ${indicator}`,
        `skriv målet som ett vanligt tal i den enhet ${indicator} har`,
      ),
      'colon',
    ),
  invalidScope: (cell: string) =>
    reject(
      text(
        `scope ${cell} is not region, a two-digit county code or a four-digit municipality code`,
        `scope ${cell} är varken region, en tvåsiffrig länskod eller en fyrsiffrig kommunkod`,
      ),
      text(
        'write region, a county code such as 23 or a municipality code such as 2380',
        'skriv region, en länskod som 23 eller en kommunkod som 2380',
      ),
      'colon',
    ),
  ageSpanBackwards: (ageTo: string, ageFrom: string) =>
    reject(
      text(
        `age_to ${ageTo} is below age_from ${ageFrom}`,
        `age_to ${ageTo} är lägre än age_from ${ageFrom}`,
      ),
      text(
        'write the youngest age first (20 and 64 for all of 20–64)',
        'skriv den lägsta åldern först (20 och 64 för hela 20–64)',
      ),
      'colon',
    ),

  // load-file.ts
  /** The data contract's own words ("invalid personnummer checksum"); the fix is shown beside it. */
  invalidChecksum: () =>
    reject(
      text('invalid personnummer checksum', 'ogiltig kontrollsiffra i personnumret'),
      text(
        'look for a typo against the source (one wrong or swapped digit breaks the check digit); write a reserve or temporary number with its letter, e.g. 900101-T123',
        'leta efter ett skrivfel mot källan (en fel eller omkastad siffra ger fel kontrollsiffra); skriv ett reservnummer eller tillfälligt nummer med sin bokstav, t.ex. 900101-T123',
      ),
      'apart',
    ),
  duplicateKey: (keys: readonly string[], firstLine: string) =>
    reject(
      text(
        `the same ${keys.join(' and ')} as line ${firstLine}`,
        `samma ${listed(keys, 'och')} som rad ${firstLine}`,
      ),
      text(
        'each must be unique, remove or correct one of the rows',
        'varje kombination får bara finnas en gång: ta bort eller rätta en av raderna',
      ),
      'colon',
    ),

  // structural-rejects.ts: lines DuckDB's CSV reader cannot split. `detail` is its words.
  fewerFields: (detail: string) =>
    reject(
      text(
        `the line has fewer fields than the header (${detail})`,
        `raden har färre fält än rubrikraden (${detail})`,
      ),
      text(
        'check the delimiter and the quotes on this line',
        'kontrollera avgränsaren och citattecknen på raden',
      ),
      'colon',
    ),
  moreFields: (detail: string) =>
    reject(
      text(
        `the line has more fields than the header (${detail})`,
        `raden har fler fält än rubrikraden (${detail})`,
      ),
      text(
        'a value that contains the delimiter must be in double quotes',
        'ett värde som innehåller avgränsaren måste stå inom dubbla citattecken',
      ),
      'colon',
    ),
  unquotedValue: () =>
    reject(
      text(
        'a quote is not closed, or stands inside an unquoted value',
        'ett citattecken stängs inte, eller står inne i ett värde utan citattecken',
      ),
      text(
        'put the whole value in double quotes and double any quote inside it ("")',
        'sätt hela värdet inom dubbla citattecken och skriv varje citattecken i det två gånger ("")',
      ),
      'colon',
    ),
  invalidEncoding: () =>
    reject(
      text(
        "the line is not valid text in the file's encoding",
        'raden är inte giltig text i filens teckenkodning',
      ),
      text('save the file as UTF-8', 'spara filen som UTF-8'),
      'colon',
    ),
  lineTooLong: () =>
    reject(
      text('the line is longer than DuckDB reads (2 MB)', 'raden är längre än DuckDB läser (2 MB)'),
      text('a quote is probably not closed', 'troligen stängs ett citattecken inte'),
      'colon',
    ),
  unreadableLine: (errorType: string) =>
    reject(
      text(
        `the line cannot be read as CSV (${errorType})`,
        `raden kan inte läsas som CSV (${errorType})`,
      ),
      text('check its delimiter and quotes', 'kontrollera dess avgränsare och citattecken'),
      'colon',
    ),
} satisfies Record<string, (...values: never[]) => RejectReason>;

/** What a structural reject names as its column when the header has no name for it. */
export const rejectPlaces = {
  wholeLine: () => text('(the whole line)', '(hela raden)'),
  beyondHeader: (field: string) =>
    text(`field ${field} (beyond the header)`, `fält ${field} (utöver rubrikraden)`),
  field: (field: string) => text(`field ${field}`, `fält ${field}`),
} satisfies Record<string, (...values: never[]) => Text>;

// ---------------------------------------------------------------------------------------
// From an entry to SQL.

/** A value of a reject reason that SQL gives per row: marks where it goes in the text. */
export type SqlValue = (expression: string) => string;

const MARK = /\u0000(\d+)\u0000/;

/**
 * The SQL that builds a message per row: `make` gets `sql`, which turns an SQL expression
 * into a value of the message, and returns the entry; `pick` chooses its text, whose
 * literal parts go through quoteLiteral and whose values are those expressions, joined
 * with ||. A value that is NULL makes the whole text NULL, as || does.
 */
export function messageSql<T>(make: (sql: SqlValue) => T, pick: (made: T) => string): string {
  const expressions: string[] = [];
  const made = make((expression) => {
    expressions.push(expression);
    return `\u0000${expressions.length - 1}\u0000`;
  });
  const parts = pick(made).split(MARK);
  const sql: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) sql.push(`(${expressions[Number(part)]})`);
    else if (part !== '') sql.push(quoteLiteral(part));
  }
  if (sql.length === 0) return quoteLiteral('');
  return sql.length === 1 && parts.length > 1 ? `(${sql[0]})::VARCHAR` : sql.join(' || ');
}

/** The SQL of a reject reason as the rejects table keeps it (the English, for now). */
export function rejectSql(make: (sql: SqlValue) => RejectReason): string {
  return messageSql(make, (entry) => entry.reason.en);
}
