// `larsam run` killed with SIGKILL at fifteen moments spread over its three stages:
// during the ingest (between and inside the loads of the files), the model build and
// the writing of the report, both on an empty database and on one holding an earlier
// version of the data with its models and report. After each kill the database opens,
// the ledger tells the truth, the models are whole (and called stale when loads came
// after them), the report folder is absent or a complete report; the next `larsam run`
// completes with exactly the indicators and report files of an undisturbed run.
//
// The moments are chosen by what the run shows, not by the clock alone: the line each
// committed load writes on stderr (LARSAM_STAGE_TIMES), then a fixed delay into the
// build, and the number of report files written so far.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDatabase,
  checkReportFolder,
  dbOf,
  fileTimes,
  filesWrittenSince,
  fromA,
  makeFixture,
  REVIEW_TERM,
  runOk,
  STAGE_ENV,
  sleep,
  startCli,
  waitUntil,
  writePipeline,
  type Fixture,
} from './pipeline-fixture.ts';

type Marker =
  | { lines: number } // this many loads committed (stage-times lines on stderr)
  | { reportShare: number } // this share of the report's files written
  | { ms: number }; // this long after the start

interface Moment {
  from: 'empty' | 'A';
  marker: Marker;
  delayMs: number;
}

// An empty database loads 12 files; on version A only results.csv and participations.csv
// are new (the others are unchanged and skipped).
const MOMENTS: Moment[] = [
  // ingest, on an empty database: between loads and a little into the next one
  { from: 'empty', marker: { ms: 0 }, delayMs: 900 },
  { from: 'empty', marker: { lines: 1 }, delayMs: 0 },
  { from: 'empty', marker: { lines: 3 }, delayMs: 25 },
  { from: 'empty', marker: { lines: 11 }, delayMs: 60 },
  // build
  { from: 'empty', marker: { lines: 12 }, delayMs: 0 },
  { from: 'empty', marker: { lines: 12 }, delayMs: 500 },
  // report
  { from: 'empty', marker: { reportShare: 0 }, delayMs: 0 },
  { from: 'empty', marker: { reportShare: 0.7 }, delayMs: 0 },
  { from: 'empty', marker: { reportShare: 1 }, delayMs: 0 },
  // ingest over version A: while participations.csv, then results.csv, replaces its rows
  { from: 'A', marker: { ms: 0 }, delayMs: 1500 },
  { from: 'A', marker: { lines: 1 }, delayMs: 50 },
  // build over A's models
  { from: 'A', marker: { lines: 2 }, delayMs: 0 },
  { from: 'A', marker: { lines: 2 }, delayMs: 700 },
  // report over A's report
  { from: 'A', marker: { reportShare: 0 }, delayMs: 0 },
  { from: 'A', marker: { reportShare: 1 }, delayMs: 0 },
];

let root: string;
let fixture: Fixture;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'larsam-faults-'));
  fixture = await makeFixture(root);
}, 180_000);
afterAll(() =>
  process.env.KEEP_FAULT_DIRS
    ? console.log(`kept ${root}`)
    : rmSync(root, { recursive: true, force: true }),
);

const describeMarker = (m: Marker) =>
  'lines' in m
    ? `${m.lines} load(s) committed`
    : 'reportShare' in m
      ? `${Math.round(m.reportShare * 100)} % of the report written`
      : `${m.ms} ms`;

describe('larsam run killed with SIGKILL', () => {
  it(`leaves a consistent database and report at each of ${MOMENTS.length} moments, and the next run gives the undisturbed result`, async () => {
    const started = Date.now();
    const summary: string[] = [];
    const stages = { ingest: 0, build: 0, report: 0 };
    for (const [i, moment] of MOMENTS.entries()) {
      const dir = join(root, `kill-${i}`);
      if (moment.from === 'A') fromA(fixture, dir);
      const pipeline = writePipeline(fixture.data, dir);
      const db = dbOf(dir);
      const reports = join(dir, 'reports');
      const before = fileTimes(reports);
      const t0 = Date.now();
      const { child, finished } = startCli(['run', pipeline, '--db', db], { env: STAGE_ENV });
      let stderr = '';
      child.stderr!.on('data', (chunk: string) => (stderr += chunk));
      const lines = () => stderr.split('\n').filter((l) => l.startsWith('stage times ')).length;
      const label = `#${i} from ${moment.from}, ${describeMarker(moment.marker)} + ${moment.delayMs} ms`;

      const { marker } = moment;
      if ('lines' in marker) await waitUntil(child, label, () => lines() >= marker.lines);
      else if ('reportShare' in marker) {
        const files = Math.max(
          1,
          Math.round(marker.reportShare * fixture.b.report.size) -
            (marker.reportShare === 1 ? 1 : 0),
        );
        await waitUntil(child, label, () => filesWrittenSince(reports, before) >= files);
      } else await sleep(marker.ms);
      await sleep(moment.delayMs);
      const seen = { lines: lines(), files: filesWrittenSince(reports, before) };
      expect(child.exitCode, `${label}: larsam had already finished`).toBeNull();
      const killedAt = Date.now() - t0;
      child.kill('SIGKILL');
      const killed = await finished;
      expect(killed.signal, label).toBe('SIGKILL');

      // What a user finds after the kill.
      const state = await checkDatabase(fixture, db, `${label}, after the kill`);
      const report = checkReportFolder(
        dir,
        moment.from === 'A' ? [fixture.a, fixture.b] : [fixture.b],
      );
      if (report === 'B') expect(state.built, `${label}: a B report without B models`).toBe('B');
      const loadsNeeded = moment.from === 'empty' ? fixture.b.version.files.size : 2;
      const stage =
        seen.files > 0
          ? 'report'
          : seen.lines < loadsNeeded
            ? 'ingest'
            : state.built === 'B' && !state.stale
              ? 'report'
              : 'build';
      stages[stage] += 1;

      // The next run completes and gives exactly the undisturbed result.
      const rerun = await runOk(['run', pipeline, '--db', db]);
      expect(
        rerun.stderr.split('\n').filter((l) => l && !l.startsWith('stage times ')),
        `${label}: rerun stderr`,
      ).toEqual([]);
      const after = await checkDatabase(fixture, db, `${label}, after the rerun`);
      expect(after.built, `${label}: models after the rerun`).toBe('B');
      expect(after.stale).toBe(false);
      expect(checkReportFolder(dir, [fixture.b])).toBe('B');
      expect(readdirSync(reports), `${label}: leftovers in the reports folder`).toEqual([
        REVIEW_TERM,
      ]);
      const tmp = join(dir, 'db', 'tmp');
      expect(
        existsSync(tmp) ? readdirSync(tmp) : [],
        `${label}: leftovers beside the database`,
      ).toEqual([]);

      summary.push(
        `${label}: killed in ${stage} after ${killedAt} ms (${seen.lines} loads, ${seen.files} report files); ` +
          `database ${state.exists ? `${state.loaded.size} files loaded, models ${state.built ?? 'none'}${state.stale ? ' (stale)' : ''}` : 'absent'}, report ${report}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `${summary.join('\n')}\nkills by stage: ${JSON.stringify(stages)}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(stages.ingest).toBeGreaterThanOrEqual(5);
    expect(stages.build).toBeGreaterThanOrEqual(2);
    expect(stages.report).toBeGreaterThanOrEqual(5);
  }, 900_000);
});
