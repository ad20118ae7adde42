// Faults a user meets: `larsam ingest` killed with SIGKILL in the middle of a large load
// leaves the database as it was before (no partial rows, the ledger says nothing was
// loaded) and a re-run completes; a second larsam on the same database is told which
// process holds it instead of seeing DuckDB's lock error.
import {
  appendFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { quoteLiteral } from '../../src/db/sql-text.ts';
import { Workspace } from '../helpers/workspace.ts';
import { runCli, startCli } from '../helpers/run-cli.ts';

const ROWS = 1_500_000;
const HEADER = 'person_id;term;course_code;credits;first_time;home_municipality;gender';

let big: Workspace; // holds the generated file, shared by the tests
let bigFile: string;
let ws: Workspace;

/**
 * ROWS registrations with 12-digit identity numbers (months 13–24, so no real person;
 * valid check digits from the Luhn macro) for 500 000 persons, written by DuckDB.
 */
async function generateRegistrations(path: string): Promise<void> {
  const db = await Database.open(':memory:');
  try {
    await db.run(`COPY (
      WITH p AS (SELECT i, (i % 500000) * 7919 % 1000000000 AS x FROM range(${ROWS}) t(i)),
      n AS (SELECT i, (50 + x % 50) * 10000000 + (13 + x // 50 % 12) * 100000 + (1 + x // 600 % 28) * 1000 + x // 16800 % 1000 AS v FROM p)
      SELECT '19' || lpad((v * 10 + (10 - (pnr_luhn_pair(v // 10000000) + pnr_luhn_pair(v // 100000 % 100) + pnr_luhn_pair(v // 1000 % 100)
                      + pnr_luhn_pair(v // 10 % 100) + pnr_luhn_pair(v % 10 * 10)) % 10) % 10)::VARCHAR, 10, '0') AS person_id,
             ['HT2024', 'VT2025', 'HT2025', 'VT2026'][i % 4 + 1] AS term,
             'KU' || lpad((i % 400)::VARCHAR, 3, '0') || 'G' AS course_code,
             ['7,5', '15', '3', '30', '22,5'][i % 5 + 1] AS credits,
             CASE WHEN i % 5 = 0 THEN 'ja' ELSE 'nej' END AS first_time,
             ['2380', '2321', '2260', '2180', '2280'][i % 5 + 1] AS home_municipality,
             ['K', 'M', 'X'][i % 3 + 1] AS gender
      FROM n ORDER BY i
    ) TO ${quoteLiteral(path)} (FORMAT csv, DELIMITER ';', HEADER true)`);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  big = new Workspace();
  bigFile = join(big.dir, 'registrations-big.csv');
  await generateRegistrations(bigFile);
  expect(readFileSync(bigFile, { encoding: 'latin1' }).slice(0, HEADER.length)).toBe(HEADER);
}, 120_000);
afterAll(() => big?.remove());

beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

/** The bytes a process has read and written so far (Linux /proc/<pid>/io), or null once it is gone. */
function io(pid: number): { rchar: number; wchar: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/io`, 'utf8');
    return {
      rchar: Number(/rchar: (\d+)/.exec(text)![1]),
      wchar: Number(/wchar: (\d+)/.exec(text)![1]),
    };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `ready` holds for the running child; fails if the child ends first. */
async function waitUntil(
  child: ChildProcess,
  what: string,
  ready: () => boolean,
  timeoutMs = 240_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`larsam ended (${child.exitCode ?? child.signalCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function kill(child: ChildProcess, finished: Promise<unknown>): Promise<void> {
  expect(child.kill('SIGKILL')).toBe(true);
  await finished;
  expect(child.signalCode).toBe('SIGKILL');
}

interface State {
  loads: [string, string, number][];
  raw: number;
  rejects: number;
  courses: string[];
  /** Rows of the generated file whose _line is not the line their content was written on. */
  misplaced: number;
}

/** What the database holds, read with `larsam query` as a user would. */
async function state(dbPath: string): Promise<State> {
  const query = async (sql: string) => {
    const run = await runCli(['query', sql, '--json', '--db', dbPath]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>[];
  };
  const loads = (
    await query('select file_name, status, rows_loaded from loads order by load_id')
  ).map((l) => [l.file_name, l.status, l.rows_loaded] as [string, string, number]);
  const [counts] = await query(
    `select (select count(*) from raw_registrations) as raw, (select count(*) from rejects) as rejects,
            (select count(*) from raw_registrations where course_code like 'KU___G' and course_code <> 'KU' || lpad(((_line - 2) % 400)::varchar, 3, '0') || 'G') as misplaced`,
  );
  const courses = (
    await query('select distinct course_code from raw_registrations order by 1')
  ).map((r) => r.course_code as string);
  return {
    loads,
    raw: Number(counts!.raw),
    rejects: Number(counts!.rejects),
    courses,
    misplaced: Number(counts!.misplaced),
  };
}

describe('SIGKILL in the middle of a large load', () => {
  it('killed while the rows are being inserted: the earlier version stays, no partial rows, and a re-run completes', async () => {
    const file = ws.write(
      'data/registrations.csv',
      `${HEADER}\nS1;HT2025;V1KURS;7,5;ja;2380;K\nS2;HT2025;V1KURS;0;ja;2380;K\n`,
    );
    const first = await runCli(['ingest', file, '--db', ws.dbPath]);
    expect(first.code).toBe(0);
    const before = await state(ws.dbPath);
    expect(before).toEqual({
      loads: [['registrations.csv', 'loaded', 1]],
      raw: 1,
      rejects: 1,
      courses: ['V1KURS'],
      misplaced: 0,
    });

    // A new version of the same file: its load deletes V1's rows in the same transaction.
    writeFileSync(file, readFileSync(bigFile));
    const dbSize = size(ws.dbPath) + size(`${ws.dbPath}.wal`);
    const { child, finished } = startCli(['ingest', file, '--db', ws.dbPath]);
    // Rows are flushed to the database file while the INSERT runs, before COMMIT: kill
    // once the first megabytes of the new rows are there.
    await waitUntil(
      child,
      'the insert writes rows',
      () => size(ws.dbPath) + size(`${ws.dbPath}.wal`) > dbSize + 4_000_000,
    );
    await kill(child, finished);

    expect(await state(ws.dbPath)).toEqual(before);

    const rerun = await runCli(['ingest', file, '--db', ws.dbPath]);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const after = await state(ws.dbPath);
    expect(after.loads).toEqual([
      ['registrations.csv', 'replaced', 1],
      ['registrations.csv', 'loaded', ROWS],
    ]);
    expect(after.raw).toBe(ROWS);
    expect(after.rejects).toBe(0);
    expect(after.courses).toHaveLength(400);
    expect(after.misplaced).toBe(0);
  }, 600_000);

  it('killed while DuckDB reads a Windows-1252 file: nothing loaded, the transcoded copy is cleaned up by the re-run', async () => {
    const other = ws.write(
      'data/learning_centres.csv',
      'centre_id,name,municipality_code\nLC-1,Östersund,2380\n',
    );
    expect((await runCli(['ingest', other, '--db', ws.dbPath])).code).toBe(0);
    const before = await state(ws.dbPath);

    // One Windows-1252 byte (Å) makes the whole file Windows-1252, so it is transcoded first.
    const file = join(ws.dir, 'data', 'registrations-w1252.csv');
    writeFileSync(file, readFileSync(bigFile));
    appendFileSync(file, Buffer.from('S1;HT2025;KURS\xc5;7,5;ja;2380;K\n', 'latin1'));
    const bytes = size(file);
    const tmpDir = join(ws.dir, 'db', 'tmp');
    const { child, finished } = startCli(['ingest', file, '--db', ws.dbPath]);
    const pid = child.pid!;
    // Read once to hash, once to transcode (written out), then DuckDB reads the copy.
    await waitUntil(child, 'DuckDB reads the transcoded copy', () => {
      const now = io(pid);
      return now !== null && now.wchar >= bytes && now.rchar > 2 * bytes + 20_000_000;
    });
    await kill(child, finished);

    const leftovers = readdirSync(tmpDir);
    expect(leftovers).toEqual([`_load_${pid}.utf8.csv`]);
    expect(await state(ws.dbPath)).toEqual(before);

    const rerun = await runCli(['ingest', file, '--db', ws.dbPath]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`${(ROWS + 1).toLocaleString('sv-SE')} rows read`);
    const after = await state(ws.dbPath);
    expect(after.loads).toEqual([
      ['learning_centres.csv', 'loaded', 1],
      ['registrations-w1252.csv', 'loaded', ROWS + 1],
    ]);
    expect(after.raw).toBe(ROWS + 1);
    expect(after.courses).toContain('KURSÅ');
    expect(after.misplaced).toBe(0);
    expect(readdirSync(tmpDir)).toEqual([]);
  }, 600_000);
});

describe('a second larsam on the same database', () => {
  it('is told which process holds the database, in one line with the way out, and changes nothing', async () => {
    const file = ws.write('data/registrations.csv', readFileSync(bigFile));
    const small = ws.write('data/degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n');
    const { child, finished } = startCli(['ingest', file, '--db', ws.dbPath]);
    const pid = child.pid!;
    const bytes = size(file);
    await waitUntil(
      child,
      'the first larsam is loading',
      () => (io(pid)?.rchar ?? 0) > bytes + 1_000_000,
    );

    const expected = new RegExp(
      `^error: the database ${escapeRegExp(ws.dbPath)} is in use by process ${pid}\\. Fix: wait for it to finish, or use another --db\\n$`,
    );
    const second = await runCli(['ingest', small, '--db', ws.dbPath]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(expected);
    expect(second.stdout).toBe('');
    // Readers are refused the same way while a writer holds the file.
    const status = await runCli(['status', '--db', ws.dbPath]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(expected);
    const query = await runCli(['query', 'select count(*) from loads', '--db', ws.dbPath]);
    expect(query.code).toBe(1);
    expect(query.stderr).toMatch(expected);

    expect(child.exitCode).toBeNull(); // the first one was not disturbed
    const done = await finished;
    expect(done.code).toBe(0);
    const after = await state(ws.dbPath);
    expect(after.loads).toEqual([['registrations.csv', 'loaded', ROWS]]);

    // Once it is free, the second one goes through.
    expect((await runCli(['ingest', small, '--db', ws.dbPath])).code).toBe(0);
  }, 600_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
