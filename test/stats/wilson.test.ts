import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../../src/stats/wilson.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';

// Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score
// without continuity correction), 95 %.
const NEWCOMBE: ReadonlyArray<[k: number, n: number, low: string, high: string]> = [
  [81, 263, '0.2553', '0.3662'],
  [15, 148, '0.0624', '0.1605'],
  [0, 20, '0.0000', '0.1611'],
  [1, 29, '0.0061', '0.1718'],
];

interface Row {
  i: number;
  k: number;
  n: number;
  z: number;
  low: number | null;
  high: number | null;
}

// Cases travel as one JSON array parameter, unnested in SQL (no values in SQL text).
const WILSON_SQL = `
  WITH c AS (
    SELECT unnest(from_json($1, '[{"i":"INTEGER","k":"DOUBLE","n":"DOUBLE","z":"DOUBLE"}]'), recursive := true)
  )
  SELECT i, k, n, z, wilson_low(k, n, z) AS low, wilson_high(k, n, z) AS high
  FROM c ORDER BY i`;

function expectAgree(rows: Row[], cases: { k: number; n: number; z: number }[]): void {
  expect(rows).toHaveLength(cases.length);
  rows.forEach((row, i) => {
    const c = cases[i]!;
    // the JSON channel carries the doubles exactly
    expect([row.i, row.k, row.n, row.z]).toEqual([i, c.k, c.n, c.z]);
    const ts = wilsonInterval(c.k, c.n, c.z);
    if (ts === null) {
      expect(row.low).toBeNull();
      expect(row.high).toBeNull();
    } else {
      expect(Math.abs(row.low! - ts.low)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(row.high! - ts.high)).toBeLessThanOrEqual(1e-12);
    }
  });
}

describe('wilsonInterval', () => {
  it.each(NEWCOMBE)('%i/%i matches Newcombe 1998 method 3', (k, n, low, high) => {
    const ci = wilsonInterval(k, n)!;
    expect(ci.low.toFixed(4)).toBe(low);
    expect(ci.high.toFixed(4)).toBe(high);
  });

  it('k = 0 gives low exactly 0, k = n gives high exactly 1', () => {
    expect(wilsonInterval(0, 20)!.low).toBe(0);
    for (const n of [2, 3, 7, 29, 263, 10_000]) {
      expect(wilsonInterval(n, n)!.high).toBe(1);
      expect(wilsonInterval(0, n)!.low).toBe(0);
    }
    // 20/20 is the mirror image of 0/20
    const full = wilsonInterval(20, 20)!;
    expect(full.low.toFixed(4)).toBe('0.8389');
  });

  it('n < 2 gives no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 1)).toBeNull();
    expect(wilsonInterval(1, 1)).toBeNull();
  });

  it('rejects k outside [0, n] and bad z', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, Number.NaN)).toThrow(RangeError);
  });

  it('stays within [0, 1], contains k/n, and narrows with z', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 100_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        ([k, n], z) => {
          const ci = wilsonInterval(k, n, z)!;
          expect(ci.low).toBeGreaterThanOrEqual(0);
          expect(ci.high).toBeLessThanOrEqual(1);
          expect(ci.low).toBeLessThanOrEqual(k / n + 1e-15);
          expect(ci.high).toBeGreaterThanOrEqual(k / n - 1e-15);
          const narrower = wilsonInterval(k, n, z / 2)!;
          expect(narrower.high - narrower.low).toBeLessThanOrEqual(ci.high - ci.low + 1e-15);
        },
      ),
    );
  });
});

describe('wilson_low / wilson_high (SQL) agree with wilsonInterval', () => {
  it('on the Newcombe cases and the edges', async () => {
    const cases = [
      ...NEWCOMBE.map(([k, n]) => ({ k, n, z: 1.959964 })),
      { k: 0, n: 0, z: 1.959964 },
      { k: 1, n: 1, z: 1.959964 },
      { k: 0, n: 2, z: 1.959964 },
      { k: 2, n: 2, z: 1.959964 },
      { k: 20, n: 20, z: 1.959964 },
    ];
    const rows = await withMacroConnection(async (c) => {
      const r = await c.runAndReadAll(WILSON_SQL, [
        JSON.stringify(cases.map((x, i) => ({ i, ...x }))),
      ]);
      return r.getRowObjects() as unknown as Row[];
    });
    expectAgree(rows, cases);
    expect(rows[0]!.low!.toFixed(4)).toBe('0.2553');
    expect(rows[6]!.low).toBe(0); // 0/2
    expect(rows[7]!.high).toBe(1); // 2/2
  });

  it('on random batches (one query per batch)', async () => {
    const caseArb = fc.integer({ min: 0, max: 50_000 }).chain((n) =>
      fc.record({
        k: fc.integer({ min: 0, max: n }),
        n: fc.constant(n),
        z: fc.double({ min: 0.1, max: 5, noNaN: true }),
      }),
    );
    await withMacroConnection(async (c) => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 300 }), async (cases) => {
          const r = await c.runAndReadAll(WILSON_SQL, [
            JSON.stringify(cases.map((x, i) => ({ i, ...x }))),
          ]);
          expectAgree(r.getRowObjects() as unknown as Row[], cases);
        }),
        { numRuns: 40 },
      );
    });
  });

  it('returns NULL for NULL input and errors for k > n', async () => {
    await withMacroConnection(async (c) => {
      const r = await c.runAndReadAll(
        'SELECT wilson_low(NULL, 10, 1.96) AS a, wilson_high(3, NULL, 1.96) AS b, wilson_low(3, 10, NULL) AS c',
      );
      expect(r.getRowObjects()).toEqual([{ a: null, b: null, c: null }]);
      await expect(c.runAndReadAll('SELECT wilson_low($1, $2, 1.96)', [11, 10])).rejects.toThrow(
        /wilson_low/,
      );
    });
  });
});
