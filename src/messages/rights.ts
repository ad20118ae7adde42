// The messages of the data subject's rights (src/rights and the commands person, forget
// and retention): numbers that cannot be used, a key that does not fit, and erasures or
// removals that were not confirmed.
import { type Problem, problem, type Text, text } from './message.ts';

export const RIGHTS_ERRORS = {
  noPersonNamed: (): Problem =>
    problem(
      text('no person to erase was named', 'ingen person att radera har angetts'),
      text(
        'name one or more personnummer, or --file with one a line',
        'ange ett eller flera personnummer, eller --file med ett per rad',
      ),
    ),
  noPersonIds: (): Problem =>
    problem(
      text(
        'the database holds no person ids yet, so there is nobody to erase',
        'databasen har inga personidentiteter ännu, så det finns ingen att radera',
      ),
      text('check --db', 'kontrollera --db'),
    ),
  notConfirmed: (): Problem =>
    problem(
      text(
        'nothing was erased: the erasure was not confirmed',
        'inget raderades: raderingen bekräftades inte',
      ),
      text('run again and answer y, or pass --yes', 'kör igen och svara j, eller ange --yes'),
    ),
  badCheckDigit: (position: Text): Problem =>
    problem(
      text(
        `${position.en} is shaped like a personnummer but its check digit is wrong`,
        `${position.sv} ser ut som ett personnummer men kontrollsiffran är fel`,
      ),
      text(
        'check the number (10 or 12 digits, the last one the Luhn check digit) and run again',
        'kontrollera numret (10 eller 12 siffror, den sista kontrollsiffran enligt Luhn) och kör igen',
      ),
    ),
  emptyNumber: (position: Text): Problem =>
    problem(
      text(`${position.en} is empty`, `${position.sv} är tomt`),
      text('give a personnummer such as 19900101-1234', 'ange ett personnummer som 19900101-1234'),
    ),
  wrongKey: (stored: string, given: string): Problem =>
    problem(
      text(
        `the pseudonym key is not the one this database was built with (fingerprint ${stored}, given ${given}), so no person can be found`,
        `pseudonymnyckeln är inte den som databasen byggdes med (databasens fingeravtryck ${stored}, den angivna nyckelns ${given}), så ingen person kan hittas`,
      ),
      text(
        'use the original key (LARSAM_PSEUDONYM_KEY or the larsam.key file beside the database)',
        'använd den ursprungliga nyckeln (LARSAM_PSEUDONYM_KEY eller filen larsam.key bredvid databasen)',
      ),
    ),
  badPeriod: (given: string): Problem =>
    problem(
      text(
        `the retention period ${JSON.stringify(given)} is not a number of years or months`,
        `lagringstiden ${JSON.stringify(given)} är inte ett antal år eller månader`,
      ),
      text(
        'write it like 10y (years) or 18m (months)',
        'skriv den som 10y (år) eller 18m (månader)',
      ),
    ),
  walLeft: (): Problem =>
    problem(
      text(
        'the rewritten database still had a write-ahead log after closing; nothing was changed',
        'den omskrivna databasen hade fortfarande en write-ahead-logg efter stängningen; inget har ändrats',
      ),
      text(
        'run the command again; if it recurs, report it with --debug',
        'kör kommandot igen; om det händer igen, rapportera det med utskriften från --debug',
      ),
    ),
  /** A plan printed but not confirmed where no terminal can be asked. */
  noTerminal: (refused: Text): Problem =>
    problem(
      text(
        `${refused.en}; there is no terminal to confirm it, so nothing was changed`,
        `${refused.sv}; det finns ingen terminal att bekräfta det på, så inget har ändrats`,
      ),
      text(
        'check the plan printed above, then run again with --yes',
        'kontrollera planen ovan och kör sedan igen med --yes',
      ),
    ),
};

/** What was not confirmed (the first half of noTerminal). */
export const RIGHTS_REFUSED = {
  erasure: (persons: number): Text =>
    text(
      `the erasure of ${persons} person(s) was not confirmed`,
      `raderingen av ${persons} ${persons === 1 ? 'person' : 'personer'} bekräftades inte`,
    ),
  removal: (loads: number): Text =>
    text(
      `removing ${loads} load(s) was not confirmed`,
      `borttagningen av ${loads} ${loads === 1 ? 'inläsning' : 'inläsningar'} bekräftades inte`,
    ),
};

/** Where a number was given, for the number's errors ("number 2" of the command line). */
export const numberPosition = (index: number): Text => text(`number ${index}`, `nummer ${index}`);

/** The number of `larsam person`, for its errors. */
export const NUMBER_GIVEN = text('the number given', 'det angivna numret');

const extra = (on: boolean, t: Text): Text => (on ? t : text('', ''));
const seconds = (s: number) => s.toFixed(1);

