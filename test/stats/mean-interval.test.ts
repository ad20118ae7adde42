import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanInterval, meanIntervalFromStats } from '../../src/stats/mean-interval.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';

const Z = 1.959964;

describe('meanInterval', () => {
  it('4 completion differences, by hand', () => {
    // values 0.5, −0.5, 0.25, 0.75: Σ = 1, mean = 0.25
    // deviations 0.25, −0.75, 0, 0.5; squares 0.0625 + 0.5625 + 0 + 0.25 = 0.875
    // sd = √(0.875/3) = 0.540061725; sd/√4 = 0.270030862; z·that = 0.529250769
    // → −0.279250769 … 0.779250769 (not clipped: a difference may be negative)
    const m = meanInterval([0.5, -0.5, 0.25, 0.75]);
    expect(m.n).toBe(4);
    expect(m.mean).toBe(0.25);
    expect(m.sd).toBeCloseTo(0.540061725, 9);
    expect(m.low).toBeCloseTo(-0.279250769, 9);
    expect(m.high).toBeCloseTo(0.779250769, 9);
  });

  it('n < 2 gives no interval', () => {
    expect(meanInterval([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(meanInterval([0.3])).toEqual({ n: 1, mean: 0.3, sd: null, low: null, high: null });
    expect(meanIntervalFromStats(0.3, 0.1, 1)).toBeNull();
  });

  it('is symmetric around the mean and zero-width for constant values', () => {
    const c = meanInterval([0.25, 0.25, 0.25]); // exact in binary, so sd is exactly 0
    expect([c.sd, c.low, c.high]).toEqual([0, 0.25, 0.25]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (vs) => {
          const m = meanInterval(vs, Z);
          expect(m.high! - m.mean!).toBeCloseTo(m.mean! - m.low!, 12);
          expect(m.low!).toBeLessThanOrEqual(m.high!);
        },
      ),
    );
  });
});

interface Row {
  g: number;
  n: number;
  mean: number;
  sd: number | null;
  low: number | null;
  high: number | null;
  sql_low: number | null;
  sql_high: number | null;
}

// Values as one JSON parameter; mean and sd both passed in from TS (low, high: the
// macros on TS's statistics) and computed by DuckDB (sql_low, sql_high: avg and
// stddev_samp, a different algorithm, so agreement there is to rounding only).
const MEAN_SQL = `
  WITH v AS (
    SELECT unnest(from_json($1, '[{"g":"INTEGER","v":"DOUBLE"}]'), recursive := true)
  ),
  s AS (SELECT unnest(from_json($2, '[{"g":"INTEGER","n":"DOUBLE","mean":"DOUBLE","sd":"DOUBLE"}]'), recursive := true)),
  a AS (SELECT g, count(*)::DOUBLE AS n, avg(v) AS mean, stddev_samp(v) AS sd FROM v GROUP BY g)
  SELECT s.g, s.n, s.mean, s.sd,
         mean_ci_low(s.mean, s.sd, s.n, $3) AS low, mean_ci_high(s.mean, s.sd, s.n, $3) AS high,
         mean_ci_low(a.mean, a.sd, a.n, $3) AS sql_low, mean_ci_high(a.mean, a.sd, a.n, $3) AS sql_high
  FROM s JOIN a USING (g) ORDER BY s.g`;

function close(a: number | null, b: number | null, tol = 1e-12): void {
  if (a === null || b === null) expect(a).toBe(b);
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);
}

describe('mean_ci_low / mean_ci_high (SQL) agree with meanInterval', () => {
  it('on the hand case, n = 1 and random batches', async () => {
    await withMacroConnection(async (c) => {
      const check = async (groups: number[][], z: number) => {
        const ts = groups.map((vs) => meanInterval(vs, z));
        const values = groups.flatMap((vs, g) => vs.map((v) => ({ g, v })));
        const stats = ts.map((m, g) => ({ g, n: m.n, mean: m.mean, sd: m.sd }));
        const r = await c.runAndReadAll(MEAN_SQL, [
          JSON.stringify(values),
          JSON.stringify(stats),
          z,
        ]);
        const rows = r.getRowObjects() as unknown as Row[];
        expect(rows).toHaveLength(groups.length);
        rows.forEach((row, g) => {
          const m = ts[g]!;
          expect([row.g, row.n, row.mean, row.sd]).toEqual([g, m.n, m.mean, m.sd]);
          close(row.low, m.low);
          close(row.high, m.high);
          close(row.sql_low, m.low);
          close(row.sql_high, m.high);
        });
        return rows;
      };
      const [hand, single] = await check([[0.5, -0.5, 0.25, 0.75], [0.3]], Z);
      expect(hand!.low).toBeCloseTo(-0.279250769, 9);
      expect([single!.low, single!.high]).toEqual([null, null]);
      // completion_rate_diff-like values: a registration's completed (0/1) minus a pool rate
      const diff = fc
        .tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([c01, p]) => c01 - p);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(diff, { minLength: 1, maxLength: 80 }), {
            minLength: 1,
            maxLength: 50,
          }),
          fc.double({ min: 0.5, max: 4, noNaN: true }),
          async (groups, z) => {
            await check(groups, z);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});
