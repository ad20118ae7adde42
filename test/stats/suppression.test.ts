import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MIN_CELL,
  SUPPRESSED_MARK,
  suppressCount,
  suppressShare,
} from '../../src/stats/suppression.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';

describe('small-cell protection', () => {
  it("uses SCB's mark and min_cell 5 by default", () => {
    expect(SUPPRESSED_MARK).toBe('..');
    expect(DEFAULT_MIN_CELL).toBe(5);
  });

  it('suppresses counts 1 … minCell − 1, shows 0 and ≥ minCell', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((v) => suppressCount(v))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect([0, 1, 2, 3].map((v) => suppressCount(v, 3))).toEqual([false, true, true, false]);
    expect([0, 1, 2].map((v) => suppressCount(v, 1))).toEqual([false, false, false]);
  });

  it('suppresses shares by denominator only', () => {
    expect([0, 1, 4, 5, 6].map((d) => suppressShare(d))).toEqual([true, true, true, false, false]);
    // 2 of 40: the numerator is below min_cell, the spec's rule still shows the share
    expect(suppressShare(40)).toBe(false);
    expect(suppressCount(2)).toBe(true);
  });

  it('rejects a min_cell that is not a positive integer', () => {
    for (const m of [0, -1, 2.5, Number.NaN]) {
      expect(() => suppressCount(3, m)).toThrow(RangeError);
      expect(() => suppressShare(3, m)).toThrow(RangeError);
    }
  });

  it('suppress_count / suppress_share (SQL) agree', async () => {
    await withMacroConnection(async (c) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({ v: fc.integer({ min: 0, max: 30 }), m: fc.integer({ min: 1, max: 12 }) }),
            { minLength: 1, maxLength: 200 },
          ),
          async (cases) => {
            const r = await c.runAndReadAll(
              `WITH c AS (SELECT unnest(from_json($1, '[{"i":"INTEGER","v":"DOUBLE","m":"DOUBLE"}]'), recursive := true))
               SELECT i, suppress_count(v, m) AS sc, suppress_share(v, m) AS ss FROM c ORDER BY i`,
              [JSON.stringify(cases.map((x, i) => ({ i, ...x })))],
            );
            expect(r.getRowObjects()).toEqual(
              cases.map(({ v, m }, i) => ({ i, sc: suppressCount(v, m), ss: suppressShare(v, m) })),
            );
          },
        ),
        { numRuns: 20 },
      );
    });
  });
});
