import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ratioDeltaFromSums,
  ratioDeltaFromUnits,
  type RatioDelta,
  type RatioSums,
  type RatioUnit,
} from '../../src/stats/ratio-delta.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';

const Z = 1.959964;

function sumsOf(units: readonly RatioUnit[]): RatioSums {
  const s = { n: units.length, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
  for (const { x, y } of units) {
    s.sx += x;
    s.sy += y;
    s.sxx += x * x;
    s.syy += y * y;
    s.sxy += x * y;
  }
  return s;
}

// Credits: multiples of 0.5 up to 60, earned y ≤ registered x. Every sum of such values
// (n ≤ 40) is exact in a double, whatever the summation order.
const creditUnit: fc.Arbitrary<RatioUnit> = fc
  .integer({ min: 0, max: 120 })
  .chain((x2) => fc.integer({ min: 0, max: x2 }).map((y2) => ({ x: x2 / 2, y: y2 / 2 })));

// The expanded Σd² = Σy² − 2RΣxy + R²Σx² cancels; compare the two forms with a tolerance
// scaled to the size of its terms: se² to that, the bounds to z·√(se² tolerance).
function expectSameRatio(a: RatioDelta, b: RatioDelta, s: RatioSums, z: number): void {
  expect(a.n).toBe(b.n);
  expect(a.ratio).toBe(b.ratio);
  if (a.se === null || b.se === null) {
    expect([a.se, a.low, a.high]).toEqual([b.se, b.low, b.high]);
    return;
  }
  const r = a.ratio!;
  const xbar = s.sx / s.n;
  const tolSe2 = (1e-13 * (s.syy + r * r * s.sxx + 1)) / (s.n * (s.n - 1)) / (xbar * xbar);
  expect(Math.abs(a.se * a.se - b.se * b.se)).toBeLessThanOrEqual(tolSe2);
  const tolBound = z * Math.sqrt(tolSe2) + 1e-12;
  expect(Math.abs(a.low! - b.low!)).toBeLessThanOrEqual(tolBound);
  expect(Math.abs(a.high! - b.high!)).toBeLessThanOrEqual(tolBound);
}

describe('ratio of sums, delta method', () => {
  it('3 persons, by hand', () => {
    // (x, y) = (10, 10), (20, 10), (30, 25): Σx = 60, Σy = 45, R = 45/60 = 0.75
    // d = 10 − 7.5 = 2.5, 10 − 15 = −5, 25 − 22.5 = 2.5; Σd² = 6.25 + 25 + 6.25 = 37.5
    // Σd²/(n(n−1)) = 37.5/6 = 6.25, √ = 2.5; x̄ = 60/3 = 20; SE = 2.5/20 = 0.125
    // z·SE = 1.959964 · 0.125 = 0.2449955 → 0.5050045 … 0.9949955
    const units = [
      { x: 10, y: 10 },
      { x: 20, y: 10 },
      { x: 30, y: 25 },
    ];
    const a = ratioDeltaFromUnits(units);
    expect(a.ratio).toBe(0.75);
    expect(a.se).toBe(0.125);
    expect(a.low).toBeCloseTo(0.5050045, 12);
    expect(a.high).toBeCloseTo(0.9949955, 12);
    // Sums: Σx² = 100 + 400 + 900 = 1400, Σy² = 100 + 100 + 625 = 825,
    // Σxy = 100 + 200 + 750 = 1050; Σd² = 825 − 2·0.75·1050 + 0.75²·1400
    //     = 825 − 1575 + 787.5 = 37.5 (as above)
    const s = { n: 3, sx: 60, sy: 45, sxx: 1400, syy: 825, sxy: 1050 };
    expect(sumsOf(units)).toEqual(s);
    expect(ratioDeltaFromSums(s)).toEqual(a);
    // high < 1, so clipping at one changes nothing
    expect(ratioDeltaFromUnits(units, Z, true)).toEqual(a);
  });

  it('clips at 1 only when asked, and always at 0', () => {
    // (10, 10), (20, 20), (30, 15): R = 0.75; d = 2.5, 5, −7.5; Σd² = 87.5
    // SE = √(87.5/6)/20 = 0.190940654…; R + z·SE = 1.1242369… > 1
    const over = [
      { x: 10, y: 10 },
      { x: 20, y: 20 },
      { x: 30, y: 15 },
    ];
    const se = Math.sqrt(87.5 / 6) / 20;
    const open = ratioDeltaFromUnits(over, Z, false);
    expect(open.se).toBeCloseTo(se, 15);
    expect(open.high).toBeCloseTo(0.75 + Z * se, 14);
    expect(open.high!).toBeGreaterThan(1);
    expect(ratioDeltaFromUnits(over, Z, true).high).toBe(1);
    expect(ratioDeltaFromUnits(over, Z, true).low).toBeCloseTo(0.75 - Z * se, 14);
    // (10, 0), (10, 0), (10, 5): R = 1/6; d = −5/3, −5/3, 10/3; Σd² = 150/9
    // SE = √(150/9/6)/10 = (5/3)/10 = 1/6; R − z·SE = (1 − z)/6 < 0 → 0; high = (1 + z)/6
    const under = ratioDeltaFromUnits([
      { x: 10, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 5 },
    ]);
    expect(under.se).toBeCloseTo(1 / 6, 15);
    expect(under.low).toBe(0);
    expect(under.high).toBeCloseTo((1 + Z) / 6, 14);
  });

  it('n < 2 or Σx = 0 gives no interval', () => {
    expect(ratioDeltaFromUnits([])).toEqual({ n: 0, ratio: null, se: null, low: null, high: null });
    expect(ratioDeltaFromUnits([{ x: 30, y: 15 }])).toEqual({
      n: 1,
      ratio: 0.5,
      se: null,
      low: null,
      high: null,
    });
    expect(
      ratioDeltaFromUnits([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ]),
    ).toEqual({ n: 2, ratio: null, se: null, low: null, high: null });
    expect(
      ratioDeltaFromSums({ n: 1, sx: 30, sy: 15, sxx: 900, syy: 225, sxy: 450 }).se,
    ).toBeNull();
    expect(ratioDeltaFromSums({ n: 4, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 }).ratio).toBeNull();
  });

  it('all persons at the same rate: SE 0 (expansion clamped, not NaN)', () => {
    // R = 1/3 is not exact in binary, so the expanded Σd² rounds around 0
    const units = [3, 6, 7.5, 9, 12, 30, 45].map((x) => ({ x, y: x / 3 }));
    const s = ratioDeltaFromSums(sumsOf(units), Z, true);
    expect(s.se).not.toBeNaN();
    expect(s.se!).toBeLessThan(1e-7);
    expect(ratioDeltaFromUnits(units).se!).toBeLessThan(1e-15);
  });

  it('units and sums forms agree (credits)', () => {
    fc.assert(
      fc.property(fc.array(creditUnit, { maxLength: 40 }), fc.boolean(), (units, clip) => {
        const s = sumsOf(units);
        expectSameRatio(ratioDeltaFromUnits(units, Z, clip), ratioDeltaFromSums(s, Z, clip), s, Z);
      }),
      { numRuns: 500 },
    );
  });

  it('units and sums forms agree (arbitrary positive doubles)', () => {
    const unit = fc.record({
      x: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      y: fc.double({ min: 0, max: 1e3, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 60 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (units, z) => {
          const s = sumsOf(units);
          expectSameRatio(ratioDeltaFromUnits(units, z), ratioDeltaFromSums(s, z), s, z);
        },
      ),
      { numRuns: 500 },
    );
  });
});

interface SqlRow {
  g: number;
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  r: number | null;
  se: number | null;
  low: number | null;
  high: number | null;
}

// Units as one JSON parameter, aggregated per group in SQL, then the macros.
const RATIO_SQL = `
  WITH u AS (
    SELECT unnest(from_json($1, '[{"g":"INTEGER","x":"DOUBLE","y":"DOUBLE"}]'), recursive := true)
  ),
  s AS (
    SELECT g, count(*)::DOUBLE AS n, sum(x) AS sx, sum(y) AS sy,
           sum(x * x) AS sxx, sum(y * y) AS syy, sum(x * y) AS sxy
    FROM u GROUP BY g
  ),
  e AS (SELECT *, ratio_of_sums(sy, sx) AS r, ratio_delta_se(n, sx, sy, sxx, syy, sxy) AS se FROM s)
  SELECT g, n, sx, sy, sxx, syy, sxy, r, se,
         ratio_delta_low(r, se, $2) AS low, ratio_delta_high(r, se, $2, $3) AS high
  FROM e ORDER BY g`;

function close(a: number | null, b: number | null): void {
  if (a === null || b === null) expect(a).toBe(b);
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12);
}

async function checkSqlAgainstTs(
  run: (sql: string, params: (string | number | boolean)[]) => Promise<SqlRow[]>,
  groups: RatioUnit[][],
  z: number,
  clip: boolean,
): Promise<void> {
  const flat = groups.flatMap((units, g) => units.map(({ x, y }) => ({ g, x, y })));
  const rows = await run(RATIO_SQL, [JSON.stringify(flat), z, clip]);
  expect(rows.map((r) => r.g)).toEqual(groups.map((_, g) => g));
  rows.forEach((row, g) => {
    const s = sumsOf(groups[g]!);
    expect({ n: row.n, sx: row.sx, sy: row.sy, sxx: row.sxx, syy: row.syy, sxy: row.sxy }).toEqual(
      s,
    );
    const ts = ratioDeltaFromSums(s, z, clip);
    close(row.r, ts.ratio);
    close(row.se, ts.se);
    close(row.low, ts.low);
    close(row.high, ts.high);
  });
}

describe('ratio_delta_se / _low / _high (SQL) agree with ratioDeltaFromSums', () => {
  it('on the hand cases and edges', async () => {
    const groups: RatioUnit[][] = [
      [
        { x: 10, y: 10 },
        { x: 20, y: 10 },
        { x: 30, y: 25 },
      ],
      [
        { x: 10, y: 10 },
        { x: 20, y: 20 },
        { x: 30, y: 15 },
      ],
      [
        { x: 10, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 5 },
      ],
      [{ x: 30, y: 15 }], // n = 1
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ], // Σx = 0
      [3, 6, 7.5, 9, 12, 30, 45].map((x) => ({ x, y: x / 3 })), // Σd² ≈ 0
    ];
    await withMacroConnection(async (c) => {
      const run = async (sql: string, p: (string | number | boolean)[]) =>
        (await c.runAndReadAll(sql, p)).getRowObjects() as unknown as SqlRow[];
      for (const clip of [false, true]) await checkSqlAgainstTs(run, groups, Z, clip);
      const rows = await run(RATIO_SQL, [
        JSON.stringify(groups[0]!.map((u) => ({ g: 0, ...u }))),
        Z,
        false,
      ]);
      expect(rows[0]!.se).toBe(0.125);
    });
  });

  it('on random batches (one query per batch)', async () => {
    await withMacroConnection(async (c) => {
      const run = async (sql: string, p: (string | number | boolean)[]) =>
        (await c.runAndReadAll(sql, p)).getRowObjects() as unknown as SqlRow[];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(creditUnit, { minLength: 1, maxLength: 40 }), {
            minLength: 1,
            maxLength: 60,
          }),
          fc.double({ min: 0.5, max: 4, noNaN: true }),
          fc.boolean(),
          (groups, z, clip) => checkSqlAgainstTs(run, groups, z, clip),
        ),
        { numRuns: 40 },
      );
    });
  });

  it('NULL in, NULL out (no greatest(0, NULL) = 0 trap); ratio_of_sums NULL for Σx = 0', async () => {
    await withMacroConnection(async (c) => {
      const r = await c.runAndReadAll(`
        SELECT ratio_delta_se(3, 60, 45, 1400, NULL, 1050) AS se,
               ratio_delta_low(0.75, NULL, 1.96) AS low,
               ratio_delta_high(NULL, 0.1, 1.96, true) AS high,
               ratio_delta_high(0.9, 0.1, 1.959964) AS open_high,
               ratio_of_sums(0, 0) AS r00, ratio_of_sums(5, 0) AS r50, ratio_of_sums(45, 60) AS r`);
      const [row] = r.getRowObjects();
      expect(row).toMatchObject({ se: null, low: null, high: null, r00: null, r50: null, r: 0.75 });
      expect(row!.open_high).toBeCloseTo(0.9 + 0.1959964, 14); // clip_one defaults to false
    });
  });
});
