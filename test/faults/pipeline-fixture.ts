// A small generated data set in two versions for the fault tests of `larsam run`, the
// reference results of undisturbed runs, and the checks that a database and a report
// folder left behind by a disturbed run are consistent.
//
// Version B is `larsam generate --persons 300` over four terms with two of its ten
// activities (fewer charts, so a run takes seconds). Version A is an earlier export of
// the same files: results.csv and participations.csv hold fewer rows. A database built
// on A and then run on B replaces those two files' loads, rebuilds and rewrites the
// report, which gives a killed run an earlier state to fall back to.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { readStatus } from '../../src/ingest/status.ts';
import { cliEnv, runCli, startCli, type CliRun } from '../helpers/run-cli.ts';

export const REVIEW_TERM = 'HT2025';
export const ACTIVITIES = new Set(['BESOK-HJD', 'STUD-SOL']);
const ACTIVITY_FILES = [
  'activities.csv',
  'activity_goals.csv',
  'activity_sessions.csv',
  'participations.csv',
];
/** Lines kept (header included) of the files that are shorter in version A. */
const VERSION_A_LINES: Record<string, number> = { 'results.csv': 1000, 'participations.csv': 40 };

/** Environment of every larsam the fault tests start: the test key, and a line on stderr after each committed load. */
export const STAGE_ENV = cliEnv({ LARSAM_STAGE_TIMES: '1' });

export interface Version {
  name: 'A' | 'B';
  files: Map<string, Buffer>;
}

export interface Reference {
  version: Version;
  /** The indicators table, every row in a fixed order, as JSON. */
  indicators: string;
  /** The report folder: relative path → bytes. */
  report: Map<string, Buffer>;
  /** The whole run's stdout and stderr (for reading failures). */
  run: CliRun;
}

export interface Fixture {
  root: string;
  /** The input folder every pipeline reads (holds B once the fixture is made). */
  data: string;
  a: Reference;
  b: Reference;
  /** sha256 of each version of each input file → the number of data rows it has. */
  rowsBySha: Map<string, { file: string; rows: number }>;
  /** A folder with a database and report made by an undisturbed run on A (copy it with fromA). */
  stateA: string;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function keepLines(text: string, keep: (line: string, index: number) => boolean): string {
  const lines = text.split('\n');
  const last = lines.pop();
  if (last !== '') throw new Error('a generated file without a final newline');
  return `${lines.filter(keep).join('\n')}\n`;
}

/** The pipeline definition of a run in `dir`: the shared inputs, the report in dir/reports. */
export function writePipeline(fixtureData: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'pipeline.json');
  writeFileSync(
    path,
    `${JSON.stringify({ name: 'Terminsrapport (feltest)', inputs: [fixtureData], review_term: REVIEW_TERM, out: join(dir, 'reports') }, null, 2)}\n`,
  );
  return path;
}

export const dbOf = (dir: string) => join(dir, 'db', 'larsam.duckdb');
export const reportOf = (dir: string) => join(dir, 'reports', REVIEW_TERM);

export function writeVersion(data: string, version: Version): void {
  mkdirSync(data, { recursive: true });
  for (const [name, bytes] of version.files) writeFileSync(join(data, name), bytes);
}

/** Every file under a folder (recursively, hidden ones too): relative path → bytes. */
export function folderFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Every file under a folder (recursively) with its mtime. */
export function fileTimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return; // renamed or removed while we looked
    }
    for (const name of names) {
      const path = join(d, name);
      try {
        const st = lstatSync(path);
        if (st.isDirectory()) walk(path);
        else out.set(path, st.mtimeMs);
      } catch {
        // gone meanwhile
      }
    }
  };
  walk(dir);
  return out;
}

/** Files under a folder that are new or modified since `before` (fileTimes of it then). */
export function filesWrittenSince(dir: string, before: Map<string, number>): number {
  let n = 0;
  for (const [path, mtime] of fileTimes(dir)) if (before.get(path) !== mtime) n += 1;
  return n;
}

