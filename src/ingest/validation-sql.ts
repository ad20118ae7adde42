// Builds the one SELECT that turns a source relation of text cells (one column per
// contract column, NULL where the file lacks it) into typed values plus the list of
// rules each row breaks (NULL when none), and the SELECT that judges and pseudonymises
// each distinct person_id once. DuckDB runs them over the whole file at once; nothing
// here loops over rows.
import { columnsOf, type Column } from '../contract/columns-of.ts';
import type { Kind } from '../contract/kinds.ts';
import { ROW_RULES } from '../contract/row-rules.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import { rejectReasons, rejectSql } from '../messages/rejects.ts';
import { cellRule } from './cell-rules.ts';
import { pseudonymSqlExpression } from './pseudonym-key.ts';

/** Hex characters kept of the HMAC: 128 bits, ample against collisions, half the storage. */
export const PSEUDONYM_HEX_LENGTH = 32;

const v = (name: string) => q(`v_${name}`);
const p = (name: string) => q(`p_${name}`);

function reason(rule: string, messageSql: string): string {
  return `struct_pack(rule := ${quoteLiteral(rule)}, reason := ${messageSql})`;
}

/**
 * A cell without surrounding spaces, tabs and no-break spaces, NULL when empty. trim()
 * with a set of characters is slow, so it runs only on cells that hold one of them.
 */
export function clean(column: Column): string {
  const cell = q(column.name);
  const trimmed = `CASE WHEN contains(${cell}, ' ') OR contains(${cell}, chr(9)) OR contains(${cell}, chr(160))
    THEN nullif(trim(${cell}, ' ' || chr(9) || chr(160)), '') ELSE nullif(${cell}, '') END`;
  const known = column.unknownIsEmpty
    ? `CASE WHEN lower(${trimmed}) = 'unknown' THEN NULL ELSE ${trimmed} END`
    : trimmed;
  return column.defaultValue !== undefined
    ? `coalesce(${known}, ${quoteLiteral(column.defaultValue)})`
    : known;
}

function rangeBroken(column: Column): string | null {
  const checks: string[] = [];
  if (column.min !== undefined)
    checks.push(`${p(column.name)} ${column.minExclusive ? '<=' : '<'} ${column.min}`);
  if (column.max !== undefined) checks.push(`${p(column.name)} > ${column.max}`);
  return checks.length ? checks.join(' OR ') : null;
}

interface Check {
  column: string;
  /** SQL that is true (never NULL) when the row breaks one of the column's rules. */
  broken: string;
  /** SQL for the first broken rule as {rule, reason}; evaluated only for broken rows. */
  reason: string;
}

function cellCheck(column: Column): Check | null {
  const name = column.name;
  const branches: [string, string][] = [];
  if (column.required) {
    branches.push([
      `${v(name)} IS NULL`,
      reason(
        'missing_value',
        rejectSql(() => rejectReasons.missingValue(name)),
      ),
    ]);
  }
  // A person_id's checksum is judged once per distinct value (personKeysSql), not here.
  if (column.type !== 'person_id') {
    const rule = cellRule(column);
    if (rule.message) {
      branches.push([
        `${v(name)} IS NOT NULL AND ${p(name)} IS NULL`,
        reason(`invalid_${column.type}`, rule.message(v(name))),
      ]);
    }
    const range = rangeBroken(column);
    if (range) {
      branches.push([
        `coalesce(${range}, false)`,
        reason(
          'out_of_range',
          rejectSql((sql) =>
            rejectReasons.outOfRange(name, sql(`mask_pnr_like(${p(name)}::VARCHAR)`), column),
          ),
        ),
      ]);
    }
  }
  if (!branches.length) return null;
  return {
    column: name,
    broken: branches.map(([when]) => `(${when})`).join(' OR '),
    reason: `CASE ${branches.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} END`,
  };
}

/** The person_id column of a kind, if it has one. */
export function personIdColumn(kind: Kind): Column | undefined {
  return columnsOf(kind).find((c) => c.type === 'person_id');
}

/**
 * The key that joins a staged row to its person: a 64-bit hash of the cleaned id and
 * $salt, a random value of this load that is never stored, so that a key (should DuckDB
 * move the staged table to its temporary folder) does not lead back to the id.
 */
const personKey = (valueSql: string) =>
  `CASE WHEN ${valueSql} IS NOT NULL THEN hash(${valueSql} || $salt) END`;

/**
 * One row per distinct person_id of the source: its key (as in the staged table's
 * `_pk`), whether it is a personnummer with a bad check digit, its pseudonym and the birth
 * year a personnummer gives. Checking and hashing each person once instead of each row
 * is most of what makes a large load fast: a registrations file has ten rows a person.
 * The ids themselves are not kept. Parameters: $ipad, $opad (BLOB), $ingest_date, $salt.
 */
