// Per contract type: the SQL that turns a cleaned text cell into its typed value, and
// the reject reason when that fails. `v` is a SQL expression for the cell, already
// trimmed and NULL when empty. The reasons are the catalogue's (src/messages/ingest.ts):
// what is wrong and how to write it instead.
import type { Column } from '../contract/columns-of.ts';
import { oneOf, quoteLiteral } from '../db/sql-text.ts';
import { rejectReasons, rejectSql } from '../messages/rejects.ts';

const TRUE_WORDS = ['true', '1', 'ja', 'j', 'yes', 'y', 'sant'];
const FALSE_WORDS = ['false', '0', 'nej', 'n', 'no', 'falskt'];
const WOMAN = ['k', 'w', 'f', 'kvinna', 'woman'];
const MAN = ['m', 'man'];

/** A number's text without the spaces Excel and SCB put between thousands (also no-break ones). */
function noSpaces(v: string): string {
  return `replace(replace(replace(${v}, ' ', ''), chr(160), ''), chr(8239), '')`;
}

/** Decimal text with `.` or `,` as decimal mark; spaces and a thousands mark removed. */
function decimalText(v: string): string {
  const s = noSpaces(v);
  return `(CASE
    WHEN contains(${s}, ',') AND contains(${s}, '.') THEN
      CASE WHEN strpos(reverse(${s}), ',') < strpos(reverse(${s}), '.')
        THEN replace(replace(${s}, '.', ''), ',', '.')
        ELSE replace(${s}, ',', '') END
    ELSE replace(${s}, ',', '.') END)`;
}

/**
 * A percentage as people and Swedish Excel write it: `25 %` (Excel puts a no-break space
 * before the sign), `25%`, `12,5 %`. At most two decimals, so that value / 100 is exact
 * in the four decimals a decimal keeps.
 */
const PERCENT = '[0-9]{1,14}([.,][0-9]{1,2})?[ \\x{00A0}\\x{202F}]?%';

/** True when a cleaned cell is written as a percentage (whether the row may hold one is a row rule). */
function isPercent(v: string): string {
  return `regexp_full_match(${v}, '${PERCENT}')`;
}

export interface CellRule {
  /** The typed value, NULL when the cell is empty or unreadable. */
  parse(v: string): string;
  /**
   * A smaller form of a typed value for the staged table, which holds every row of a file
   * at once (a string takes 16 bytes there), and the way back when the row is inserted.
   */
  pack?(p: string): string;
  unpack?(packed: string): string;
  /** SQL of the reject reason for a non-empty cell whose parse is NULL; absent where every text parses. */
  message?(v: string): string;
}

/** A value of a closed set kept as its position in the set (one byte). */
function closedSet(values: readonly string[]): Pick<CellRule, 'pack' | 'unpack'> {
  const list = `[${values.map(quoteLiteral).join(', ')}]`;
  return {
    pack: (p) => `list_position(${list}, ${p})::UTINYINT`,
    unpack: (packed) => `${list}[${packed}]`,
  };
}

/** The cell as a reject reason quotes it: masked, cut to 40 characters, in quotes. */
const quoted = (v: string) => `reject_quote(${v})`;

/** A reject reason that names an identity number in the wrong cell instead of quoting it. */
function pnrOr(v: string, otherwise: string): string {
  return `CASE WHEN looks_like_pnr(${v}) THEN ${rejectSql(() => rejectReasons.pnrInWrongColumn())} ELSE ${otherwise} END`;
}

// Dates in another order are refused, not guessed: the Excel locale that wrote 8/10/2024
// is unknown, and 8 October and 10 August would both load without a word. The message
// builds the ISO form from the cell's own digits: both readings when both are dates.
const NUMERIC_DATE =
  '([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?';
const YEAR_FIRST_DATE =
  '([0-9]{4})[./-]([0-9]{1,2})[./-]([0-9]{1,2})( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?';

/** 'YYYY-MM-DD' from regexp groups of `v`, NULL when it is not a calendar date. */
function isoFrom(v: string, pattern: string, year: number, month: number, day: number): string {
  const group = (i: number) => `regexp_extract(${v}, '^${pattern}$', ${i})`;
  const text = `${group(year)} || '-' || lpad(${group(month)}, 2, '0') || '-' || lpad(${group(day)}, 2, '0')`;
  return `CASE WHEN TRY_CAST(${text} AS DATE) IS NOT NULL THEN ${text} END`;
}

function dateMessage(v: string): string {
  const dayFirst = isoFrom(v, NUMERIC_DATE, 3, 2, 1);
  const monthFirst = isoFrom(v, NUMERIC_DATE, 3, 1, 2);
  const yearFirst = isoFrom(v, YEAR_FIRST_DATE, 1, 2, 3);
  return `CASE
    WHEN regexp_full_match(${v}, '${NUMERIC_DATE}') AND ${dayFirst} <> ${monthFirst}
      THEN ${rejectSql((sql) => rejectReasons.ambiguousDate(sql(quoted(v)), sql(dayFirst), sql(monthFirst)))}
    WHEN regexp_full_match(${v}, '${NUMERIC_DATE}') AND coalesce(${dayFirst}, ${monthFirst}) IS NOT NULL
      THEN ${rejectSql((sql) => rejectReasons.dayMonthDate(sql(quoted(v)), sql(`coalesce(${dayFirst}, ${monthFirst})`)))}
    WHEN regexp_full_match(${v}, '${YEAR_FIRST_DATE}') AND ${yearFirst} IS NOT NULL
      THEN ${rejectSql((sql) => rejectReasons.yearFirstDate(sql(quoted(v)), sql(yearFirst)))}
    ELSE ${rejectSql((sql) => rejectReasons.notADate(sql(quoted(v))))} END`;
}

