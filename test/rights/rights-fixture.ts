// The small hand-made data set of test/fixtures/report-small with two persons given
// personnummer (test numbers: month 13 and 14, no one is born then), written in
// different forms in different files, so that finding them goes through ingest's
// normalisation:
//   A = 199013011235: registrations line 2 (HT2024, K1, home 2380, LC-OST, first_time),
//       results lines 2–6 (5 rows, 10-digit form 901301-1235), degrees line 2 (1 row)
//       → 7 rows; no participation.
//   P = 200014024566: registrations line 22 (VT2026, X2, 2380), participations lines 4
//       and 6 (R1 on 2025-03-10 and 2025-09-15, 10-digit form 0014024566) → 3 rows.
// One database is ingested and built once (template); each test works on a copy.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { buildModels } from '../../src/models/build.ts';
import { pseudonymOf } from '../../src/rights/identify.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';
import { forms, testPnr } from '../helpers/personnummer-fixtures.ts';
import { TEST_KEY } from '../helpers/workspace.ts';

export const A = testPnr('19901301', '123');
export const P = testPnr('20001402', '456');
export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'report-small');

export function pseudonym(pnr: string): string {
  return pseudonymOf(Buffer.from(TEST_KEY, 'utf8'), pnr, 'test');
}

export interface RightsFixture {
  root: string;
  data: string;
  /** A built database: copy it with `copyDb`. */
  template: string;
}

export function writeData(data: string): void {
  cpSync(FIXTURE, data, { recursive: true });
  rmSync(join(data, 'README.md'), { force: true });
  const sub = (file: string, fn: (s: string) => string) =>
    writeFileSync(join(data, file), fn(readFileSync(join(data, file), 'utf8')));
  sub('registrations.csv', (s) =>
    s.replace(/^stud-A,/m, `${forms.twelveDash(A)},`).replace(/^P3,/m, `${forms.twelve(P)},`),
  );
  sub('results.csv', (s) => s.replace(/^stud-A,/gm, `${forms.tenDash(A)},`));
  sub('participations.csv', (s) => s.replace(/,P3$/gm, `,${forms.ten(P)}`));
  writeFileSync(
    join(data, 'degrees.csv'),
    `person_id,degree_date,degree_code\n${forms.twelve(A)},2025-06-01,KAND\nstud-B,2025-06-01,KAND\n`,
  );
}

export async function cliOk(args: string[]): Promise<CliRun> {
  const run = await runCli(args);
  expect(run.code, `larsam ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

export async function makeRightsFixture(): Promise<RightsFixture> {
  const root = mkdtempSync(join(tmpdir(), 'larsam-rights-'));
  const data = join(root, 'data');
  writeData(data);
  const template = join(root, 'template', 'larsam.duckdb');
  // In-process (as the CLI does it, without starting node twice): ingest, then build.
  const db = await Database.open(template);
  try {
    await ingest(db, [data], { env: { LARSAM_PSEUDONYM_KEY: TEST_KEY } });
    await buildModels(db);
  } finally {
    db.close();
  }
  return { root, data, template };
}

let copies = 0;
/** A copy of the template database in a folder of its own. */
export function copyDb(fixture: RightsFixture): string {
  const dir = join(fixture.root, `db-${copies++}`);
  mkdirSync(dir, { recursive: true });
  cpSync(fixture.template, join(dir, 'larsam.duckdb'));
  if (existsSync(`${fixture.template}.wal`))
    cpSync(`${fixture.template}.wal`, join(dir, 'larsam.duckdb.wal'));
  return join(dir, 'larsam.duckdb');
}

export async function withDb<T>(path: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path, { readOnly: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Rows of the pseudonym in every table and view with a person_id column. */
export async function rowsOfPerson(path: string, pid: string): Promise<Record<string, number>> {
  return withDb(path, async (db) => {
    const tables = await db.rows<{ t: string }>(
      `SELECT DISTINCT table_name AS t FROM duckdb_columns() WHERE column_name = 'person_id' AND database_name = current_database() ORDER BY t`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables) {
      out[t] = Number(
        (await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM "${t}" WHERE person_id = $pid`, {
          pid,
        }))!.n,
      );
    }
    return out;
  });
}

/** new_students, group all, for municipality 2380 in HT2024 (from the indicators view). */
export async function newStudents2380(path: string): Promise<number | null> {
  return withDb(path, async (db) => {
    const row = await db.one<{ v: number }>(
      `SELECT value::DOUBLE AS v FROM indicators WHERE indicator = 'new_students' AND scope = 'municipality' AND scope_id = '2380' AND term = 'HT2024' AND "group" = 'all'`,
    );
    return row ? row.v : null;
  });
}

/** True when the database file or its WAL holds the text's bytes. */
export function fileHolds(path: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [path, `${path}.wal`].some((f) => existsSync(f) && readFileSync(f).includes(needle));
}