export async function indicatorsJson(db: Database): Promise<string> {
  const rows = await db.rows(`SELECT * FROM indicators ORDER BY ALL`);
  return JSON.stringify(rows, (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v,
  );
}

/** Runs larsam to the end and expects success. */
export async function runOk(args: string[]): Promise<CliRun> {
  const run = await runCli(args, { env: STAGE_ENV });
  if (run.code !== 0)
    throw new Error(
      `larsam ${args.join(' ')} failed (${run.code ?? run.signal}):\n${run.stderr}\n${run.stdout}`,
    );
  return run;
}

async function reference(fixtureData: string, dir: string, version: Version): Promise<Reference> {
  const pipeline = writePipeline(fixtureData, dir);
  const run = await runOk(['run', pipeline, '--db', dbOf(dir)]);
  const db = await Database.open(dbOf(dir), { readOnly: true });
  try {
    return {
      version,
      indicators: await indicatorsJson(db),
      report: folderFiles(reportOf(dir)),
      run,
    };
  } finally {
    db.close();
  }
}

export async function makeFixture(root: string): Promise<Fixture> {
  const generated = join(root, 'generated');
  await runOk([
    'generate',
    '--out',
    generated,
    '--persons',
    '300',
    '--seed',
    '7',
    '--from-term',
    'VT2024',
    '--to-term',
    REVIEW_TERM,
    '--db',
    join(root, 'generate.duckdb'),
  ]);
  const b: Version = { name: 'B', files: new Map() };
  for (const name of readdirSync(generated)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    let text = readFileSync(join(generated, name), 'utf8');
    if (ACTIVITY_FILES.includes(name))
      text = keepLines(text, (line, i) => i === 0 || ACTIVITIES.has(line.split(',')[0]!));
    b.files.set(name, Buffer.from(text));
  }
  const a: Version = { name: 'A', files: new Map(b.files) };
  for (const [name, lines] of Object.entries(VERSION_A_LINES))
    a.files.set(
      name,
      Buffer.from(keepLines(b.files.get(name)!.toString('utf8'), (_l, i) => i < lines)),
    );

  const rowsBySha = new Map<string, { file: string; rows: number }>();
  for (const version of [a, b]) {
    for (const [name, bytes] of version.files)
      rowsBySha.set(sha256(bytes), {
        file: name,
        rows: bytes.toString('utf8').split('\n').length - 2,
      });
  }

  const data = join(root, 'data');
  writeVersion(data, a);
  const stateA = join(root, 'state-a');
  const refA = await reference(data, stateA, a);
  writeVersion(data, b);
  const refB = await reference(data, join(root, 'reference-b'), b);
  expect(refA.indicators).not.toBe(refB.indicators);
  return { root, data, a: refA, b: refB, rowsBySha, stateA };
}

/** A run folder holding a copy of the database and report of the undisturbed run on A. */
export function fromA(fixture: Fixture, dir: string): void {
  mkdirSync(join(dir, 'db'), { recursive: true });
  for (const name of readdirSync(join(fixture.stateA, 'db'))) {
    if (name.startsWith('larsam.duckdb'))
      copyFileSync(join(fixture.stateA, 'db', name), join(dir, 'db', name));
  }
  cpSync(join(fixture.stateA, 'reports'), join(dir, 'reports'), { recursive: true });
}

export interface DatabaseState {
  exists: boolean;
  /** Loads with status 'loaded': file name → sha256. */
  loaded: Map<string, string>;
  /** The version the models were built from, if they were built. */
  built: 'A' | 'B' | null;
  stale: boolean;
  modelState: string;
}

/**
 * Opens the database read-only (a user's `larsam status` or `larsam query` does the same)
 * and checks that the ledger tells the truth: every 'loaded' load has exactly as many raw
 * rows as it says, rows read = loaded + rejected = the data rows of a version of that
 * file, no row belongs to a replaced or unknown load, one loaded version per file; the
 * models are either absent or built from one whole version, and reported stale when
 * loads came after them.
 */
export async function checkDatabase(
  fixture: Fixture,
  dbPath: string,
  label = dbPath,
): Promise<DatabaseState> {
  if (!existsSync(dbPath))
    return {
      exists: false,
      loaded: new Map(),
      built: null,
      stale: false,
      modelState: 'no database',
    };
  const db = await Database.open(dbPath, { readOnly: true });
  try {
    const hasLedger = await db.one(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'loads'`);
    if (!hasLedger) {
      const tables = await db.rows(`SELECT table_name FROM duckdb_tables()`);
      expect(tables, 'tables without a ledger').toEqual([]);
      return { exists: true, loaded: new Map(), built: null, stale: false, modelState: 'empty' };
    }
    const loads = await db.rows<{
      load_id: number;
      path: string;
      file_name: string;
      sha256: string;
      kind: string;
      rows_read: bigint;
      rows_loaded: bigint;
      rows_rejected: bigint;
      status: string;
      replaced_by: number | null;
    }>(
      `SELECT load_id, path, file_name, sha256, kind, rows_read, rows_loaded, rows_rejected, status, replaced_by FROM loads ORDER BY load_id`,
    );
    const loaded = new Map<string, string>();
    const loadedIds = new Set<number>();
    for (const load of loads) {
      const raw = Number(
        (await db.one<{ n: bigint }>(
          `SELECT count(*) AS n FROM "raw_${load.kind}" WHERE _load_id = ${load.load_id}`,
        ))!.n,
      );
      const rejected = Number(
        (await db.one<{ n: bigint }>(
          `SELECT count(DISTINCT line) AS n FROM rejects WHERE load_id = ${load.load_id}`,
        ))!.n,
      );
      const what = `load ${load.load_id} (${load.file_name}, ${load.status})`;
      if (load.status === 'loaded') {
        expect(raw, `${what}: raw rows`).toBe(Number(load.rows_loaded));
        expect(rejected, `${what}: rejected lines`).toBe(Number(load.rows_rejected));
        expect(Number(load.rows_read), `${what}: read = loaded + rejected`).toBe(
          Number(load.rows_loaded) + Number(load.rows_rejected),
        );
        const version = fixture.rowsBySha.get(load.sha256);
        expect(version?.file, `${what}: a version of the file`).toBe(load.file_name);
        expect(Number(load.rows_read), `${what}: rows of that version`).toBe(version!.rows);
        expect(loaded.has(load.file_name), `${what}: one loaded version per file`).toBe(false);
        loaded.set(load.file_name, load.sha256);
        loadedIds.add(load.load_id);
      } else {
        expect(load.status, what).toBe('replaced');
        expect(raw + rejected, `${what}: rows left behind`).toBe(0);
        expect(
          loads.find((l) => l.load_id === load.replaced_by)?.path,
          `${what}: replaced by a load of the same file`,
        ).toBe(load.path);
      }
    }
    for (const kind of new Set(loads.map((l) => l.kind))) {
      const orphans = await db.rows<{ id: number }>(
        `SELECT DISTINCT _load_id AS id FROM "raw_${kind}"`,
      );
      for (const { id } of orphans)
        expect(
          loadedIds.has(id),
          `raw_${kind} holds rows of load ${id}, which the ledger does not list as loaded`,
        ).toBe(true);
    }
    const orphanRejects = await db.rows<{ id: number }>(
      `SELECT DISTINCT load_id AS id FROM rejects`,
    );
    for (const { id } of orphanRejects)
      expect(loadedIds.has(id), `rejects of load ${id}`).toBe(true);

    const status = await readStatus(db);
    const builtAt = await db.one<{ value: string }>(
      `SELECT value FROM larsam_meta WHERE key = 'built_at_load'`,
    );
    const hasIndicators = await db.one(
      `SELECT 1 FROM duckdb_tables() WHERE table_name = 'indicators'`,
    );
    let built: 'A' | 'B' | null = null;
    let stale = false;
    if (!builtAt) {
      expect(hasIndicators, 'an indicators table without a recorded build').toBeUndefined();
      expect(status.models).toMatch(/^not built/);
    } else {
      const indicators = await indicatorsJson(db);
      built = sameText(indicators, fixture.b.indicators)
        ? 'B'
        : sameText(indicators, fixture.a.indicators)
          ? 'A'
          : null;
      if (!built)
        expect.fail(
          `${label}: the indicators of a committed build are neither those of version A nor B:\n${rowDiff(indicators, fixture.b.indicators)}`,
        );
      const maxLoad = Math.max(...loads.map((l) => l.load_id));
      stale = Number(builtAt.value) < maxLoad;
      if (stale) expect(status.models, 'loads after the build are reported').toMatch(/^stale/);
      else {
        expect(status.models).toMatch(/^built/);
        // Not stale: the models were built from exactly what is loaded.
        const version = built === 'B' ? fixture.b.version : fixture.a.version;
        expect(new Map(loaded), `the loads the ${built} models were built from`).toEqual(
          new Map([...version.files].map(([name, bytes]) => [name, sha256(bytes)])),
        );
      }
    }
    return { exists: true, loaded, built, stale, modelState: status.models };
  } finally {
    db.close();
  }
}

/** The first rows in which two indicators tables (as JSON) differ. */
function rowDiff(actual: string, expected: string): string {
  const a = JSON.parse(actual) as unknown[];
  const e = JSON.parse(expected) as unknown[];
  const eSet = new Set(e.map((r) => JSON.stringify(r)));
  const aSet = new Set(a.map((r) => JSON.stringify(r)));
  const extra = [...aSet].filter((r) => !eSet.has(r));
  const missing = [...eSet].filter((r) => !aSet.has(r));
  return `${a.length} rows (expected ${e.length}); ${extra.length} unexpected, e.g.\n  ${extra.slice(0, 3).join('\n  ')}\n${missing.length} missing, e.g.\n  ${missing.slice(0, 3).join('\n  ')}`;
}

/**
 * The report folder of a run folder is absent or a complete report byte for byte the
 * same as an undisturbed run's (of one of `allowed`); the reports folder holds nothing
 * else visible.
 */
export function checkReportFolder(dir: string, allowed: Reference[]): 'none' | 'A' | 'B' {
  const reports = join(dir, 'reports');
  const visible = existsSync(reports) ? readdirSync(reports).filter((n) => !n.startsWith('.')) : [];
  expect(
    visible.filter((n) => n !== REVIEW_TERM),
    'other visible entries in the reports folder',
  ).toEqual([]);
  if (!visible.length) return 'none';
  expect(statSync(reportOf(dir)).isDirectory()).toBe(true);
  const files = folderFiles(reportOf(dir));
  const match = allowed.find((r) => sameFiles(r.report, files));
  if (!match) {
    const ref = allowed[allowed.length - 1]!;
    const differing = [...new Set([...files.keys(), ...ref.report.keys()])].filter(
      (f) => !sameFile(f, files.get(f), ref.report.get(f)),
    );
    expect.fail(
      `the report folder is not a complete report: ${differing.length} of ${ref.report.size} files missing or different from version ${ref.version.name} (${differing.slice(0, 5).join(', ')})`,
    );
  }
  return match.version.name;
}

function sameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([name, bytes]) => sameFile(name, bytes, b.get(name)));
}

function sameFile(name: string, a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (!a || !b) return false;
  if (a.equals(b)) return true;
  return /\.(csv|json|html|svg)$/.test(name) && sameText(a.toString('utf8'), b.toString('utf8'));
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

/**
 * The same text, numbers compared to 1e-9 relative. The model build sums doubles in
 * parallel, so a rebuild of the same data may differ from the last in the last bits of
 * a few activity indicators (and the published indicators.csv with them); the fault
 * tests are about what a kill leaves behind, not about that.
 */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const partsA = a.split(NUMBER);
  const partsB = b.split(NUMBER);
  if (partsA.length !== partsB.length || partsA.some((part, i) => part !== partsB[i])) return false;
  const numbersB = b.match(NUMBER)!;
  return a.match(NUMBER)!.every((x, i) => {
    const p = Number(x);
    const q = Number(numbersB[i]);
    return p === q || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q));
  });
}

export { startCli, runCli };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` every 5 ms until it holds; fails if larsam ends first or after two minutes. */
export async function waitUntil(
  child: ChildProcess,
  what: string,
  ready: () => boolean,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`larsam ended (${child.exitCode ?? child.signalCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}
