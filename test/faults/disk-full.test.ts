// A disk that fills up while larsam writes, made with a file size limit (`ulimit -f`,
// which needs no privileges): a write past the limit fails with EFBIG (Node ignores
// SIGXFSZ). On a database holding version A with its models and report, `larsam run`
// on version B fails once in the ingest (the log of results.csv's load does not fit)
// and once in the build (the log of the new models does not fit), and `larsam report`
// fails while writing the page. Each time: one clear line, the database readable and
// true to its ledger, the earlier loads and models intact and called stale when loads
// came after them, the earlier report untouched; and a run without the limit succeeds.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARSAM_BIN, type CliRun } from '../helpers/run-cli.ts';
import {
  checkDatabase,
  checkReportFolder,
  dbOf,
  fromA,
  makeFixture,
  REVIEW_TERM,
  runOk,
  sha256,
  STAGE_ENV,
  writePipeline,
  type Fixture,
} from './pipeline-fixture.ts';

let root: string;
let fixture: Fixture;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'larsam-faults-'));
  fixture = await makeFixture(root);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** larsam with no file it writes allowed past `kib` KiB. */
function runLimited(kib: number, args: string[]): Promise<CliRun> {
  const child = spawn(
    'bash',
    ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, LARSAM_BIN, ...args],
    {
      env: STAGE_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const errorLines = (run: CliRun) =>
  run.stderr.split('\n').filter((l) => l && !l.startsWith('stage times '));

describe('a disk that fills up', () => {
  for (const { stage, kib, loadsDone } of [
    { stage: 'ingest', kib: 16, loadsDone: 1 },
    { stage: 'build', kib: 1024, loadsDone: 2 },
  ]) {
    it(`during the ${stage} of larsam run: a clear error, the earlier loads, models and report intact, a re-run succeeds`, async () => {
      const dir = join(root, stage);
      fromA(fixture, dir);
      const pipeline = writePipeline(fixture.data, dir);
      const db = dbOf(dir);

      const run = await runLimited(kib, ['run', pipeline, '--db', db]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^error: a file size limit was reached while writing ${db}\\.wal; what this command wrote was not kept\\. Fix: free disk space \\(or raise the limit\\) and run the command again; what was loaded before is intact$`,
          ),
        ),
      ]);
      expect(run.stderr.split('\n').filter((l) => l.startsWith('stage times '))).toHaveLength(
        loadsDone,
      );

      const state = await checkDatabase(fixture, db, `disk full in the ${stage}`);
      expect(state.built).toBe('A');
      expect(state.stale).toBe(true);
      expect(state.modelState).toMatch(/^stale/);
      // participations.csv (loaded first) is B's; results.csv is B's only if its load fitted
      const b = (name: string) =>
        state.loaded.get(name) === sha256(fixture.b.version.files.get(name)!);
      expect(b('participations.csv')).toBe(true);
      expect(b('results.csv')).toBe(stage === 'build');
      expect(checkReportFolder(dir, [fixture.a])).toBe('A');

      await runOk(['run', pipeline, '--db', db]);
      const after = await checkDatabase(fixture, db, `after the disk-full ${stage}`);
      expect(after.built).toBe('B');
      expect(after.stale).toBe(false);
      expect(checkReportFolder(dir, [fixture.b])).toBe('B');
      expect(readdirSync(join(dir, 'reports'))).toEqual([REVIEW_TERM]);
    }, 300_000);
  }

  it('during larsam ingest on its own: the same one-line error, not a bug report', async () => {
    const dir = join(root, 'ingest-alone');
    fromA(fixture, dir);
    const db = dbOf(dir);
    const run = await runLimited(16, ['ingest', fixture.data, '--db', db]);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^error: a file size limit was reached while writing \S+; what this command wrote was not kept\. Fix: /,
      ),
    ]);
    const state = await checkDatabase(fixture, db, 'after the failed ingest');
    expect(state.built).toBe('A');
    await runOk(['ingest', fixture.data, '--db', db]);
  }, 300_000);

  it('while larsam report writes the page: a clear error, the earlier report untouched, nothing half-written', async () => {
    const dir = join(root, 'report');
    fromA(fixture, dir);
    const pipeline = writePipeline(fixture.data, dir);
    const db = dbOf(dir);
    // A's report on disk, B's loads and models in the database
    await runOk(['ingest', fixture.data, '--db', db]);
    await runOk(['build', '--db', db]);
    const sizes = [...fixture.b.report.values()].map((bytes) => bytes.length);
    const kib = 100;
    expect(Math.max(...sizes)).toBeGreaterThan(kib * 1024); // the page does not fit

    const report = await runLimited(kib, ['report', '--pipeline', pipeline, '--db', db]);
    expect(report.code).toBe(1);
    expect(errorLines(report)).toEqual([
      expect.stringMatching(
        /^error: a file size limit was reached while writing \S+; what this command wrote was not kept\. Fix: /,
      ),
    ]);
    expect(checkReportFolder(dir, [fixture.a])).toBe('A');
    expect(readdirSync(join(dir, 'reports'))).toEqual([REVIEW_TERM]);
    const state = await checkDatabase(fixture, db, 'after the failed report');
    expect(state.built).toBe('B');

    await runOk(['report', '--pipeline', pipeline, '--db', db]);
    expect(checkReportFolder(dir, [fixture.b])).toBe('B');
    expect(readdirSync(join(dir, 'reports'))).toEqual([REVIEW_TERM]);
  }, 300_000);
});
