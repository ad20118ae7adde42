// Builds the one SELECT that turns a source relation of text cells (one column per
// contract column, NULL where the file lacks it) into typed values plus, per column,
// the reason the cell was rejected (NULL when fine). DuckDB runs it over the whole file
// at once; nothing here loops over rows.
import { columnsOf, type Column } from '../contract/columns-of.ts';
import type { Kind } from '../contract/kinds.ts';
import { ROW_RULES } from '../contract/row-rules.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import { cellRule } from './cell-rules.ts';
import { pseudonymSqlExpression } from './pseudonym-key.ts';

/** Hex characters kept of the HMAC: 128 bits, ample against collisions, half the storage. */
export const PSEUDONYM_HEX_LENGTH = 32;

const v = (name: string) => q(`v_${name}`);
const p = (name: string) => q(`p_${name}`);
export const reasonColumn = (name: string) => q(`_r_${name}`);
export const rowRuleColumn = (index: number) => q(`_rr_${index}`);

function reason(rule: string, messageSql: string): string {
  return `struct_pack(rule := ${quoteLiteral(rule)}, reason := ${messageSql})`;
}

function clean(column: Column): string {
  const trimmed = `nullif(trim(${q(column.name)}, ' ' || chr(9) || chr(160)), '')`;
  return column.defaultValue !== undefined ? `coalesce(${trimmed}, ${quoteLiteral(column.defaultValue)})` : trimmed;
}

function rangeBroken(column: Column): string | null {
  const checks: string[] = [];
  if (column.min !== undefined) checks.push(`${p(column.name)} ${column.minExclusive ? '<=' : '<'} ${column.min}`);
  if (column.max !== undefined) checks.push(`${p(column.name)} > ${column.max}`);
  return checks.length ? checks.join(' OR ') : null;
}

function rangeText(column: Column): string {
  const parts: string[] = [];
  if (column.min !== undefined) parts.push(`${column.minExclusive ? '>' : '≥'} ${column.min}`);
  if (column.max !== undefined) parts.push(`≤ ${column.max}`);
  return parts.join(' and ');
}

function reasonSql(column: Column): string {
  const name = column.name;
  const branches: string[] = [];
  if (column.required) {
    branches.push(`WHEN ${v(name)} IS NULL THEN ${reason('missing_value', quoteLiteral(`${name} is required but empty`))}`);
  }
  if (column.type === 'person_id') {
    branches.push(
      `WHEN ${q('s_person_id')} AND ${q('n_person_id')} IS NULL THEN ${reason('invalid_personnummer', quoteLiteral('invalid personnummer checksum'))}`,
    );
  } else {
    const rule = cellRule(column);
    if (rule.message) {
      branches.push(`WHEN ${v(name)} IS NOT NULL AND ${p(name)} IS NULL THEN ${reason(`invalid_${column.type}`, rule.message(v(name)))}`);
    }
    const range = rangeBroken(column);
    if (range) {
      branches.push(
        `WHEN ${range} THEN ${reason('out_of_range', `${quoteLiteral(`${name} `)} || mask_pnr_like(${p(name)}::VARCHAR) || ${quoteLiteral(` is out of range (must be ${rangeText(column)})`)}`)}`,
      );
    }
  }
  return branches.length ? `CASE ${branches.join(' ')} END` : 'NULL::STRUCT(rule VARCHAR, reason VARCHAR)';
}

export interface StagedSelect {
  sql: string;
  /** Reject-reason columns of the staged table, for collecting rejects. */
  reasonColumns: { column: string; sql: string }[];
}

/**
 * @param sourceSql a relation with one VARCHAR column per contract column (and any
 *   passthrough columns named in `passthrough`, e.g. `_line`).
 * Parameters the SQL expects: $ipad, $opad (BLOB), $ingest_date (DATE).
 */
export function stagedSelect(kind: Kind, sourceSql: string, passthrough: readonly string[] = []): StagedSelect {
  const columns = columnsOf(kind);
  const names = columns.map((c) => c.name);
  const through = passthrough.map((name) => q(name));

  const level1 = [...through, ...columns.map((c) => `${clean(c)} AS ${v(c.name)}`)];

  const level2 = [...through, ...names.map((n) => v(n))];
  for (const column of columns) {
    if (column.type === 'person_id') {
      level2.push(`pnr_shape(${v(column.name)}) AS ${q('s_person_id')}`);
      level2.push(`pnr_normalize(${v(column.name)}, CAST($ingest_date AS DATE)) AS ${q('n_person_id')}`);
    } else {
      level2.push(`${cellRule(column).parse(v(column.name))} AS ${p(column.name)}`);
    }
  }

  const level3 = [...through];
  for (const column of columns) {
    if (column.type === 'person_id') {
      const hashed = pseudonymSqlExpression(`coalesce(${q('n_person_id')}, ${v(column.name)})`, '$ipad', '$opad');
      level3.push(
        `CASE WHEN ${v(column.name)} IS NULL OR (${q('s_person_id')} AND ${q('n_person_id')} IS NULL) THEN NULL ELSE left(${hashed}, ${PSEUDONYM_HEX_LENGTH}) END AS ${q(column.name)}`,
      );
    } else if (column.name === 'birth_year' && names.includes('person_id')) {
      // Contract: an empty birth_year is taken from the personnummer before hashing.
      level3.push(
        `coalesce(${p('birth_year')}, CASE WHEN ${v('birth_year')} IS NULL THEN TRY_CAST(left(${q('n_person_id')}, 4) AS BIGINT) END) AS ${q('birth_year')}`,
      );
    } else {
      level3.push(`${p(column.name)} AS ${q(column.name)}`);
    }
  }

  const reasonColumns = columns.map((column) => ({ column: column.name, sql: reasonColumn(column.name) }));
  for (const column of columns) level3.push(`${reasonSql(column)} AS ${reasonColumn(column.name)}`);
  (ROW_RULES[kind] ?? []).forEach((rule, index) => {
    level3.push(
      `CASE WHEN ${rule.broken(p)} THEN ${reason(rule.rule, rule.message(p))} END AS ${rowRuleColumn(index)}`,
    );
    reasonColumns.push({ column: rule.column, sql: rowRuleColumn(index) });
  });
  const ok = reasonColumns.map((r) => `${r.sql} IS NULL`).join(' AND ');

  const sql = `SELECT *, (${ok}) AS _ok FROM (
  SELECT ${level3.join(',\n    ')}
  FROM (
    SELECT ${level2.join(',\n      ')}
    FROM (
      SELECT ${level1.join(',\n        ')}
      FROM (${sourceSql})
    )
  )
)`;
  return { sql, reasonColumns };
}
