// The load ledger: the same content twice changes nothing, a new version of a file
// (same path, or --replace-kind for the whole kind) replaces the earlier rows, --strict
// loads nothing of a file with a rejected row, and every load is recorded. --replace by
// file name and failed loads: replace.test.ts and failed-loads.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const HEADER = 'person_id,term,course_code,credits,first_time';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

interface LoadRow {
  load_id: number;
  file_name: string;
  status: string;
  replaced_by: number | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
}

const loads = () =>
  ws.query<LoadRow & Record<string, unknown>>(
    `SELECT load_id, file_name, status, replaced_by, rows_read::INT AS rows_read, rows_loaded::INT AS rows_loaded, rows_rejected::INT AS rows_rejected FROM loads ORDER BY load_id`,
  );
const courses = async () =>
  (
    await ws.query<{ c: string }>(
      `SELECT course_code AS c FROM raw_registrations ORDER BY _load_id, _line`,
    )
  ).map((r) => r.c);
const rejectLines = async () =>
  (
    await ws.query<{ id: number; line: number }>(
      `SELECT load_id AS id, line::INT AS line FROM rejects ORDER BY load_id, line`,
    )
  ).map((r) => [r.id, r.line]);

describe('the ledger', () => {
  it('records file, content hash, kind, format, encoding, rows read, loaded and rejected, and the time', async () => {
    const content = csv(
      'S1,HT2025,MA001G,7.5,ja',
      'S2,HT2025,MA001G,0,ja',
      'S3,VT2026,MA002G,15,nej',
    );
    const file = ws.write('in/registrations-ht2025.csv', content);
    const before = Date.now();
    await ws.ingest([file]);
    const after = Date.now();
    const [row] = await ws.query<Record<string, unknown>>(
      `SELECT load_id, path, file_name, sha256, kind, format, encoding, rows_read::INT AS r, rows_loaded::INT AS l, rows_rejected::INT AS j,
              epoch_ms(loaded_at) AS at, status, replaced_by FROM loads`,
    );
    expect(row).toEqual({
      load_id: 1,
      path: file,
      file_name: 'registrations-ht2025.csv',
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      kind: 'registrations',
      format: 'csv',
      encoding: 'utf-8',
      r: 3,
      l: 2,
      j: 1,
      at: expect.any(BigInt),
      status: 'loaded',
      replaced_by: null,
    });
    // loaded_at is a TIMESTAMP in the database's local time: allow for the machine's offset from UTC.
    const at = Number(row!.at);
    const offsetMs = Math.abs(new Date().getTimezoneOffset() * 60_000);
    expect(at).toBeGreaterThanOrEqual(before - 1000 - offsetMs);
    expect(at).toBeLessThanOrEqual(after + 1000 + offsetMs);
    expect(
      await ws.query('SELECT _load_id, _line::INT AS line FROM raw_registrations ORDER BY _line'),
    ).toEqual([
      { _load_id: 1, line: 2 },
      { _load_id: 1, line: 4 },
    ]);
  });
});

describe('loading the same content again', () => {
  it('changes nothing: no new load, no new rows, no new rejects', async () => {
    const file = ws.write(
      'registrations.csv',
      csv('S1,HT2025,MA001G,7.5,ja', 'S2,HT2025,MA001G,x,ja'),
    );
    const first = await ws.ingest([file]);
    expect(first.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 1,
      rowsLoaded: 1,
      rowsRejected: 1,
    });
    const second = await ws.ingest([file]);
    expect(second.results[0]).toMatchObject({ status: 'unchanged', loadId: 1 });
    // The same bytes under another name are the same content.
    const copy = ws.write('other/registrations-copy.csv', readFileSync(file));
    const third = await ws.ingest([copy]);
    expect(third.results[0]).toMatchObject({ status: 'unchanged', loadId: 1 });
    expect(await loads()).toEqual([
      {
        load_id: 1,
        file_name: 'registrations.csv',
        status: 'loaded',
        replaced_by: null,
        rows_read: 2,
        rows_loaded: 1,
        rows_rejected: 1,
      },
    ]);
    expect(await courses()).toEqual(['MA001G']);
    expect(await rejectLines()).toEqual([[1, 3]]);
  });
});

