// The data subject's rights (issue 15) through the real CLI on real DuckDB files:
// larsam person (access), forget (erasure) and retention, and what a later ingest does
// with an erased person. The data and its hand-counted rows: rights-fixture.ts.
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import {
  A,
  P,
  cliOk,
  copyDb,
  fileHolds,
  makeRightsFixture,
  newStudents2380,
  pseudonym,
  rowsOfPerson,
  withDb,
  writeData,
  type RightsFixture,
} from './rights-fixture.ts';

let fixture: RightsFixture;
beforeAll(async () => {
  fixture = await makeRightsFixture();
}, 120_000);
afterAll(() => rmSync(fixture.root, { recursive: true, force: true }));

interface PersonJson {
  found: boolean;
  rows: number;
  erased: boolean;
  tables: {
    table: string;
    rows: { values: Record<string, string | null>; file: string; line: number; loadId: number }[];
  }[];
  rejects: { identifiable: boolean };
}

const counts = (json: PersonJson) =>
  Object.fromEntries(json.tables.map((t) => [t.table, t.rows.length]));

describe('larsam person', () => {
  it("prints exactly the person's rows per table, with file and line, in either form of the number, never the number or the pseudonym", async () => {
    const db = fixture.template;
    const a = JSON.parse((await cliOk(['person', A, '--db', db, '--json'])).stdout) as PersonJson;
    expect(counts(a)).toEqual({
      raw_registrations: 1,
      raw_results: 5,
      raw_degrees: 1,
      raw_participations: 0,
    });
    expect(a.rows).toBe(7);
    expect(a.erased).toBe(false);
    expect(a.rejects.identifiable).toBe(false);
    const reg = a.tables.find((t) => t.table === 'raw_registrations')!.rows[0]!;
    expect(reg).toMatchObject({
      file: 'registrations.csv',
      line: 2,
      values: { term: 'HT2024', course_code: 'K1', home_municipality: '2380', centre_id: 'LC-OST' },
    });
    expect(a.tables.find((t) => t.table === 'raw_results')!.rows.map((r) => r.line)).toEqual([
      2, 3, 4, 5, 6,
    ]);

    const p = JSON.parse(
      (await cliOk(['person', `${P.slice(2, 8)}-${P.slice(8)}`, '--db', db, '--json'])).stdout,
    ) as PersonJson;
    expect(counts(p)).toEqual({
      raw_registrations: 1,
      raw_results: 0,
      raw_degrees: 0,
      raw_participations: 2,
    });
    expect(
      p.tables
        .find((t) => t.table === 'raw_participations')!
        .rows.map((r) => [r.values.activity_id, r.values.session_date, r.line]),
    ).toEqual([
      ['R1', '2025-03-10', 4],
      ['R1', '2025-09-15', 6],
    ]);

    const human = await cliOk(['person', A, '--db', db, '--lang', 'en']);
    expect(human.stdout).toContain('holds 7 row(s) for this person');
    expect(human.stdout).toContain('raw_results: 5 row(s)');
    expect(human.stdout).toContain('Rejected rows hold no person_id');
    for (const run of [human, { stdout: JSON.stringify(a), stderr: '' }]) {
      for (const text of [A, A.slice(2), pseudonym(A)])
        expect(run.stdout + run.stderr).not.toContain(text);
    }
    const bad = await runCli([
      'person',
      `${A.slice(0, -1)}${(Number(A.at(-1)) + 1) % 10}`,
      '--db',
      db,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('check digit');
    expect(bad.stderr).not.toContain(A.slice(2, 11));
  });
});

describe('larsam forget', () => {
  it('removes every row of the person, leaves no byte of the pseudonym in the file, changes an indicator by exactly them, and records how many', async () => {
    const db = copyDb(fixture);
    const pid = pseudonym(A);
    const before = await rowsOfPerson(db, pid);
    expect(before.raw_registrations).toBe(1);
    expect(before.raw_results).toBe(5);
    // The positive control of the byte search: before the erasure the file holds it.
    expect(fileHolds(db, pid)).toBe(true);
    // new_students, municipality 2380, HT2024: first_time registrations in HT2024 with
    // home 2380 are A (LC-OST) and stud-B; stud-D is not first_time, stud-C lives in 2281.
    expect(await newStudents2380(db)).toBe(2);

    // Off a terminal and without --yes: the plan, then a refusal; nothing changes.
    const refused = await runCli(['forget', A, '--db', db, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Erases 1 person(s) (1 with rows in the database): 7 row(s)');
    expect(refused.stderr).toContain('--yes');
    expect((await rowsOfPerson(db, pid)).raw_results).toBe(5);

    const t0 = performance.now();
    const done = await cliOk(['forget', A, '--db', db, '--yes', '--json']);
    const seconds = (performance.now() - t0) / 1000;
    const result = JSON.parse(done.stdout) as {
      applied: boolean;
      rows: { table: string; rows: number }[];
      rebuilt: boolean;
      seconds: number;
    };
    expect(result.applied).toBe(true);
    expect(result.rebuilt).toBe(true);
    console.log(
      `forget: ${seconds.toFixed(1)} s for the CLI, ${result.seconds.toFixed(2)} s for the rewrite and rebuild`,
    );

    const after = await rowsOfPerson(db, pid);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(4);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(fileHolds(db, pid)).toBe(false);
    // A leaves: 1 (stud-B).
    expect(await newStudents2380(db)).toBe(1);
    // P, not erased, is all there.
    const p = await rowsOfPerson(db, pseudonym(P));
    expect([p.raw_registrations, p.raw_participations]).toEqual([1, 2]);
    await withDb(db, async (d) => {
      const rows = await d.rows<{ reason: string; persons: number; removed: string }>(
        `SELECT reason, persons, rows_removed::VARCHAR AS removed FROM erasures`,
      );
      expect(rows).toEqual([
        {
          reason: 'forget',
          persons: 1,
          removed: '{raw_registrations=1, raw_results=5, raw_degrees=1, raw_participations=0}',
        },
      ]);
      expect(
        Number((await d.one<{ n: bigint }>(`SELECT count(*) AS n FROM erased_persons`))!.n),
      ).toBe(1);
      const loads = await d.rows<{ f: string; loaded: number; erased: number }>(
        `SELECT file_name AS f, rows_loaded::INTEGER AS loaded, rows_erased::INTEGER AS erased FROM loads WHERE rows_erased > 0 ORDER BY f`,
      );
      expect(loads).toEqual([
        { f: 'degrees.csv', loaded: 1, erased: 1 },
        { f: 'registrations.csv', loaded: 22, erased: 1 },
        { f: 'results.csv', loaded: 9, erased: 5 },
      ]);
    });
    await withDb(db, async (d) =>
      expect(await d.one(`SELECT 1 FROM larsam_meta WHERE key = 'built_at_load'`)).toBeDefined(),
    );
    const lookup = await cliOk(['person', A, '--db', db]);
    expect(lookup.stdout).toContain('har inga rader för personen');
    expect(lookup.stdout).toContain('Personen har raderats');

    // A later ingest of the files that still hold A: skipped, and said so.
    const again = await cliOk(['ingest', fixture.data, '--db', db]);
    expect(again.stdout).toContain(
      'registrations.csv: 1 row(s) of erased persons (larsam forget) skipped',
    );
    expect(again.stdout).toContain(
      'results.csv: 5 row(s) of erased persons (larsam forget) skipped',
    );
    expect(Object.values(await rowsOfPerson(db, pid)).every((n) => n === 0)).toBe(true);
  }, 60_000);

  it('a new version of a file that still holds an erased person skips their rows; --include-erased loads them and lifts the tombstone', async () => {
    const db = copyDb(fixture);
    const pid = pseudonym(A);
    await cliOk(['forget', A, '--db', db, '--yes', '--quiet']);
    const data = join(fixture.root, `data-new-${process.pid}`);
    writeData(data);
    appendFileSync(
      join(data, 'registrations.csv'),
      `${A.slice(2, 8)}-${A.slice(8)},VT2026,K7,7.5,ja,2380,,,K,,1990,nej\n`,
    );
    const registrations = join(data, 'registrations.csv');
    const run = await cliOk([
      'ingest',
      registrations,
      '--db',
      db,
      '--kind',
      'registrations',
      '--replace',
      '--yes',
      '--json',
    ]);
    const report = JSON.parse(run.stdout) as {
      results: {
        rowsRead: number;
        rowsLoaded: number;
        rowsRejected: number;
        erased?: { rows: number; persons: number };
      }[];
    };
    // 24 rows: 22 loaded, A's 2 skipped (neither loaded nor rejected).
    expect(report.results[0]).toMatchObject({
      rowsRead: 24,
      rowsLoaded: 22,
      rowsRejected: 0,
      erased: { rows: 2, persons: 1, restored: false },
    });
    expect(run.stderr).toContain('2 row(s) of 1 erased person(s) (larsam forget) skipped');
    expect((await rowsOfPerson(db, pid)).raw_registrations).toBe(0);
    expect(readFileSync(registrations, 'utf8')).toContain(A.slice(2, 8));

    const back = await cliOk([
      'ingest',
      registrations,
      join(data, 'results.csv'),
      '--db',
      db,
      '--replace',
      '--yes',
      '--include-erased',
    ]);
    expect(back.stdout).toContain('2 row(s) of 1 erased person(s) loaded again (--include-erased)');
    const rows = await rowsOfPerson(db, pid);
    expect([rows.raw_registrations, rows.raw_results]).toEqual([2, 5]);
    await withDb(db, async (d) =>
      expect(
        Number((await d.one<{ n: bigint }>(`SELECT count(*) AS n FROM erased_persons`))!.n),
      ).toBe(0),
    );
  }, 60_000);
});

describe('larsam retention', () => {
  it('a dry run lists the loads and deletes nothing; applied, it deletes exactly them and rebuilds', async () => {
    const db = copyDb(fixture);
    // today 2027-06-01 − 18 months = 2025-12-01. Latest dates: degrees 2025-06-01 and
    // participations 2025-10-01 end before it; results (2025-12-01) and registrations
    // (VT2026 ends 2026-05-31) do not; the other kinds are not judged.
    const rowCount = (kind: string) =>
      withDb(db, async (d) =>
        Number((await d.one<{ n: bigint }>(`SELECT count(*) AS n FROM raw_${kind}`))!.n),
      );
    const before = {
      degrees: await rowCount('degrees'),
      participations: await rowCount('participations'),
      registrations: await rowCount('registrations'),
      results: await rowCount('results'),
    };
    expect(before).toEqual({ degrees: 2, participations: 8, registrations: 23, results: 14 });

    const dry = await cliOk([
      'retention',
      '--keep',
      '18m',
      '--today',
      '2027-06-01',
      '--db',
      db,
      '--json',
    ]);
    const plan = JSON.parse(dry.stdout) as {
      applied: boolean;
      cutoff: string;
      loads: { file: string; rows: number }[];
    };
    expect(plan.applied).toBe(false);
    expect(plan.cutoff).toBe('2025-12-01');
    expect(plan.loads.map((l) => [l.file, l.rows]).sort()).toEqual([
      ['degrees.csv', 2],
      ['participations.csv', 8],
    ]);
    expect(await rowCount('degrees')).toBe(2);
    expect(await rowCount('participations')).toBe(8);

    await cliOk(['retention', '--keep', '18m', '--today', '2027-06-01', '--db', db, '--yes']);
    expect({
      degrees: await rowCount('degrees'),
      participations: await rowCount('participations'),
      registrations: await rowCount('registrations'),
      results: await rowCount('results'),
    }).toEqual({
      degrees: 0,
      participations: 0,
      registrations: 23,
      results: 14,
    });
    await withDb(db, async (d) => {
      expect(
        await d.rows(
          `SELECT file_name AS f, status FROM loads WHERE status = 'expired' ORDER BY f`,
        ),
      ).toEqual([
        { f: 'degrees.csv', status: 'expired' },
        { f: 'participations.csv', status: 'expired' },
      ]);
      expect(await d.rows(`SELECT reason, keep, rows_removed::VARCHAR AS r FROM erasures`)).toEqual(
        [
          {
            reason: 'retention',
            keep: '18m',
            r: '{raw_registrations=0, raw_results=0, raw_degrees=2, raw_participations=8, rejects=0}',
          },
        ],
      );
      // Rebuilt: the activity R1 has no participants left.
      const built = await d.one<{ v: string }>(
        `SELECT value AS v FROM larsam_meta WHERE key = 'built_at_load'`,
      );
      expect(built).toBeDefined();
    });
    // The same file again is not loaded back silently.
    const again = await cliOk(['ingest', join(fixture.data, 'degrees.csv'), '--db', db]);
    expect(again.stdout).toContain('removed by larsam retention earlier');
    expect(await rowCount('degrees')).toBe(0);
  }, 60_000);
});