export function personKeysSql(kind: Kind, sourceSql: string): string {
  const column = personIdColumn(kind);
  if (!column) throw new Error(`${kind} has no person_id`);
  const hashed = pseudonymSqlExpression('coalesce(n, v)', '$ipad', '$opad');
  return `SELECT ${personKey('v')} AS k,
      coalesce(shape AND n IS NULL, false) AS invalid,
      CASE WHEN shape AND n IS NULL THEN NULL ELSE left(${hashed}, ${PSEUDONYM_HEX_LENGTH}) END AS pid,
      TRY_CAST(left(n, 4) AS BIGINT) AS birth_year
    FROM (
      SELECT v, pnr_shape(v) AS shape, pnr_normalize(v, CAST($ingest_date AS DATE)) AS n
      FROM (SELECT DISTINCT ${clean(column)} AS v FROM (${sourceSql}))
      WHERE v IS NOT NULL
    )`;
}

export interface StagedSelect {
  /**
   * Every row of the source with its typed values (some packed, see CellRule.pack), `_reasons` (the broken rules as a list of {column, r: {rule,
   * reason}}, NULL when the row passes), and for kinds with a person_id `_pk`, the key
   * into personKeysSql's table, in place of person_id.
   */
  sql: string;
}

/**
 * @param sourceSql a relation with one VARCHAR column per contract column (and any
 *   passthrough columns named in `passthrough`, e.g. `_line`). Parameter for kinds with
 *   a person_id: $salt (as for personKeysSql).
 */
export function stagedSelect(
  kind: Kind,
  sourceSql: string,
  passthrough: readonly string[] = [],
): StagedSelect {
  const columns = columnsOf(kind);
  const names = columns.map((c) => c.name);
  const through = passthrough.map((name) => q(name));

  const level1 = [...through, ...columns.map((c) => `${clean(c)} AS ${v(c.name)}`)];

  const level2 = [...through, ...names.map((n) => v(n))];
  for (const column of columns) {
    if (column.type === 'person_id') level2.push(`${personKey(v(column.name))} AS _pk`);
    else level2.push(`${cellRule(column).parse(v(column.name))} AS ${p(column.name)}`);
  }

  const checks: Check[] = columns.map(cellCheck).filter((check): check is Check => check !== null);
  for (const rule of ROW_RULES[kind] ?? []) {
    const broken = `coalesce(${rule.broken(p, v)}, false)`;
    checks.push({
      column: rule.column,
      broken,
      reason: `CASE WHEN ${broken} THEN ${reason(rule.rule, rule.message(p, v))} END`,
    });
  }
  // The verdict is a few comparisons a row; the reasons are built only for broken rows
  // (DuckDB evaluates a CASE branch only for the rows that take it).
  const ok = checks.length ? `NOT (${checks.map((c) => c.broken).join(' OR ')})` : 'true';
  const list = checks.map((c) => `{'column': ${quoteLiteral(c.column)}, 'r': ${c.reason}}`);
  const reasons = checks.length
    ? `CASE WHEN NOT (${ok}) THEN list_filter([${list.join(', ')}], e -> e.r IS NOT NULL) END`
    : 'NULL';

  // The staged table is as narrow as it can be: it holds every row of a large file at
  // once. person_id is not in it (the insert takes it, and an empty birth_year, from the
  // person's row of personKeysSql), terms, municipality codes and closed sets of values
  // are packed into small integers (CellRule.pack), and a row passes when it has no reasons.
  const level4 = [...through];
  for (const column of columns) {
    if (column.type === 'person_id') level4.push('_pk');
    else {
      const pack = cellRule(column).pack;
      level4.push(`${pack ? pack(p(column.name)) : p(column.name)} AS ${q(column.name)}`);
    }
  }
  level4.push(`${reasons} AS _reasons`);

  const sql = `SELECT ${level4.join(',\n  ')}
FROM (
  SELECT *
  FROM (
    SELECT ${level2.join(',\n      ')}
    FROM (
      SELECT ${level1.join(',\n        ')}
      FROM (${sourceSql})
    )
  )
)`;
  return { sql };
}

/**
 * The value each contract column gets when a staged row `s` is inserted into the raw
 * table; `m` is the row of personKeysSql's table joined on `_pk` (for kinds with a person_id).
 */
export function insertValues(kind: Kind, s: string, m: string): string[] {
  const columns = columnsOf(kind);
  const hasPerson = columns.some((c) => c.type === 'person_id');
  return columns.map((column) => {
    if (column.type === 'person_id') return `${m}.pid`;
    // Contract: an empty birth_year is taken from the personnummer (a non-empty one that
    // does not parse has rejected the row).
    if (column.name === 'birth_year' && hasPerson)
      return `coalesce(${s}.birth_year, ${m}.birth_year)`;
    const unpack = cellRule(column).unpack;
    return unpack ? unpack(`${s}.${q(column.name)}`) : `${s}.${q(column.name)}`;
  });
}
