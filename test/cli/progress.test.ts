// Progress of long work (cli.md): on a terminal one line on stderr — stage, done of
// total, rate, time left — redrawn in place at most four times a second and cleared at
// the end; nothing extra when stderr is not a terminal, or with --quiet or --json. The
// terminal is a real pseudo-terminal (util-linux `script`), the work the real CLI's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { PROGRESS_TEXTS } from '../../src/messages/progress.ts';
import { buildOrder, readModelFiles } from '../../src/models/model-files.ts';
import { progressLine, REDRAW_MS } from '../../src/cli/progress.ts';
import {
  keepStatementProgress,
  withStatementProgress,
  type ProgressEvent,
} from '../../src/util/progress.ts';
import { cliEnv, LARSAM_BIN, runCli } from '../helpers/run-cli.ts';
import { FIXTURE } from '../helpers/report-fixture.ts';
import { Workspace } from '../helpers/workspace.ts';

const models = (done: number, total: number): ProgressEvent => ({
  stage: 'build',
  unit: 'models',
  done,
  total,
});

describe('the progress line', () => {
  it('12 of 36 models in 1.5 s: 8 per s, 24 left → about 3 s', () => {
    // rate 12 / 1.5 = 8 per s; (36 − 12) / 8 = 3 s left
    expect(progressLine(models(12, 36), 1.5)).toEqual({
      sv: 'bygger modeller: 12 av 36, 8 per s, cirka 3 s kvar',
      en: 'building models: 12 of 36, 8/s, about 3 s left',
    });
  });

  it('counts the rate from where the count was first seen', () => {
    // first seen at 4 of 20, now 7 of 20 after 2 s: (7 − 4) / 2 = 1.5 per s;
    // (20 − 7) / 1.5 = 8.67 s → about 9 s
    expect(progressLine({ stage: 'ingest', unit: 'files', done: 7, total: 20 }, 2, 4)).toEqual({
      sv: 'läser in filer: 7 av 20, 1,5 per s, cirka 9 s kvar',
      en: 'loading files: 7 of 20, 1.5/s, about 9 s left',
    });
  });

  it('rates from 10 up are whole, thousands grouped; time left from a minute in minutes', () => {
    // 1 234 charts of 5 000 in 100 s: 12.34 → 12 per s; 3 766 / 12.34 = 305.2 s → 6 min
    expect(progressLine({ stage: 'report', unit: 'charts', done: 1234, total: 5000 }, 100)).toEqual(
      {
        sv: 'ritar diagram: 1\u00a0234 av 5\u00a0000, 12 per s, cirka 6 min kvar',
        en: 'drawing charts: 1,234 of 5,000, 12/s, about 6 min left',
      },
    );
  });

  it('rows of a file: its name (not its path), which file of how many, percent and time left', () => {
    // 450 of 1 000 rows in 9 s: 50 per s; 550 / 50 = 11 s left; 45 %
    const event: ProgressEvent = {
      stage: 'ingest',
      unit: 'rows',
      done: 450,
      total: 1000,
      item: 'exports/2025/results.csv',
      of: { unit: 'files', done: 2, total: 12 },
    };
    expect(progressLine(event, 9)).toEqual({
      sv: 'läser in results.csv (fil 3 av 12): 45 %, cirka 11 s kvar',
      en: 'loading results.csv (file 3 of 12): 45%, about 11 s left',
    });
  });

  it('no rate nor time left before half a second, nor when nothing was done since the start', () => {
    expect(progressLine(models(3, 36), 0.4).sv).toBe('bygger modeller: 3 av 36');
    expect(progressLine(models(3, 36), 5, 3).en).toBe('building models: 3 of 36');
    // all done: a rate, nothing left
    expect(progressLine(models(36, 36), 4).en).toBe('building models: 36 of 36, 9/s');
  });

  it('time left is rounded up and at least 1 s', () => {
    expect(PROGRESS_TEXTS.left(0.2).sv).toBe('cirka 1 s kvar');
    expect(PROGRESS_TEXTS.left(59.1).en).toBe('about 1 min left');
    expect(PROGRESS_TEXTS.left(121).sv).toBe('cirka 3 min kvar');
  });
});

describe("DuckDB's progress of a running statement", () => {
  it('is reported as rows done of rows expected while the statement runs, and not after', async () => {
    const ws = new Workspace();
    const db = await Database.open(':memory:');
    try {
      const csv = join(ws.dir, 'big.csv');
      await db.run(
        `COPY (SELECT range AS a, range * 2 AS b, 'x' || range AS c FROM range(3000000)) TO '${csv}'`,
      );
      const restore = await keepStatementProgress(db);
      const seen: [number, number][] = [];
      await withStatementProgress(
        db,
        (done, total) => seen.push([done, total]),
        () => db.run(`CREATE TEMP TABLE big AS SELECT * FROM read_csv('${csv}')`),
        { everyMs: 10, afterMs: 0 },
      );
      const count = seen.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.length, 'reported after the statement ended').toBe(count);
      expect(count).toBeGreaterThan(0);
      for (const [done, total] of seen) {
        expect(total).toBeGreaterThan(0);
        expect(done).toBeGreaterThanOrEqual(0);
        expect(done).toBeLessThanOrEqual(total);
      }
      await restore();
      const setting = await db.one<{ v: boolean }>(
        `SELECT current_setting('enable_progress_bar') AS v`,
      );
      expect(setting?.v).toBe(false);
    } finally {
      db.close();
      ws.remove();
    }
  }, 60_000);
});

