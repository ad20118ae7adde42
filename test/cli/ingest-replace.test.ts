// `larsam ingest` as a user meets it (node bin/larsam.js, not a terminal): a failed file
// is shown by `larsam status` with why; --replace and --replace-kind print each file and
// row count they remove before the summary; more than half of a kind is refused without
// --yes (no terminal to ask on) and changes nothing; --yes goes ahead.
import { CLI_ERRORS } from '../../src/messages/cli.ts';
import { userError } from '../../src/messages/message.ts';
import { formatUserError } from '../../src/util/errors.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { runCli } from '../helpers/run-cli.ts';

let ws: Workspace;
const larsam = (...args: string[]) =>
  runCli([...args, '--db', 'db/larsam.duckdb'], { cwd: ws.dir });
const HEADER = 'person_id,term,course_code,credits,first_time';
const csv = (...courses: string[]) =>
  `${[HEADER, ...courses.map((c, i) => `S${i + 1},HT2025,${c},7.5,ja`)].join('\n')}\n`;
const courses = async () =>
  (
    await larsam(
      'query',
      'select course_code from raw_registrations order by _load_id, _line',
      '--format',
      'csv',
    )
  ).stdout;

beforeAll(async () => {
  ws = new Workspace();
  // a/registrations.csv: 3 rows; b/registrations-vt.csv: 2 rows.
  ws.write('a/registrations.csv', csv('A1', 'A2', 'A3'));
  ws.write('b/registrations-vt.csv', csv('B1', 'B2'));
  expect((await larsam('ingest', 'a', 'b')).code).toBe(0);
}, 120_000);
afterAll(() => ws.remove());

describe('a failed file', () => {
  it('is listed by status with why, is not a loaded file, and is gone from the list once it loads', async () => {
    ws.write('c/degrees.csv', 'person_id\nS1\n');
    const failed = await larsam('ingest', 'c/degrees.csv');
    expect(failed.code).toBe(1);
    const status = await larsam('status');
    // The time is the machine's local time of the load: matched, not fixed.
    expect(status.stdout).toMatch(
      /\nFiles that failed \(nothing of them is loaded\):\n {2}c\/degrees\.csv \(degrees, \d{4}-\d\d-\d\d \d\d:\d\d\): line 1, column degree_date: the required column degree_date is missing for degrees; the header on line 1 has: person_id\. Fix: [^\n]+\n/,
    );
    const json = JSON.parse((await larsam('status', '--json')).stdout) as {
      failed: { file: string; status: string }[];
      kinds: { kind: string }[];
    };
    expect(json.failed.map((f) => [f.file, f.status])).toEqual([['degrees.csv', 'failed']]);
    expect(json.kinds.map((k) => k.kind)).toEqual(['registrations']);

    ws.write('c/degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n');
    expect((await larsam('ingest', 'c/degrees.csv')).code).toBe(0);
    const after = await larsam('status');
    expect(after.stdout).not.toContain('Files that failed');
    expect(after.stdout).toMatch(/\ndegrees\s+1\s+1\n/);
  }, 120_000);
});

describe('--replace and --replace-kind', () => {
  it('--replace with another name removes nothing and prints no plan', async () => {
    ws.write('x/registrations-extra.csv', csv('X1'));
    const run = await larsam('ingest', 'x/registrations-extra.csv', '--replace');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'x/registrations-extra.csv → registrations (csv, utf-8): 1 rows read, 1 loaded, 0 rejected',
        '1 file(s): 1 rows read, 1 loaded, 0 rejected',
        '',
      ].join('\n'),
    );
    expect(await courses()).toBe('course_code\nA1\nA2\nA3\nB1\nB2\nX1\n');
  }, 120_000);

  it('more than half without --yes and no terminal: prints the plan, refuses with the fix, changes nothing', async () => {
    // --replace-kind removes all 3 + 2 + 1 = 6 rows of registrations: more than half.
    ws.write('all/registrations-all.csv', csv('ALL1'));
    const run = await larsam('ingest', 'all/registrations-all.csv', '--replace-kind');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'Before loading, this removes 3 earlier load(s):',
        '  a/registrations.csv (registrations): 3 rows, replaced by all/registrations-all.csv (same kind)',
        '  b/registrations-vt.csv (registrations): 2 rows, replaced by all/registrations-all.csv (same kind)',
        '  x/registrations-extra.csv (registrations): 1 rows, replaced by all/registrations-all.csv (same kind)',
        '  registrations: 6 of its 6 loaded rows removed',
        '',
      ].join('\n'),
    );
    const refused = CLI_ERRORS.replacementRefused([
      { kind: 'registrations', removedRows: 6, loadedRows: 6 },
    ]);
    expect(run.stderr).toBe(`error: ${formatUserError(userError(refused))}\n`);
    expect(refused.text.en).toBe(
      'the replacement would remove 6 of the 6 rows of registrations, more than half, and there is no terminal to confirm it; nothing was changed',
    );
    expect(await courses()).toBe('course_code\nA1\nA2\nA3\nB1\nB2\nX1\n');
  }, 120_000);

  it('--replace with the same name from another folder: half or less goes ahead and names the file and rows first', async () => {
    // 3 of 6 rows: 3 × 2 = 6 is not more than 6, so it does not ask.
    ws.write('new/registrations.csv', csv('N1', 'N2'));
    const run = await larsam('ingest', 'new/registrations.csv', '--replace');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Before loading, this removes 1 earlier load(s):',
        '  a/registrations.csv (registrations): 3 rows, replaced by new/registrations.csv (same file name)',
        '  registrations: 3 of its 6 loaded rows removed',
        'new/registrations.csv → registrations (csv, utf-8): 2 rows read, 2 loaded, 0 rejected, replacing registrations.csv (3 rows)',
        '1 file(s): 2 rows read, 2 loaded, 0 rejected',
        '',
      ].join('\n'),
    );
    expect(await courses()).toBe('course_code\nB1\nB2\nX1\nN1\nN2\n');
  }, 120_000);

  it('--replace-kind --yes removes every load of the kind without asking', async () => {
    const run = await larsam(
      'ingest',
      'all/registrations-all.csv',
      '--replace-kind',
      '--yes',
      '--json',
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      plan: { removals: { file: string; rows: number }[]; kinds: unknown[] };
    };
    // b 2 + x 1 + new 2 = 5 rows of 5.
    expect(report.plan.removals.map((r) => [r.file, r.rows])).toEqual([
      ['registrations-vt.csv', 2],
      ['registrations-extra.csv', 1],
      ['registrations.csv', 2],
    ]);
    expect(report.plan.kinds).toEqual([{ kind: 'registrations', removedRows: 5, loadedRows: 5 }]);
    expect(run.stderr).toContain('Before loading, this removes 3 earlier load(s):');
    expect(await courses()).toBe('course_code\nALL1\n');
  }, 120_000);

  it('--replace and --replace-kind together are a usage error', async () => {
    const run = await larsam('ingest', 'all/registrations-all.csv', '--replace', '--replace-kind');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Arguments replace(-kind)? and replace(-kind)? are mutually exclusive/,
    );
  });
});
