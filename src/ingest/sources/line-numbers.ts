// From the record index of a staged row to its line in the file. DuckDB's CSV reader
// numbers rows by record (header and skipped lines counted) and drops rows it cannot
// split; those dropped lines shift every later record by one. Blank lines and quoted
// values with line breaks shift them too; when the file's line count shows any, the
// exact line of every record comes from scanRecordLines. The temporary tables a mapping
// makes are its caller's to drop (withLineMapping does it; dropLineMapping for a mapping
// that outlives the call, as an SCB source's does).
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { scanRecordLines, type RecordLines } from './record-lines.ts';
import type { LineNumbers } from './source.ts';

export interface LineMapping {
  /** SQL for the line of a row of `alias` (which must expose rowid). */
  expression(alias: string): string;
  /** A join to add after `FROM <staged> AS alias`. */
  join(alias: string): string;
  /** DuckDB's rejected lines with `line` the line in the file (absent when there are none). */
  structuralRejects?: string;
  /** The file's records as read again, when they are not one line each. */
  records?: RecordLines;
}

export interface LineFacts {
  /** Rows in the staged table. */
  staged: number;
  /** Distinct lines DuckDB rejected. */
  structural: number;
  /** Lines in the file (scanFile); when absent, records are taken to be one line each. */
  fileLines?: number;
}

/** The temporary tables lineMapping may make under `tag`. */
function mappingTables(tag: string): string[] {
  return [`${tag}_shift`, `${tag}_breaks`, `${tag}_rejected_lines`, `${tag}_line_of`];
}

/** Drops whatever lineMapping made under `tag` (none of them may exist). */
export async function dropLineMapping(db: Database, tag: string): Promise<void> {
  await db.run(
    mappingTables(tag)
      .map((t) => `DROP TABLE IF EXISTS ${q(t)};`)
      .join(' '),
  );
}

/** A line mapping for `work`, its tables dropped when work ends, however it ends. */
export async function withLineMapping<T>(
  db: Database,
  lines: LineNumbers,
  tag: string,
  facts: LineFacts,
  work: (mapping: LineMapping) => Promise<T>,
): Promise<T> {
  try {
    return await work(await lineMapping(db, lines, tag, facts));
  } finally {
    await dropLineMapping(db, tag).catch(() => undefined);
  }
}

export async function lineMapping(
  db: Database,
  lines: LineNumbers,
  tag: string,
  facts: LineFacts,
): Promise<LineMapping> {
  if (lines.from === 'column') {
    return { expression: (alias) => `${alias}._line`, join: () => '' };
  }
  const first = lines.firstLine;
  const structuralRejects = facts.structural > 0 ? lines.structuralRejects : undefined;
  // One line a record (blank lines at the very end aside): record index + first line.
  const records = facts.staged + facts.structural;
  const oneLineEach = facts.fileLines === undefined || first - 1 + records === facts.fileLines;
  const scanned =
    lines.csv && !oneLineEach
      ? await scanRecordLines(lines.csv.path, lines.csv.delimiter, lines.csv.skipLines)
      : undefined;
  if (scanned && scanned.breaks.length > 0 && scanned.records === records) {
    return {
      ...(await exactLines(db, first, scanned, tag, structuralRejects, facts.staged)),
      records: scanned,
    };
  }
  const base = scanned ? { records: scanned } : {};
  if (!structuralRejects) {
    return { ...base, expression: (alias) => `(${first} + ${alias}.rowid)`, join: () => '' };
  }
  // e_j sorted distinct error lines; pos_j = e_j − (j − 1); a record k is shifted by the
  // number of j with pos_j ≤ first + k. ASOF picks the largest such pos.
  const shiftTable = `${tag}_shift`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(shiftTable)} AS
    SELECT pos, max(j) AS shift FROM (
      SELECT line - (row_number() OVER (ORDER BY line) - 1) AS pos, row_number() OVER (ORDER BY line) AS j
      FROM (SELECT DISTINCT line FROM ${q(structuralRejects)})
    ) GROUP BY pos`);
  return {
    ...base,
    structuralRejects,
    expression: (alias) => `(${first} + ${alias}.rowid + coalesce(shift_j.shift, 0))`,
    join: (alias) =>
      `ASOF LEFT JOIN ${q(shiftTable)} AS shift_j ON ${first} + ${alias}.rowid >= shift_j.pos`,
  };
}

/**
 * Every record's line from the breaks: a table of staged row → line, and DuckDB's
 * rejected lines translated from its numbering (blank lines counted, a multi-line
 * record as one) to the file's.
 */
async function exactLines(
  db: Database,
  first: number,
  scanned: RecordLines,
  tag: string,
  structuralRejects: string | undefined,
  staged: number,
): Promise<Pick<LineMapping, 'expression' | 'join' | 'structuralRejects'>> {
  const breaks = q(`${tag}_breaks`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${breaks} (rec BIGINT, duck BIGINT, phys BIGINT)`);
  for (let at = 0; at < scanned.breaks.length; at += 1000) {
    const values = scanned.breaks
      .slice(at, at + 1000)
      .map((b) => `(${b.rec}, ${b.duck}, ${b.phys})`);
    await db.run(`INSERT INTO ${breaks} VALUES ${values.join(', ')}`);
  }
  let rejected = '(SELECT NULL::BIGINT AS rec WHERE false)';
  let mapped: string | undefined;
  if (structuralRejects) {
    mapped = `${tag}_rejected_lines`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${q(mapped)} AS
      SELECT r.* REPLACE (coalesce(b.phys + (r.line - b.duck), r.line) AS line),
             coalesce(b.rec + (r.line - b.duck), r.line - ${first}) AS _rec
      FROM ${q(structuralRejects)} AS r ASOF LEFT JOIN ${breaks} AS b ON r.line >= b.duck`);
    rejected = `(SELECT DISTINCT _rec AS rec FROM ${q(mapped)})`;
  }
  const lineOf = q(`${tag}_line_of`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${lineOf} AS
    SELECT row_number() OVER (ORDER BY rec) - 1 AS k, line FROM (
      SELECT g.range AS rec, coalesce(b.phys + (g.range - b.rec), ${first} + g.range) AS line
      FROM range(${scanned.records}) AS g ASOF LEFT JOIN ${breaks} AS b ON g.range >= b.rec
      WHERE g.range NOT IN (SELECT rec FROM ${rejected})
    )`);
  const count = (await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${lineOf}`))!;
  if (Number(count.n) !== staged)
    throw new Error(`line mapping covers ${count.n} records, the file has ${staged}`);
  return {
    ...(mapped ? { structuralRejects: mapped } : {}),
    expression: () => 'line_of.line',
    join: (alias) => `JOIN ${lineOf} AS line_of ON line_of.k = ${alias}.rowid`,
  };
}
