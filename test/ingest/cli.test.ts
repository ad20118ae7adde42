// The command line as a user meets it (node bin/larsam.js): exit codes 0 / 1 / 2, errors
// as one line with the cause and the fix, `larsam query` unable to write or to reach
// files, `larsam status`, --json output that parses, --quiet, and --help with examples.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

let ws: Workspace;
let db: string[];
const larsam = (...args: string[]) => runCli([...args, ...db], { cwd: ws.dir });

/** A user-facing error: exit code 1 and exactly one line on stderr, `error: <cause>. Fix: <fix>`. */
function expectOneLineError(run: CliRun, cause: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^error: [^\n]+\. Fix: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\.\. Fix:/);
  expect(run.stderr).toMatch(cause);
  expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
}

beforeAll(async () => {
  ws = new Workspace();
  db = ['--db', 'db/larsam.duckdb'];
  ws.write(
    'data/registrations-ht2025.csv',
    'person_id,term,course_code,credits,first_time\nS1,HT2025,MA001G,7.5,ja\nS2,HT2025,MA002G,0,ja\nS3,HT2025,MA003G,15,nej\n',
  );
  ws.write(
    'data/registrations-vt2026.csv',
    'person_id;term;course_code;credits;first_time\nS1;VT2026;MA004G;7,5;nej\n',
  );
  ws.write(
    'data/results.csv',
    'person_id,course_code,credits,grade,result_date\nS1,MA001G,7.5,G,2025-10-30\nS1,MA004G,7.5,U,2026-03-20\n',
  );
  ws.write(
    'data/activity_sessions.csv',
    'activity_id,session_date,participants\nINS-1,2025-09-10,25\nINS-1,2025-09-17,x\n',
  );
  const first = await larsam('ingest', 'data');
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
}, 300_000);
afterAll(() => ws.remove());

describe('exit codes', () => {
  it('0 on success, also when rows were rejected (without --strict), with one summary line a file and the rejects', async () => {
    ws.write('more/degrees.csv', 'person_id,degree_date\nS1,2026-06-10\nS2,10 juni 2026\n');
    const run = await larsam('ingest', 'more/degrees.csv');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'more/degrees.csv → degrees (csv, utf-8): 2 rows read, 1 loaded, 1 rejected',
        "  line 3, column degree_date: '10 juni 2026' is not a date (write YYYY-MM-DD, e.g. 2025-03-14)",
        '1 file(s): 2 rows read, 1 loaded, 1 rejected',
        '',
      ].join('\n'),
    );
  });

  it('2 under --strict when a file has a rejected row, and nothing of that file is loaded', async () => {
    ws.write(
      'strict/needs.csv',
      'need_id,documented_on,source,description\nN1,2025-03-01,Möte,Studieteknik\nN2,2025-13-01,Möte,Fel datum\n',
    );
    const run = await larsam('ingest', 'strict/needs.csv', '--strict');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'strict/needs.csv → needs (csv, utf-8): 2 rows read, 0 NOT loaded (--strict), 1 rejected',
    );
    expect(run.stdout).toContain("  line 3, column documented_on: '2025-13-01' is not a date");
    const count = await larsam('query', 'select count(*) as n from raw_needs', '--format', 'csv');
    expect(count.stdout).toBe('n\n0\n');
    // The same file without --strict loads its good row.
    expect((await larsam('ingest', 'strict/needs.csv')).code).toBe(0);
  });

  it('1 with a one-line cause and fix for every usage or data error', async () => {
    ws.write('errors/notes.docx', 'x');
    ws.write('errors/stuff.csv', 'x,y\n1,2\n');
    ws.write('errors/registrations.csv', 'person_id,term\nS1,HT2025\n');
    const cases: [string[], RegExp][] = [
      [
        ['ingest', 'errors/nope.csv'],
        /^error: errors\/nope\.csv: no such file or folder\. Fix: check the path\n$/,
      ],
      [['ingest', 'errors/notes.docx'], /cannot read files ending in '\.docx'/],
      [
        ['ingest', 'errors/stuff.csv'],
        /^error: errors\/stuff\.csv: cannot tell which kind of data this file holds\. Fix: name it after its kind/,
      ],
      [
        ['ingest', 'errors/registrations.csv'],
        /^error: errors\/registrations\.csv, line 1, column course_code: the required column course_code, credits, first_time is missing for registrations; the header on line 1 has: person_id, term\. Fix: /,
      ],
      [
        ['ingest', 'data/results.csv', '--kind', 'nokind'],
        /Invalid values: Argument: kind, Given: "nokind", Choices: /,
      ],
      [['ingest'], /Not enough non-option arguments/],
      [[], /^error: Name a command: larsam --help lists them\. Fix: /],
      [['status', '--bogus'], /Unknown argument: bogus/],
      [['frobnicate'], /Unknown argument: frobnicate/],
      [
        ['query', 'selec 1'],
        /^error: the query failed: .*syntax error at or near "selec"\. Fix: check the SQL/,
      ],
      [['query', 'select * from no_such_table'], /^error: the query failed: .*no_such_table/],
    ];
    for (const [args, cause] of cases) {
      const run = await larsam(...args);
      expectOneLineError(run, cause);
    }
    // A database that is not there: query says so rather than creating one.
    const missing = await runCli(['query', 'select 1', '--db', 'nothere/larsam.duckdb'], {
      cwd: ws.dir,
    });
    expectOneLineError(
      missing,
      /^error: there is no database at nothere\/larsam\.duckdb\. Fix: load data first/,
    );
    expect(existsSync(join(ws.dir, 'nothere'))).toBe(false);
  }, 300_000);
});

