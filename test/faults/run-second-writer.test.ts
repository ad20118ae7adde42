// A second larsam on the database while `larsam run` writes it: during the ingest and
// during the report (the run holds the database to the end). The first run is paused
// with SIGSTOP at those moments, so it certainly still holds the database while the
// others try; each of them is told in one line which process holds it, writes nothing,
// and the first run, let go, completes with the undisturbed result.
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
  makeFixture,
  REVIEW_TERM,
  runCli,
  STAGE_ENV,
  startCli,
  waitUntil,
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a second larsam while larsam run writes', () => {
  it('is told in one line which process holds the database, and changes nothing', async () => {
    const dir = join(root, 'first');
    const pipeline = writePipeline(fixture.data, dir);
    const db = dbOf(dir);
    const reports = join(dir, 'reports');
    const other = join(root, 'other');
    const otherPipeline = writePipeline(fixture.data, other);
    const before = fileTimes(reports);
    const { child, finished } = startCli(['run', pipeline, '--db', db], { env: STAGE_ENV });
    const pid = child.pid!;
    let stderr = '';
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));
    const loads = () => stderr.split('\n').filter((l) => l.startsWith('stage times ')).length;
    const message = new RegExp(
      `^error: the database ${escapeRegExp(db)} is in use by process ${pid}\\. Fix: wait for it to finish, or use another --db\\n$`,
    );

    const tryOthers = async (when: string) => {
      expect(child.kill('SIGSTOP')).toBe(true);
      try {
        const attempts = await Promise.all([
          runCli(['run', otherPipeline, '--db', db]),
          runCli(['ingest', join(fixture.data, 'registrations.csv'), '--db', db]),
          runCli(['build', '--db', db]),
          runCli(['report', '--out', join(other, 'reports'), '--db', db]),
          runCli(['status', '--db', db]),
          runCli(['query', 'select count(*) from loads', '--db', db]),
        ]);
        for (const attempt of attempts) {
          expect(attempt.stderr, when).toMatch(message);
          expect(attempt.code, when).toBe(1);
          expect(attempt.stdout, when).toBe('');
        }
        // the second run and report wrote nothing
        expect(existsSync(join(other, 'reports')), when).toBe(false);
      } finally {
        child.kill('SIGCONT');
      }
    };

    await waitUntil(child, 'the third load', () => loads() >= 3);
    await tryOthers('during the ingest');
    await waitUntil(
      child,
      'the report is being written',
      () => filesWrittenSince(reports, before) >= 3,
    );
    await tryOthers('while the report is written');

    const done = await finished;
    expect(done.code, done.stderr).toBe(0);
    const state = await checkDatabase(fixture, db, 'after the first run');
    expect(state.built).toBe('B');
    expect(state.stale).toBe(false);
    expect(checkReportFolder(dir, [fixture.b])).toBe('B');
    expect(readdirSync(reports)).toEqual([REVIEW_TERM]);

    // Once the database is free, the next one goes through.
    const again = await runCli(['status', '--db', db]);
    expect(again.code).toBe(0);
  }, 300_000);
});
