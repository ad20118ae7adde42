// What an ingest replaces, and that it is told before anything changes: a new version of
// the same path replaces that file; --replace also a file of the same name from another
// folder (never a file of another name); --replace-kind every load of the kind. The plan
// names each file and its exact row count; declining it changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplacePlan } from '../../src/ingest/replace-plan.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const HEADER = 'person_id,term,course_code,credits,first_time';
const csv = (...courses: string[]) =>
  `${[HEADER, ...courses.map((c, i) => `S${i + 1},HT2025,${c},7.5,ja`)].join('\n')}\n`;

const courses = async () =>
  (
    await ws.query<{ c: string }>(
      `SELECT course_code AS c FROM raw_registrations ORDER BY _load_id, _line`,
    )
  ).map((r) => r.c);
const ledger = async () =>
  (
    await ws.query<{ id: number; name: string; status: string; by: number | null }>(
      `SELECT load_id AS id, file_name AS name, status, replaced_by AS by FROM loads ORDER BY load_id`,
    )
  ).map((l) => [l.id, l.name, l.status, l.by]);

/** a/registrations.csv with 3 rows (load 1), b/registrations-vt.csv with 2 (load 2), degrees.csv with 1 (load 3). */
async function loadThreeFiles(): Promise<{ a: string; b: string }> {
  const a = ws.write('a/registrations.csv', csv('A1', 'A2', 'A3'));
  const b = ws.write('b/registrations-vt.csv', csv('B1', 'B2'));
  await ws.ingest([a, b, ws.write('degrees.csv', 'person_id,degree_date\nS1,2026-06-10\n')]);
  return { a, b };
}

function recorder(answer = true): {
  plans: ReplacePlan[];
  onReplace: (plan: ReplacePlan) => boolean;
} {
  const plans: ReplacePlan[] = [];
  return {
    plans,
    onReplace: (plan) => {
      plans.push(plan);
      return answer;
    },
  };
}

describe('--replace (same file name, any folder)', () => {
  it('with a small file of another name removes nothing of the other files', async () => {
    await loadThreeFiles();
    const extra = ws.write('extra/registrations-extra.csv', csv('X1'));
    const seen = recorder();
    const report = await ws.ingest([extra], { replace: 'name', onReplace: seen.onReplace });
    expect(seen.plans).toEqual([]); // nothing to remove, nothing to announce
    expect(report.results[0]).toMatchObject({
      status: 'loaded',
      rowsLoaded: 1,
      replacedLoads: 0,
      replaced: [],
    });
    // 3 + 2 + 1 registrations, none removed.
    expect(await courses()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'X1']);
  });

  it('with the same file name from another folder replaces only that file, and says so first with its row count', async () => {
    const { a } = await loadThreeFiles();
    const fresh = ws.write('new/registrations.csv', csv('N1'));
    const seen = recorder();
    const report = await ws.ingest([fresh], { replace: 'name', onReplace: seen.onReplace });
    expect(seen.plans).toHaveLength(1);
    expect(seen.plans[0]!.removals).toEqual([
      {
        loadId: 1,
        file: 'registrations.csv',
        path: a,
        kind: 'registrations',
        rows: 3,
        by: fresh,
        because: 'same file name',
      },
    ]);
    // 3 of the 3 + 2 = 5 registration rows.
    expect(seen.plans[0]!.kinds).toEqual([
      { kind: 'registrations', removedRows: 3, loadedRows: 5 },
    ]);
    expect(report.results[0]).toMatchObject({
      status: 'loaded',
      loadId: 4,
      replaced: [{ file: 'registrations.csv', path: a, rows: 3 }],
    });
    expect(await courses()).toEqual(['B1', 'B2', 'N1']);
    expect(await ledger()).toEqual([
      [1, 'registrations.csv', 'replaced', 4],
      [2, 'registrations-vt.csv', 'loaded', null],
      [3, 'degrees.csv', 'loaded', null],
      [4, 'registrations.csv', 'loaded', null],
    ]);
  });

  it('declined: nothing is loaded or removed, and the ingest says why', async () => {
    await loadThreeFiles();
    const before = await ledger();
    const fresh = ws.write('new/registrations.csv', csv('N1'));
    await expect(
      ws.ingest([fresh], { replace: 'name', onReplace: recorder(false).onReplace }),
    ).rejects.toThrow('nothing was loaded or removed: the replacement was not confirmed');
    expect(await ledger()).toEqual(before);
    expect(await courses()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
  });
});

describe('--replace-kind', () => {
  it('removes every load of the kind and nothing of other kinds; the plan names both files with 3 and 2 rows', async () => {
    const { a, b } = await loadThreeFiles();
    const all = ws.write('registrations-all.csv', csv('ALL1', 'ALL2'));
    const more = ws.write('registrations-more.csv', csv('MORE1'));
    const seen = recorder();
    const report = await ws.ingest([all, more], { replace: 'kind', onReplace: seen.onReplace });
    expect(seen.plans[0]!.removals.map((r) => [r.path, r.rows, r.because])).toEqual([
      [a, 3, 'same kind'],
      [b, 2, 'same kind'],
    ]);
    expect(seen.plans[0]!.kinds).toEqual([
      { kind: 'registrations', removedRows: 5, loadedRows: 5 },
    ]);
    // The first new file takes the earlier loads' place; the second adds to it (it does not replace the first).
    expect(report.results.map((r) => [r.loadId, r.replaced.map((x) => [x.file, x.rows])])).toEqual([
      [
        4,
        [
          ['registrations.csv', 3],
          ['registrations-vt.csv', 2],
        ],
      ],
      [5, []],
    ]);
    expect(await courses()).toEqual(['ALL1', 'ALL2', 'MORE1']);
    expect(await ws.query('SELECT count(*)::INT AS n FROM raw_degrees')).toEqual([{ n: 1 }]);
  });

  it('keeps a load whose content is one of the inputs (that input is unchanged)', async () => {
    const { b } = await loadThreeFiles();
    const seen = recorder();
    const report = await ws.ingest([b, ws.write('registrations-all.csv', csv('ALL1'))], {
      replace: 'kind',
      onReplace: seen.onReplace,
    });
    expect(seen.plans[0]!.removals.map((r) => [r.file, r.rows])).toEqual([
      ['registrations.csv', 3],
    ]);
    expect(report.results.map((r) => r.status)).toEqual(['unchanged', 'loaded']);
    expect(await courses()).toEqual(['B1', 'B2', 'ALL1']);
  });
});

describe('a new version of the same path', () => {
  it('is announced with its row count (without --replace too)', async () => {
    const { a } = await loadThreeFiles();
    ws.write('a/registrations.csv', csv('A1', 'A2'));
    const seen = recorder();
    const report = await ws.ingest([a], { onReplace: seen.onReplace });
    expect(seen.plans[0]!.removals).toEqual([
      {
        loadId: 1,
        file: 'registrations.csv',
        path: a,
        kind: 'registrations',
        rows: 3,
        by: a,
        because: 'same path',
      },
    ]);
    expect(report.results[0]).toMatchObject({
      replaced: [{ file: 'registrations.csv', path: a, rows: 3 }],
    });
    expect(await courses()).toEqual(['B1', 'B2', 'A1', 'A2']);
  });
});