describe('larsam query', () => {
  it('reads: table, csv and json formats', async () => {
    const sql =
      "select kind, rows_read::int as read, rows_loaded::int as loaded from loads where file_name like 'registrations%' and status = 'loaded' order by file_name";
    const csv = await larsam('query', sql, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('kind,read,loaded\nregistrations,3,2\nregistrations,1,1\n');
    const json = await larsam('query', sql, '--json');
    expect(JSON.parse(json.stdout)).toEqual([
      { kind: 'registrations', read: 3, loaded: 2 },
      { kind: 'registrations', read: 1, loaded: 1 },
    ]);
    const table = await larsam('query', sql);
    expect(table.stdout.split('\n').slice(0, 3)).toEqual([
      'kind           read  loaded',
      '─────────────  ────  ──────',
      'registrations     3       2',
    ]);
  });

  it('cannot write, attach, install or reach files: each attempt is a one-line error and changes nothing', async () => {
    const before = await larsam('query', 'select count(*) as n from loads', '--format', 'csv');
    const attempts: [string, RegExp][] = [
      ['insert into loads select * from loads', /read-only/],
      ["update loads set kind = 'x'", /read-only/],
      ['delete from rejects', /read-only/],
      ['create table t (a int)', /read-only/],
      ['drop table loads', /read-only/],
      ["copy (select * from raw_registrations) to 'leak.csv'", /disabled by configuration/],
      ["attach 'other.duckdb' as other", /disabled by configuration/],
      ['install httpfs', /disabled by configuration|Permission/],
      ['load httpfs', /disabled/],
      ["select * from read_csv('/etc/passwd')", /disabled by configuration/],
      ["select * from read_text('/etc/hostname')", /disabled by configuration/],
      ["export database 'dump'", /disabled by configuration/],
      ['set enable_external_access = true', /configuration has been locked/],
      ['select 1; drop table loads', /read-only/],
    ];
    for (const [sql, cause] of attempts) {
      const run = await larsam('query', sql);
      expectOneLineError(run, cause);
      expect(run.stderr.startsWith('error: the query failed: ')).toBe(true);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(ws.dir, 'leak.csv'))).toBe(false);
    expect(existsSync(join(ws.dir, 'other.duckdb'))).toBe(false);
    expect(existsSync(join(ws.dir, 'dump'))).toBe(false);
    expect(await larsam('query', 'select count(*) as n from loads', '--format', 'csv')).toEqual(
      before,
    );
  }, 300_000);
});

