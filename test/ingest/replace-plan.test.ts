// The plan and the confirmation threshold as pure functions, on hand-made ledgers: more
// than half of a kind's loaded rows removed by --replace or --replace-kind asks; exactly
// half does not; a new version of the same path never counts toward it.
import { describe, expect, it } from 'vitest';
import {
  kindsNeedingConfirmation,
  planReplacement,
  type LedgerLoad,
} from '../../src/ingest/replace-plan.ts';

const load = (
  loadId: number,
  path: string,
  rows: number,
  kind: LedgerLoad['kind'] = 'registrations',
  sha256 = `sha${loadId}`,
): LedgerLoad => ({
  loadId,
  path,
  fileName: path.split('/').pop()!,
  sha256,
  kind,
  rows,
});

// registrations: 6 + 4 = 10 rows in two files; degrees: 7 rows.
const LEDGER = [
  load(1, '/a/registrations.csv', 6),
  load(2, '/b/registrations-vt.csv', 4),
  load(3, '/degrees.csv', 7, 'degrees'),
];

describe('planReplacement', () => {
  it('path: only the same path of the same kind', () => {
    const plan = planReplacement(
      LEDGER,
      [{ path: '/a/registrations.csv', kind: 'registrations', sha256: 'new' }],
      'path',
    );
    expect(plan.removals.map((r) => [r.loadId, r.rows, r.because])).toEqual([[1, 6, 'same path']]);
    expect(plan.kinds).toEqual([{ kind: 'registrations', removedRows: 6, loadedRows: 10 }]);
    expect(plan.byInput).toEqual(new Map([['/a/registrations.csv', [1]]]));
  });

  it('name: the same file name from another folder, not another name, not another kind', () => {
    const plan = planReplacement(
      LEDGER,
      [
        { path: '/new/registrations.csv', kind: 'registrations', sha256: 'new' },
        { path: '/new/registrations-extra.csv', kind: 'registrations', sha256: 'new2' },
      ],
      'name',
    );
    expect(plan.removals.map((r) => [r.loadId, r.because, r.by])).toEqual([
      [1, 'same file name', '/new/registrations.csv'],
    ]);
    expect(plan.byInput).toEqual(new Map([['/new/registrations.csv', [1]]]));
  });

  it("kind: every load of the kind, given to every input of it; a load with an input's content is kept", () => {
    const plan = planReplacement(
      LEDGER,
      [
        { path: '/all/registrations-1.csv', kind: 'registrations', sha256: 'new' },
        { path: '/b/registrations-vt.csv', kind: 'registrations', sha256: 'sha2' }, // unchanged
      ],
      'kind',
    );
    expect(plan.removals.map((r) => [r.loadId, r.rows])).toEqual([[1, 6]]);
    expect(plan.byInput).toEqual(new Map([['/all/registrations-1.csv', [1]]]));
    expect(plan.kinds).toEqual([{ kind: 'registrations', removedRows: 6, loadedRows: 10 }]);
  });

  it('an input whose content is already loaded, or loaded by an earlier input of the run, removes nothing', () => {
    const plan = planReplacement(
      LEDGER,
      [
        { path: '/x/registrations.csv', kind: 'registrations', sha256: 'same' },
        { path: '/a/registrations.csv', kind: 'registrations', sha256: 'same' },
      ],
      'path',
    );
    // The second input is unchanged (same content as the first): load 1 stays.
    expect(plan.removals).toEqual([]);
  });
});

describe('kindsNeedingConfirmation', () => {
  it('asks when more than half of a kind would go: 6 of 10 asks, 4 of 10 does not', () => {
    const six = planReplacement(
      LEDGER,
      [{ path: '/n/registrations.csv', kind: 'registrations', sha256: 'n' }],
      'name',
    );
    expect(kindsNeedingConfirmation(six)).toEqual([
      { kind: 'registrations', removedRows: 6, loadedRows: 10 },
    ]);
    const four = planReplacement(
      LEDGER,
      [{ path: '/n/registrations-vt.csv', kind: 'registrations', sha256: 'n' }],
      'name',
    );
    expect(kindsNeedingConfirmation(four)).toEqual([]);
  });

  it('exactly half does not ask (5 of 10: 5 × 2 = 10 is not more than 10)', () => {
    const half = [load(1, '/a/registrations.csv', 5), load(2, '/b/registrations-vt.csv', 5)];
    expect(
      kindsNeedingConfirmation(
        planReplacement(
          half,
          [{ path: '/n/registrations.csv', kind: 'registrations', sha256: 'n' }],
          'name',
        ),
      ),
    ).toEqual([]);
  });

  it('a new version of the same path does not count: 6 of 10 by path alone never asks, even under --replace-kind it counts only the others', () => {
    expect(
      kindsNeedingConfirmation(
        planReplacement(
          LEDGER,
          [{ path: '/a/registrations.csv', kind: 'registrations', sha256: 'n' }],
          'path',
        ),
      ),
    ).toEqual([]);
    // --replace-kind from /a/registrations.csv: load 1 by path (6), load 2 by kind (4); 4 × 2 = 8 ≤ 10.
    expect(
      kindsNeedingConfirmation(
        planReplacement(
          LEDGER,
          [{ path: '/a/registrations.csv', kind: 'registrations', sha256: 'n' }],
          'kind',
        ),
      ),
    ).toEqual([]);
    // From another file: 6 + 4 = 10 of 10.
    expect(
      kindsNeedingConfirmation(
        planReplacement(
          LEDGER,
          [{ path: '/z/registrations-z.csv', kind: 'registrations', sha256: 'n' }],
          'kind',
        ),
      ),
    ).toEqual([{ kind: 'registrations', removedRows: 10, loadedRows: 10 }]);
  });
});
