// A file that fails as a whole is recorded in the ledger with why (masked), shown by
// `larsam status`, never counted as loaded, and loads once fixed; its later load
// supersedes the failure so status shows only the latest outcome of each file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { readStatus, type Status } from '../../src/ingest/status.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const HEADER = 'person_id,term,course_code,credits,first_time';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function status(): Promise<Status> {
  const db = await Database.open(ws.dbPath, { readOnly: true });
  try {
    return await readStatus(db);
  } finally {
    db.close();
  }
}

const ledger = () =>
  ws.query(
    `SELECT load_id, file_name, kind, format, status, replaced_by, rows_read::INT AS r, rows_loaded::INT AS l, rows_rejected::INT AS j, sha256, failure
     FROM loads ORDER BY load_id`,
  );

const MISSING_WHY =
  'line 1, column course_code: the required column course_code, credits, first_time is missing for registrations; the header on line 1 has: person_id, term. ' +
  'Fix: add the columns course_code, credits, first_time to the header (see the data contract for registrations), or pass the right --kind';

describe('a file that fails as a whole', () => {
  it('a missing column: recorded as failed with file, hash, kind, format and why; in status; not loaded; loads after the fix', async () => {
    const good = ws.write('registrations-vt2026.csv', `${HEADER}\nS1,VT2026,MA001G,7.5,ja\n`);
    await ws.ingest([good]);
    const broken = ws.write('registrations.csv', 'person_id,term\nS1,HT2025\nS2,HT2025\n');
    const report = await ws.ingest([broken]);
    expect(report.results).toEqual([]);
    expect(report.failures.map((f) => [f.file, f.loadId])).toEqual([[broken, 2]]);

    const [entry] = (await ledger()).filter((l) => l.load_id === 2);
    expect(entry).toMatchObject({
      file_name: 'registrations.csv',
      kind: 'registrations',
      format: 'csv',
      status: 'failed',
      replaced_by: null,
      r: 0,
      l: 0,
      j: 0,
      sha256: sha(broken),
    });
    expect(entry!.failure).toBe(MISSING_WHY);

    // Status: the failure with why, and it is not a loaded file, nor rows of its kind.
    const before = await status();
    expect(before.failed.map((f) => [f.file, f.kind, f.status])).toEqual([
      ['registrations.csv', 'registrations', 'failed'],
    ]);
    expect(before.failed[0]!.why).toBe(entry!.failure);
    expect(before.files.map((f) => f.file)).toEqual(['registrations-vt2026.csv']);
    expect(before.kinds).toEqual([{ kind: 'registrations', files: 1, rows: 1 }]);

    // The same broken content again fails again (a failure is never "unchanged"); the
    // newer failure supersedes the older, so status lists the file once.
    const again = await ws.ingest([broken]);
    expect(again.failures.map((f) => f.loadId)).toEqual([3]);
    expect((await ledger()).map((l) => [l.load_id, l.status, l.replaced_by])).toEqual([
      [1, 'loaded', null],
      [2, 'failed', 3],
      [3, 'failed', null],
    ]);
    expect((await status()).failed.map((f) => f.file)).toEqual(['registrations.csv']);

    // Fixed: it loads (2 rows), and the failure is no longer current.
    ws.write('registrations.csv', `${HEADER}\nS1,HT2025,MA001G,7.5,ja\nS2,HT2025,MA002G,15,nej\n`);
    const fixed = await ws.ingest([broken]);
    expect(fixed.failures).toEqual([]);
    // The header check fails before a load id is drawn, so the next id is 4.
    expect(fixed.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 4,
      rowsLoaded: 2,
      replacedLoads: 0,
    });
    expect((await ledger()).map((l) => [l.load_id, l.status, l.replaced_by])).toEqual([
      [1, 'loaded', null],
      [2, 'failed', 3],
      [3, 'failed', 4],
      [4, 'loaded', null],
    ]);
    const after = await status();
    expect(after.failed).toEqual([]);
    expect(after.kinds).toEqual([{ kind: 'registrations', files: 2, rows: 3 }]); // 1 + 2
  });

  it('unreadable files (not Parquet, malformed JSON, a CSV DuckDB cannot parse) and an empty file: each recorded with why', async () => {
    const parquet = ws.write('in/registrations.parquet', 'not a parquet file');
    const json = ws.write('in/activities.json', '[{"activity_id": "A1", ');
    const csv = ws.write(
      'in/needs.csv',
      Buffer.from(
        'need_id,documented_on,source,description\r\0\nN1,2025-03-01,Möte,Text\n',
        'utf8',
      ),
    );
    const empty = ws.write('in/degrees.csv', '');
    const report = await ws.ingest([`${ws.dir}/in`]);
    expect(report.results).toEqual([]);
    // The folder's files in name order: activities.json, degrees.csv, needs.csv, registrations.parquet.
    expect(report.failures.map((f) => f.file)).toEqual([json, empty, csv, parquet]);
    const rows = await ledger();
    expect(rows.map((l) => [l.file_name, l.kind, l.format, l.status, l.l, l.sha256])).toEqual([
      ['activities.json', 'activities', 'json', 'failed', 0, sha(json)],
      ['degrees.csv', 'degrees', 'csv', 'failed', 0, sha(empty)],
      ['needs.csv', 'needs', 'csv', 'failed', 0, sha(csv)],
      ['registrations.parquet', 'registrations', 'parquet', 'failed', 0, sha(parquet)],
    ]);
    const why = rows.map((l) => String(l.failure));
    expect(why[0]).toMatch(
      /^this is not a readable JSON file \(Malformed JSON.*\)\. Fix: write it as a JSON array of objects/,
    );
    expect(why[1]).toMatch(/^the file is empty \(0 bytes\)\. Fix: export the data again/);
    expect(why[2]).toMatch(/^the file cannot be read as CSV \(.*\)\. Fix: check its line ends/);
    expect(why[3]).toBe(
      'this is not a readable Parquet file (No magic bytes found). Fix: export the file again as Parquet (it may be cut off or another format), or as CSV',
    );
    expect((await status()).failed.map((f) => f.file)).toEqual([
      'activities.json',
      'degrees.csv',
      'needs.csv',
      'registrations.parquet',
    ]);
    // Nothing of them anywhere.
    expect(
      await ws.query(
        `SELECT (SELECT count(*) FROM raw_registrations)::INT AS r, (SELECT count(*) FROM rejects)::INT AS j`,
      ),
    ).toEqual([{ r: 0, j: 0 }]);
  });

  it('masks a personnummer in the why (a header of data instead of column names)', async () => {
    const file = ws.write('registrations.csv', '198507099805,HT2025\n199001011239,HT2025\n');
    const report = await ws.ingest([file]);
    expect(report.failures).toHaveLength(1);
    const [row] = await ws.query<{ failure: string }>(`SELECT failure FROM loads`);
    expect(row!.failure).not.toMatch(/198507099805|8507099805|199001011239/);
    expect(row!.failure).toContain('**********');
  });

  it('does not make the models stale: a failed load changed no data', async () => {
    const good = ws.write('degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n');
    await ws.ingest([good]);
    const db = await Database.open(ws.dbPath);
    try {
      await db.run(
        `INSERT OR REPLACE INTO larsam_meta VALUES ('built_at_load', '1'), ('built_at', 'x')`,
      );
    } finally {
      db.close();
    }
    await ws.ingest([ws.write('needs.csv', 'need_id\nN1\n')]);
    expect((await status()).models).toBe('built x');
    await ws.ingest([ws.write('degrees-2.csv', 'person_id,degree_date\nS2,2026-06-11\n')]);
    expect((await status()).models).toMatch(/^stale/);
  });
});