describe('larsam status', () => {
  it('shows the files, kinds, terms covered and rejects', async () => {
    const run = await larsam('status');
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toContain('Files loaded:');
    expect(text).toMatch(/registrations-ht2025\.csv\s+registrations\s+csv\s+2\s+1\s+[0-9a-f]{12}/);
    expect(text).toMatch(/registrations-vt2026\.csv\s+registrations\s+csv\s+1\s+0\s+[0-9a-f]{12}/);
    expect(text).toMatch(/Kinds:\n.*\n.*\n(.*\n)*activity_sessions\s+1\s+1\n/);
    expect(text).toMatch(/\nregistrations\s+2\s+3\n/);
    // Terms: registrations by their term, results by term_of(result_date), sessions by term_of(session_date).
    expect(text).toMatch(/\nHT2025\s+2\s+1\s+1\n/);
    expect(text).toMatch(/\nVT2026\s+1\s+1\s+0\n/);
    expect(text).toContain('Rejected rows by reason:');
    expect(text).toMatch(/\nout_of_range\s+credits\s+1\n/);
    expect(text).toMatch(/\ninvalid_int\s+participants\s+1\n/);
  });

  it('--json gives the same as data', async () => {
    const run = await larsam('status', '--json');
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as {
      database: string;
      files: { file: string; kind: string; rows: number; rejected: number }[];
      kinds: { kind: string; files: number; rows: number }[];
      terms: { term: string; registrations: number; results: number; sessions: number }[];
      rejects: { rule: string; column: string; rows: number }[];
    };
    expect(status.database).toBe('db/larsam.duckdb');
    expect(
      status.files
        .filter((f) => f.kind === 'registrations')
        .map((f) => [f.file, f.rows, f.rejected]),
    ).toEqual([
      ['registrations-ht2025.csv', 2, 1],
      ['registrations-vt2026.csv', 1, 0],
    ]);
    expect(status.kinds.find((k) => k.kind === 'registrations')).toEqual({
      kind: 'registrations',
      files: 2,
      rows: 3,
    });
    expect(status.terms.filter((t) => t.term === 'HT2025' || t.term === 'VT2026')).toEqual([
      { term: 'HT2025', registrations: 2, results: 1, sessions: 1 },
      { term: 'VT2026', registrations: 1, results: 1, sessions: 0 },
    ]);
    expect(status.rejects).toContainEqual({ rule: 'out_of_range', column: 'credits', rows: 1 });
    expect(status.rejects).toContainEqual({ rule: 'invalid_int', column: 'participants', rows: 1 });
  });

  it('says there is nothing yet for a database that does not exist, and creates none', async () => {
    const run = await runCli(['status', '--db', 'empty/larsam.duckdb'], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No database at empty/larsam.duckdb yet');
    expect(existsSync(join(ws.dir, 'empty'))).toBe(false);
  });
});

describe('output modes', () => {
  it('ingest --json prints one JSON document on stdout', async () => {
    ws.write(
      'json/activity_sessions-2.csv',
      'activity_id,session_date,participants\nMEN-1,2025-10-01,9\n',
    );
    const run = await larsam('ingest', 'json/activity_sessions-2.csv', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      results: Record<string, unknown>[];
      failures: unknown[];
      skipped: unknown[];
      totals: Record<string, number>;
    };
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      file: 'json/activity_sessions-2.csv',
      kind: 'activity_sessions',
      status: 'loaded',
      rowsRead: 1,
      rowsLoaded: 1,
      rowsRejected: 0,
    });
    expect(report.failures).toEqual([]);
    expect(report.totals).toEqual({ read: 1, loaded: 1, rejected: 0 });
  });

  it('ingest --json reports a failed file in the document and still exits 1', async () => {
    ws.write('json2/registrations.csv', 'person_id\nS1\n');
    const run = await larsam('ingest', 'json2/registrations.csv', '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { failures: { file: string; error: string }[] };
    expect(report.failures).toEqual([
      {
        file: 'json2/registrations.csv',
        error: expect.stringContaining(
          'the required column term, course_code, credits, first_time is missing',
        ),
      },
    ]);
  });

  it('--quiet prints nothing on success', async () => {
    ws.write('quiet/learning_centres.csv', 'centre_id,name,municipality_code\nLC-1,Ett,2380\n');
    const run = await larsam('ingest', 'quiet/learning_centres.csv', '--quiet');
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('every command has --help with an example', async () => {
    const help = await larsam('--help');
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}larsam (\w+)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['ingest', 'status', 'query']));
    for (const command of commands) {
      const run = await larsam(command, '--help');
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`Examples:\\n {2}larsam ${command}`));
    }
  }, 300_000);
});
