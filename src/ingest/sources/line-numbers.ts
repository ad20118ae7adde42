// From the record index of a staged row to its line in the file. DuckDB's CSV reader
// numbers rows by line (header and skipped lines counted) and drops rows it cannot
// split; those dropped lines shift every later record by one.
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import type { LineNumbers } from './source.ts';

export interface LineMapping {
  /** SQL for the line of a row of `alias` (which must expose rowid). */
  expression(alias: string): string;
  /** A join to add after `FROM <staged> AS alias`. */
  join(alias: string): string;
}

export async function lineMapping(db: Database, lines: LineNumbers, shiftTable: string): Promise<LineMapping> {
  if (lines.from === 'column') {
    return { expression: (alias) => `${alias}._line`, join: () => '' };
  }
  const first = lines.firstLine;
  if (!lines.structuralRejects) {
    return { expression: (alias) => `(${first} + ${alias}.rowid)`, join: () => '' };
  }
  // e_j sorted distinct error lines; pos_j = e_j − (j − 1); a record k is shifted by the
  // number of j with pos_j ≤ first + k. ASOF picks the largest such pos.
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(shiftTable)} AS
    SELECT pos, max(j) AS shift FROM (
      SELECT line - (row_number() OVER (ORDER BY line) - 1) AS pos, row_number() OVER (ORDER BY line) AS j
      FROM (SELECT DISTINCT line FROM ${q(lines.structuralRejects)})
    ) GROUP BY pos`);
  return {
    expression: (alias) => `(${first} + ${alias}.rowid + coalesce(shift_j.shift, 0))`,
    join: (alias) =>
      `ASOF LEFT JOIN ${q(shiftTable)} AS shift_j ON ${first} + ${alias}.rowid >= shift_j.pos`,
  };
}
