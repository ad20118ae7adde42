// An SCB statistical-database export read as `population`: one row per region (maybe
// also per age or sex), one column per year. Rows of a region and year are summed, so
// an export with one row per age 20–64 gives the same answer as a pre-summed one.
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { yearOfColumn } from '../scb-columns.ts';
import type { CsvSniff } from '../sniff-csv.ts';
import { lineMapping } from './line-numbers.ts';
import { cellName, dropRejectTables, readCsvSql } from './read-csv-sql.ts';
import type { Source } from './source.ts';

export async function scbCsvSource(db: Database, path: string, sniff: CsvSniff, rejectsTable: string): Promise<Source> {
  const rawTable = `${rejectsTable}_scb`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(rawTable)} AS SELECT * FROM ${readCsvSql(path, sniff, rejectsTable)}`);
  const structural = await db.one<{ n: bigint }>(`SELECT count(DISTINCT line) AS n FROM ${q(rejectsTable)}`);
  const staged = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(rawTable)}`);
  // SCB writes one line a region; its files are not read again for multi-line records.
  const mapping = await lineMapping(db, { from: 'rowid', firstLine: sniff.headerIndex + 2, structuralRejects: rejectsTable }, rejectsTable, {
    staged: Number(staged!.n),
    structural: Number(structural!.n),
  });
  const years = sniff.header
    .map((cell, index) => ({ index, year: yearOfColumn(cell) }))
    .filter((entry): entry is { index: number; year: number } => entry.year !== null);
  const cells = years.map(({ index, year }) => `{'year': ${year}, 'v': nullif(trim(${q(cellName(index))}), '')}`).join(', ');
  const number = `TRY_CAST(replace(replace(cell.v, ' ', ''), chr(160), '') AS BIGINT)`;
  const missing = await db.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT unnest([${cells}]) AS cell FROM ${q(rawTable)}) WHERE cell.v IN ('..', '.', '-')`,
  );
  const warnings = missing?.n
    ? [`${missing.n} cell(s) were '..' (missing in SCB's table); those municipality-years are rejected, not guessed`]
    : [];
  const sql = `SELECT
      region AS municipality_code,
      cell.year::VARCHAR AS year,
      CASE WHEN bool_and(${number} IS NOT NULL) THEN sum(${number})::VARCHAR
           ELSE min(cell.v) FILTER (WHERE ${number} IS NULL) END AS population_20_64,
      min(_line) AS _line
    FROM (
      SELECT ${q(cellName(0))} AS region, ${mapping.expression('r')} AS _line, unnest([${cells}]) AS cell
      FROM ${q(rawTable)} AS r ${mapping.join('r')}
    )
    GROUP BY region, cell.year
    ORDER BY _line, cell.year`;
  return {
    sql,
    lines: { from: 'column' },
    format: 'scb',
    warnings,
    cleanup: async (database) => {
      await database.run(dropRejectTables(rejectsTable));
      await database.run(`DROP TABLE IF EXISTS ${q(rawTable)}; DROP TABLE IF EXISTS ${q(`${rejectsTable}_shift`)}`);
    },
  };
}