describe('a new version of a file', () => {
  it('replaces the rows and rejects of the earlier version of the same path, and leaves other files of the kind alone', async () => {
    const ht = ws.write(
      'registrations-ht2025.csv',
      csv('S1,HT2025,HT-A,7.5,ja', 'S2,HT2025,HT-B,0,ja', 'S3,HT2025,HT-C,7.5,ja'),
    );
    const vt = ws.write('registrations-vt2026.csv', csv('S1,VT2026,VT-A,7.5,nej'));
    await ws.ingest([ht, vt]);
    expect(await courses()).toEqual(['HT-A', 'HT-C', 'VT-A']);

    ws.write(
      'registrations-ht2025.csv',
      csv(
        'S1,HT2025,HT-A2,7.5,ja',
        'S4,HT2025,HT-D,7.5,ja',
        'S5,HT2025,HT-E,-1,ja',
        'S6,HT2025,HT-F,1,ja',
      ),
    );
    const report = await ws.ingest([ht]);
    expect(report.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 3,
      replacedLoads: 1,
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
    });
    expect(await courses()).toEqual(['VT-A', 'HT-A2', 'HT-D', 'HT-F']);
    expect(await rejectLines()).toEqual([[3, 4]]);
    expect(await loads()).toEqual([
      {
        load_id: 1,
        file_name: 'registrations-ht2025.csv',
        status: 'replaced',
        replaced_by: 3,
        rows_read: 3,
        rows_loaded: 2,
        rows_rejected: 1,
      },
      {
        load_id: 2,
        file_name: 'registrations-vt2026.csv',
        status: 'loaded',
        replaced_by: null,
        rows_read: 1,
        rows_loaded: 1,
        rows_rejected: 0,
      },
      {
        load_id: 3,
        file_name: 'registrations-ht2025.csv',
        status: 'loaded',
        replaced_by: null,
        rows_read: 4,
        rows_loaded: 3,
        rows_rejected: 1,
      },
    ]);
  });

  it('loads an earlier version again when it comes back (it is no longer the loaded content)', async () => {
    const file = ws.write('registrations.csv', csv('S1,HT2025,V1,7.5,ja'));
    await ws.ingest([file]);
    ws.write('registrations.csv', csv('S1,HT2025,V2,7.5,ja'));
    await ws.ingest([file]);
    ws.write('registrations.csv', csv('S1,HT2025,V1,7.5,ja'));
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ status: 'loaded', loadId: 3, replacedLoads: 1 });
    expect(await courses()).toEqual(['V1']);
    expect((await loads()).map((l) => [l.load_id, l.status, l.replaced_by])).toEqual([
      [1, 'replaced', 2],
      [2, 'replaced', 3],
      [3, 'loaded', null],
    ]);
  });

  it('with --replace-kind replaces every earlier load of the kind, and nothing of other kinds', async () => {
    const ht = ws.write('registrations-ht2025.csv', csv('S1,HT2025,HT-A,7.5,ja'));
    const vt = ws.write(
      'registrations-vt2026.csv',
      csv('S1,VT2026,VT-A,7.5,nej', 'S1,VT2026,VT-B,x,nej'),
    );
    const degrees = ws.write('degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n');
    await ws.ingest([ht, vt, degrees]);
    const all = ws.write(
      'export/registrations-all.csv',
      csv('S1,HT2025,ALL-A,7.5,ja', 'S1,VT2026,ALL-B,7.5,nej'),
    );
    const report = await ws.ingest([all], { replace: 'kind' });
    expect(report.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 4,
      replacedLoads: 2,
      rowsLoaded: 2,
    });
    // ht2025 loaded 1 row; vt2026 2 rows read, 1 rejected ('x' credits): 1 row loaded.
    expect(report.results[0]!.replaced).toEqual([
      { file: 'registrations-ht2025.csv', path: ht, rows: 1 },
      { file: 'registrations-vt2026.csv', path: vt, rows: 1 },
    ]);
    expect(await courses()).toEqual(['ALL-A', 'ALL-B']);
    expect(await rejectLines()).toEqual([]);
    expect((await loads()).map((l) => [l.load_id, l.file_name, l.status, l.replaced_by])).toEqual([
      [1, 'registrations-ht2025.csv', 'replaced', 4],
      [2, 'registrations-vt2026.csv', 'replaced', 4],
      [3, 'degrees.csv', 'loaded', null],
      [4, 'registrations-all.csv', 'loaded', null],
    ]);
    expect(await ws.query('SELECT count(*)::INT AS n FROM raw_degrees')).toEqual([{ n: 1 }]);
  });

  it('without --replace, a second file of the kind adds to the first', async () => {
    const ht = ws.write('registrations-ht2025.csv', csv('S1,HT2025,HT-A,7.5,ja'));
    const vt = ws.write('registrations-vt2026.csv', csv('S1,VT2026,VT-A,7.5,nej'));
    await ws.ingest([ht]);
    const report = await ws.ingest([vt]);
    expect(report.results[0]).toMatchObject({ replacedLoads: 0 });
    expect(await courses()).toEqual(['HT-A', 'VT-A']);
  });
});