/** Runs larsam with its stdout and stderr on a pseudo-terminal; everything it wrote, and its exit code. */
function onTerminal(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, LARSAM_BIN, ...args].map(quote).join(' ');
  const started = performance.now();
  // -q no banner, -f flush as written, -e the command's exit code, -c the command
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** The lines drawn in place: what follows each carriage return up to the erase-to-end. */
const drawn = (output: string) =>
  [...output.matchAll(/\r([^\r\n\x1b]+)\x1b\[K/g)].map((m) => m[1]!);

/** The line was cleared after the last drawing, and the command's own output follows. */
function expectClearedBeforeSummary(output: string, lines: string[]): void {
  const cleared = output.lastIndexOf('\r\x1b[K');
  expect(cleared).toBeGreaterThan(output.lastIndexOf(`\r${lines.at(-1)!}\x1b[K`));
  expect(output.slice(cleared + 4).trim()).not.toBe('');
  expect(output.slice(cleared + 4)).not.toMatch(/\x1b/);
}

const FIXTURE_FILES = 11; // test/fixtures/report-small: 11 CSV files (and a README, not loaded)

describe('on a terminal, piped, --quiet and --json', () => {
  let ws: Workspace;
  let db: string;
  beforeAll(() => {
    ws = new Workspace();
    db = ws.dbPath;
  });
  afterAll(() => ws.remove());

  it('ingest on a terminal: the files line in Swedish, then cleared before the summary', async () => {
    const run = await onTerminal(['ingest', FIXTURE, '--db', db], ws.dir);
    expect(run.code, run.output).toBe(0);
    const lines = drawn(run.output);
    expect(lines[0]).toBe(`läser in filer: 0 av ${FIXTURE_FILES}`);
    for (const line of lines) expect(line).toMatch(/^läser in /);
    expectClearedBeforeSummary(run.output, lines);
  }, 60_000);

  it('build on a terminal in English: models done of all of them, at most four drawings a second', async () => {
    const run = await onTerminal(['build', '--db', db, '--lang', 'en'], ws.dir);
    expect(run.code, run.output).toBe(0);
    const total = buildOrder(readModelFiles()).length;
    const lines = drawn(run.output);
    expect(lines[0]).toBe(`building models: 0 of ${total}`);
    for (const line of lines)
      expect(line).toMatch(new RegExp(`^building models: \\d+ of ${total}`));
    // one drawing at once, then one per REDRAW_MS at most, over the whole run's time
    expect(lines.length).toBeLessThanOrEqual(1 + Math.ceil((run.seconds * 1000) / REDRAW_MS));
    expectClearedBeforeSummary(run.output, lines);
  }, 90_000);

  it('report on a terminal: charts drawn of all of them', async () => {
    const out = join(ws.dir, 'reports');
    const run = await onTerminal(['report', '--db', db, '--out', out], ws.dir);
    expect(run.code, run.output).toBe(0);
    const lines = drawn(run.output);
    expect(lines[0]).toMatch(/^ritar diagram: 0 av \d+$/);
    for (const line of lines) expect(line).toMatch(/^ritar diagram: \d+ av \d+/);
    expectClearedBeforeSummary(run.output, lines);
  }, 90_000);

  it('nothing extra when piped, or on a terminal with --quiet or --json', async () => {
    const other = new Workspace();
    try {
      const piped = await runCli(['ingest', FIXTURE, '--db', other.dbPath]);
      expect(piped.code, piped.stderr).toBe(0);
      // (a warning names the README it does not load)
      expect(piped.stderr).not.toMatch(/[\r\x1b]|läser in/);
      expect(piped.stdout).not.toMatch(/[\r\x1b]|läser in/);
      const quiet = await onTerminal(['ingest', FIXTURE, '--db', other.dbPath, '--quiet'], ws.dir);
      expect(quiet.code).toBe(0);
      expect(quiet.output).toBe('');
      const jsonIngest = await onTerminal(
        ['ingest', FIXTURE, '--db', other.dbPath, '--json'],
        ws.dir,
      );
      expect(jsonIngest.code).toBe(0);
      // the terminal ends lines with CR LF; no other CR, no escape
      const text = jsonIngest.output.replaceAll('\r\n', '\n');
      expect(text).not.toMatch(/[\r\x1b]/);
      // (--json still says each file's summary on stderr, which the terminal mixes in: not parsed here)
      expect(text).toContain('"results"');
    } finally {
      other.remove();
    }
  }, 90_000);
});
