// Why a row (or line) of a file was not loaded, and how to write it instead: the reject
// reasons of the message catalogue (see message.ts), in English and Swedish.
//
// A reject reason is built in SQL for every rejected row at once, so its values may be
// SQL expressions: `rejectSql` calls an entry with placeholders for them and turns the
// text into a concatenation of quoted literals and those expressions. The rejects table
// keeps the English sentence (`reason.en`) for now.
import { quoteLiteral } from '../db/sql-text.ts';
import type { Lang } from '../i18n/lang.ts';
import { type Problem, type Text, text } from './message.ts';
import { listed, svNumber } from '../i18n/words.ts';

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