describe('--strict', () => {
  it('loads nothing of a file with a rejected row, records it as failed_strict, and keeps the earlier version', async () => {
    const file = ws.write('registrations.csv', csv('S1,HT2025,V1,7.5,ja'));
    await ws.ingest([file], { strict: true });
    expect(await courses()).toEqual(['V1']);

    ws.write(
      'registrations.csv',
      csv('S1,HT2025,V2,7.5,ja', 'S2,HT2025,V2,120,ja', 'S3,HT2026,V2,7.5,kanske'),
    );
    const clean = ws.write('degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n');
    const report = await ws.ingest([file, clean], { strict: true });
    expect(report.failures).toEqual([]);
    // Rolled back, so it replaced nothing.
    expect(report.results[0]).toMatchObject({
      status: 'failed_strict',
      loadId: null,
      rowsRead: 3,
      rowsLoaded: 0,
      rowsRejected: 2,
      replacedLoads: 0,
      replaced: [],
    });
    // What was wrong is still told, with line and column.
    expect(report.results[0]!.rejects.map((r) => [r.line, r.column])).toEqual([
      [3, 'credits'],
      [4, 'first_time'],
    ]);
    // One transaction per file: the clean file of the same run loads.
    expect(report.results[1]).toMatchObject({ status: 'loaded', kind: 'degrees', rowsLoaded: 1 });

    expect(await courses()).toEqual(['V1']);
    expect(await rejectLines()).toEqual([]);
    // Load 2 was the rolled-back attempt; 3 its failed_strict entry (3 read, 0 loaded, 2 rejected), 4 degrees.
    expect(
      (await loads()).map((l) => [
        l.load_id,
        l.file_name,
        l.status,
        l.rows_read,
        l.rows_loaded,
        l.rows_rejected,
      ]),
    ).toEqual([
      [1, 'registrations.csv', 'loaded', 1, 1, 0],
      [3, 'registrations.csv', 'failed_strict', 3, 0, 2],
      [4, 'degrees.csv', 'loaded', 1, 1, 0],
    ]);
    expect(await ws.query(`SELECT failure FROM loads WHERE load_id = 3`)).toEqual([
      {
        failure:
          '2 of 3 rows rejected under --strict, so nothing of the file was loaded. Fix: correct the rejected rows (larsam ingest without --strict lists them), or load it without --strict',
      },
    ]);

    // The same content without --strict loads the good rows, replaces V1 and supersedes the failure.
    const relaxed = await ws.ingest([file]);
    expect(relaxed.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 5,
      rowsLoaded: 1,
      rowsRejected: 2,
      replacedLoads: 1,
    });
    expect(await courses()).toEqual(['V2']);
    expect((await loads()).map((l) => [l.load_id, l.status, l.replaced_by])).toEqual([
      [1, 'replaced', 5],
      [3, 'failed_strict', 5],
      [4, 'loaded', null],
      [5, 'loaded', null],
    ]);
  });
});
