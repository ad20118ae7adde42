// Line numbers on a file large enough for DuckDB to read and validate it on several
// threads: every loaded row and every reject must name its own line in the file, also
// after an unreadable line in the middle has shifted the ones after it.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { quoteLiteral } from '../../src/db/sql-text.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const ROWS = 400_000;
const BREAK_AT = 200_000; // an unreadable line is written before record BREAK_AT

/** Record i: course_code C<i> tells which record a loaded row is; every 997th is rejected (credits 0). */
const recordsSql = (from: number, to: number, path: string, header: boolean) => `COPY (
  SELECT 'P' || (i % 5000) AS person_id, 'HT2025' AS term, 'C' || i AS course_code,
         CASE WHEN i % 997 = 0 THEN '0' ELSE '7,5' END AS credits,
         ['ja', 'nej', 'J', 'N', 'true', 'false', '1'][i % 7 + 1] AS first_time,
         ['K', 'M', 'kvinna', 'X'][i % 4 + 1] AS gender,
         ['forgymnasial', 'gymnasial_le2', 'gymnasial_3', 'eftergymnasial_lt3', 'eftergymnasial_ge3', 'forskarutbildning', 'unknown'][i % 7 + 1] AS parental_education
  FROM range(${from}, ${to}) t(i) ORDER BY i
) TO ${quoteLiteral(path)} (FORMAT csv, DELIMITER ';', HEADER ${header})`;

describe('line numbers of a large file', () => {
  it('gives every loaded row and every reject its own line', async () => {
    const file = join(ws.dir, 'registrations.csv');
    const rest = join(ws.dir, 'rest.csv');
    const db = await Database.open(':memory:');
    await db.run(recordsSql(0, BREAK_AT, file, true));
    await db.run(recordsSql(BREAK_AT, ROWS, rest, false));
    db.close();
    appendFileSync(file, 'P1;HT2025;BROKEN\n');
    appendFileSync(file, readFileSync(rest));

    const report = await ws.ingest([file]);
    const rejected = Math.ceil(ROWS / 997);
    expect(report.results[0]).toMatchObject({
      rowsRead: ROWS + 1,
      rowsLoaded: ROWS - rejected,
      rowsRejected: rejected + 1,
    });

    // The line of record i: the header is line 1, and records from BREAK_AT on come after the broken line.
    const lineOf = (i: string) => `(${i} + 2 + CASE WHEN ${i} >= ${BREAK_AT} THEN 1 ELSE 0 END)`;
    const [loaded] = await ws.query<{ n: bigint; wrong_line: bigint; wrong_values: bigint }>(
      `WITH r AS (SELECT *, CAST(substr(course_code, 2) AS BIGINT) AS i FROM raw_registrations)
       SELECT count(*) AS n,
              count(*) FILTER (WHERE _line <> ${lineOf('i')}) AS wrong_line,
              count(*) FILTER (WHERE gender IS DISTINCT FROM ['woman', 'man', 'woman', 'other'][i % 4 + 1]
                                  OR first_time IS DISTINCT FROM [true, false, true, false, true, false, true][i % 7 + 1]
                                  OR parental_education IS DISTINCT FROM ['forgymnasial', 'gymnasial_le2', 'gymnasial_3', 'eftergymnasial_lt3', 'eftergymnasial_ge3', 'forskarutbildning', 'unknown'][i % 7 + 1]) AS wrong_values
       FROM r`,
    );
    expect(loaded).toEqual({ n: BigInt(ROWS - rejected), wrong_line: 0n, wrong_values: 0n });

    const rejects = await ws.query<{ line: bigint; column_name: string; rule: string }>(
      `SELECT line, column_name, rule FROM rejects ORDER BY line, column_name`,
    );
    const expected = [
      ...Array.from({ length: rejected }, (_, k) => k * 997).map((i) => ({
        line: BigInt(i + 2 + (i >= BREAK_AT ? 1 : 0)),
        column_name: 'credits',
        rule: 'out_of_range',
      })),
      // The short line lacks its last four cells: one reject for each, naming the column.
      ...['credits', 'first_time', 'gender', 'parental_education'].map((column_name) => ({
        line: BigInt(BREAK_AT + 2),
        column_name,
        rule: 'unreadable_line',
      })),
    ].sort((a, b) => Number(a.line - b.line));
    expect(rejects).toEqual(expected);
  }, 120_000);
});

describe('line numbers when records are not one line each', () => {
  // Line:  1 header, 2 S1, 3 blank, 4–5 a needs-like value over two lines, 6 unreadable
  // (too few fields), 7 blank, 8 bad credits, 9 blank, 10 S5, 11 unreadable.
  const text = [
    'person_id;term;course_code;credits;first_time',
    'S1;HT2025;C1;7,5;ja',
    '',
    'S2;HT2025;"C2 rad ett',
    'rad två";7,5;ja',
    'S3;HT2025',
    '',
    'S4;HT2025;C4;x;ja',
    '',
    'S5;HT2025;"C5 ""citat""";7,5;ja',
    'S6;HT2025;C6',
    '',
  ].join('\n');

  it('names each loaded row and each reject by its line in the file, blank lines and line breaks in values counted', async () => {
    const file = ws.write('registrations.csv', text);
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 6, rowsLoaded: 3, rowsRejected: 3 });
    expect(
      await ws.query(
        'SELECT _line::INT AS line, course_code FROM raw_registrations ORDER BY _line',
      ),
    ).toEqual([
      { line: 2, course_code: 'C1' },
      { line: 4, course_code: 'C2 rad ett\nrad två' },
      { line: 10, course_code: 'C5 "citat"' },
    ]);
    expect(
      (
        await ws.query<{ line: number }>(
          'SELECT DISTINCT line::INT AS line FROM rejects ORDER BY line',
        )
      ).map((r) => r.line),
    ).toEqual([6, 8, 11]);
  });

  it('still refuses a file whose quote never closes, also after a value with a line break', async () => {
    const file = ws.write(
      'registrations.csv',
      `${text}S7;HT2025;"C7;7,5;ja\nS8;HT2025;C8;7,5;ja\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.failures.map((f) => String(f.error))).toEqual([
      expect.stringMatching(/quote opened on this line is never closed/),
    ]);
  });
});