export function cellRule(column: Column): CellRule {
  switch (column.type) {
    case 'text':
      if (column.gender) {
        return {
          ...closedSet(['woman', 'man', 'other']),
          parse: (v) =>
            `CASE WHEN ${v} IS NULL THEN NULL WHEN ${oneOf(`lower(${v})`, WOMAN)} THEN 'woman' WHEN ${oneOf(`lower(${v})`, MAN)} THEN 'man' ELSE 'other' END`,
        };
      }
      if (column.values) {
        const values = column.values;
        const synonyms = Object.entries(column.synonyms ?? {});
        return {
          ...closedSet(values),
          parse: (v) => {
            const mapped = synonyms.length
              ? `CASE ${synonyms.map(([from, to]) => `WHEN ${v} = ${quoteLiteral(from)} THEN ${quoteLiteral(to)}`).join(' ')} ELSE ${v} END`
              : v;
            const key = column.caseSensitive ? mapped : `lower(${mapped})`;
            return `CASE WHEN ${oneOf(key, values)} THEN ${key} END`;
          },
          message: (v) => rejectSql((sql) => rejectReasons.notOneOf(sql(quoted(v)), values)),
        };
      }
      if (column.freeText) return { parse: (v) => `mask_pnr_like(${v})` };
      // A code (course, offering, centre …) never holds an identity number; one that
      // looks like it is a cell typed in the wrong column, and the row is rejected.
      return {
        parse: (v) => `CASE WHEN NOT looks_like_pnr(${v}) THEN ${v} END`,
        message: () => rejectSql(() => rejectReasons.pnrInWrongColumn()),
      };
    case 'int':
      return {
        parse: (v) =>
          `CASE WHEN looks_like_pnr(${v}) THEN NULL WHEN regexp_full_match(${noSpaces(v)}, '[+-]?[0-9]+([.,]0*)?') THEN TRY_CAST(regexp_replace(${noSpaces(v)}, '[.,]0*$', '') AS BIGINT) END`,
        message: (v) =>
          pnrOr(
            v,
            rejectSql((sql) => rejectReasons.notWholeNumber(sql(quoted(v)))),
          ),
      };
    case 'decimal': {
      // A percentage: its number (to two decimals) times 0.01, exact as DECIMAL(18,4).
      const percent = (v: string) =>
        column.percent
          ? `WHEN ${isPercent(v)} THEN CAST(CAST(replace(regexp_extract(${v}, '^[0-9]+([.,][0-9]+)?'), ',', '.') AS DECIMAL(18,2)) * 0.01 AS DECIMAL(18,4))`
          : '';
      return {
        // The common shapes (7,5  15  22.5) take the short way; the rest go through decimalText.
        parse: (v) =>
          `CASE WHEN looks_like_pnr(${v}) THEN NULL WHEN regexp_full_match(${v}, '[0-9]{1,14}([.,][0-9]{1,4})?') THEN CAST(replace(${v}, ',', '.') AS DECIMAL(18,4))
                ${percent(v)}
                WHEN regexp_full_match(${decimalText(v)}, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)') THEN TRY_CAST(${decimalText(v)} AS DECIMAL(18,4)) END`,
        message: (v) =>
          pnrOr(
            v,
            column.percent
              ? rejectSql((sql) => rejectReasons.notAShareOrNumber(sql(quoted(v))))
              : rejectSql((sql) => rejectReasons.notANumber(sql(quoted(v)))),
          ),
      };
    }
    case 'date':
      return {
        parse: (v) =>
          `CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${v} AS DATE)
                WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]*)?)?') THEN TRY_CAST(left(${v}, 10) AS DATE) END`,
        message: dateMessage,
      };
    case 'bool':
      return {
        parse: (v) =>
          `CASE WHEN ${oneOf(`lower(${v})`, TRUE_WORDS)} THEN true WHEN ${oneOf(`lower(${v})`, FALSE_WORDS)} THEN false END`,
        message: (v) => rejectSql((sql) => rejectReasons.notYesNo(sql(quoted(v)))),
      };
    case 'term':
      return {
        // HT2025 as written needs no rewriting; other spellings go through term_parse.
        parse: (v) =>
          `CASE WHEN regexp_full_match(${v}, '[HV]T[0-9]{4}') THEN ${v} ELSE term_parse(${v}) END`,
        message: (v) => rejectSql((sql) => rejectReasons.notATerm(sql(quoted(v)))),
        pack: (p) => `term_key(${p})::SMALLINT`,
        unpack: (packed) => `term_from_key(${packed})`,
      };
    case 'muni':
      return {
        parse: (v) =>
          `CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN ${v}
                WHEN regexp_full_match(${v}, '[0-9]{3}') THEN '0' || ${v}
                WHEN regexp_matches(${v}, '^[0-9]{4}\\s') THEN left(${v}, 4) END`,
        message: (v) => rejectSql((sql) => rejectReasons.notAMunicipality(sql(quoted(v)))),
        pack: (p) => `${p}::SMALLINT`,
        unpack: (packed) => `lpad(${packed}::VARCHAR, 4, '0')`,
      };
    case 'person_id':
      throw new Error('person_id cells are handled by the pseudonymisation rule');
  }
}