/** What person, forget and retention print (in the CLI's language). */
export const RIGHTS_TEXTS = {
  // the table headers of the plans and of a person's rows
  file: text('file', 'fil'),
  line: text('line', 'rad'),
  kind: text('kind', 'typ'),
  load: text('load', 'inläsning'),
  loaded: text('loaded', 'inläst'),
  rows: text('rows', 'rader'),
  latest: text('latest', 'senast'),
  /** A load in a list: "activities.csv (load 3): 12". */
  loadLine: (file: string, loadId: number | bigint, count: number | string): Text =>
    text(`  ${file} (load ${loadId}): ${count}`, `  ${file} (inläsning ${loadId}): ${count}`),

  // larsam forget
  erasePlan: (plan: {
    persons: number;
    found: number;
    alreadyErased: number;
    totalRows: number;
  }): Text => {
    const before = extra(
      plan.alreadyErased > 0,
      text(`, ${plan.alreadyErased} erased before`, `, ${plan.alreadyErased} raderade tidigare`),
    );
    return text(
      `Erases ${plan.persons} person(s) (${plan.found} with rows in the database${before.en}): ${plan.totalRows} row(s)`,
      `Raderar ${plan.persons} person(er) (${plan.found} med rader i databasen${before.sv}): ${plan.totalRows} rad(er)`,
    );
  },
  fromTheLoads: text('from the loads:', 'från inläsningarna:'),
  eraseHow: (rebuilds: boolean): Text => {
    const rebuild = extra(
      rebuilds,
      text(', and the models are built again', ', och modellerna byggs om'),
    );
    return text(
      `The database file is rewritten so that no deleted bytes remain${rebuild.en}; a tombstone keeps a later ingest from loading the persons again silently.`,
      `Databasfilen skrivs om så att inga raderade byte finns kvar${rebuild.sv}; en raderingsmarkering hindrar att personerna läses in igen i tysthet.`,
    );
  },
  eraseQuestion: text('Erase?', 'Radera?'),
  reportsUnchangedWriteAgain: text(
    'Reports written before (reports/) and copies or backups of the database are not changed: write the report again (larsam report or run).',
    'Rapporter som redan skrivits (reports/) och kopior eller säkerhetskopior av databasen ändras inte: skriv rapporten igen (larsam report eller run).',
  ),
  erased: (persons: number, rows: number, rebuilt: boolean, s: number): Text => {
    const models = extra(rebuilt, text(', models rebuilt', ', modellerna ombyggda'));
    return text(
      `Erased ${persons} person(s): ${rows} row(s) removed${models.en} (${seconds(s)} s).`,
      `Raderade ${persons} person(er): ${rows} rad(er) borttagna${models.sv} (${seconds(s)} s).`,
    );
  },
  nothingErased: text('Nothing erased (--dry-run).', 'Inget raderat (--dry-run).'),

  // larsam retention
  retentionPlan: (loads: number, cutoff: string, keep: string): Text =>
    loads
      ? text(
          `${loads} load(s) hold data that ends before ${cutoff} (--keep ${keep}):`,
          `${loads} inläsning(ar) har data som slutar före ${cutoff} (--keep ${keep}):`,
        )
      : text(
          `No load holds data that ends before ${cutoff} (--keep ${keep}); nothing to remove.`,
          `Ingen inläsning har data som slutar före ${cutoff} (--keep ${keep}); inget att ta bort.`,
        ),
  removeQuestion: text('Remove them?', 'Ta bort dem?'),
  reportsUnchanged: text(
    'Reports written before (reports/) and copies or backups of the database are not changed.',
    'Rapporter som redan skrivits (reports/) och kopior eller säkerhetskopior av databasen ändras inte.',
  ),
  removed: (loads: number, rows: number, rebuilt: boolean, s: number): Text => {
    const models = extra(rebuilt, text(', models rebuilt', ', modellerna ombyggda'));
    return text(
      `Removed ${loads} load(s), ${rows} row(s)${models.en} (${seconds(s)} s).`,
      `Tog bort ${loads} inläsning(ar), ${rows} rad(er)${models.sv} (${seconds(s)} s).`,
    );
  },
  nothingRemoved: text(
    'Nothing removed (dry run; --apply or --yes removes them).',
    'Inget borttaget (torrkörning; --apply eller --yes tar bort dem).',
  ),

  // larsam person
  noRows: (db: string): Text =>
    text(
      `The database ${db} holds no rows for this person.`,
      `Databasen ${db} har inga rader för personen.`,
    ),
  wasErased: text(
    'The person was erased (larsam forget); a later ingest skips their rows.',
    'Personen har raderats (larsam forget); en senare inläsning hoppar över personens rader.',
  ),
  rejectsNotTied: text(
    'Rejected rows hold no person_id and cannot be tied to any person.',
    'Avvisade rader innehåller inget person_id och kan inte knytas till någon person.',
  ),
  rowsFor: (db: string, rows: number): Text =>
    text(
      `The database ${db} holds ${rows} row(s) for this person:`,
      `Databasen ${db} har ${rows} rad(er) för personen:`,
    ),
  tableRows: (table: string, rows: number): Text =>
    text(`${table}: ${rows} row(s)`, `${table}: ${rows} rad(er)`),
  rejectsInTheirFiles: text(
    "Rejected rows hold no person_id, so none can be tied to the person. The person's files have these rejected rows:",
    'Avvisade rader innehåller inget person_id och kan inte knytas till personen. Personens filer har dessa avvisade rader:',
  ),
  hasTombstone: text(
    'The person has an erasure tombstone (larsam forget).',
    'Personen har en raderingsmarkering (larsam forget).',
  ),

  /** The ledger's why of a load that retention removed (stored in English, shown by status). */
  expiredWhy: (keep: string, cutoff: string): Text =>
    text(
      `removed by larsam retention --keep ${keep}: its data ends before ${cutoff}`,
      `borttagen av larsam retention --keep ${keep}: dess data slutar före ${cutoff}`,
    ),
  /** forget and retention: the models could not be built after the rewrite. */
  notRebuilt: (cause: string): Text =>
    text(
      `the models could not be built again (${cause}); run larsam build after correcting it`,
      `modellerna kunde inte byggas om (${cause}); kör larsam build när felet är rättat`,
    ),
};
