// Ratio of sums R = Σy/Σx with a delta-method interval, persons as units (spec
// "Uncertainty": prestationsgrad and the other ratios of sums).
//   dᵢ = yᵢ − R·xᵢ,  SE = √(Σdᵢ² / (n(n−1))) / x̄,  x̄ = Σx/n,  interval R ± z·SE,
//   clipped at 0, and at 1 when clipAtOne (prestationsgrad cannot exceed 1).
// n < 2 or Σx = 0 gives no interval (Σx = 0 also gives no ratio).
//
// Two forms: from the per-unit values, and from the sums a GROUP BY produces
// (Σd² = Σy² − 2RΣxy + R²Σx²). The SQL twin (ratio_delta_se, ratio_delta_low,
// ratio_delta_high in sql/macros/stats.sql) mirrors ratioDeltaFromSums operation for
// operation.
import { Z95, assertValidZ } from './normal.ts';

export interface RatioUnit {
  x: number;
  y: number;
}

/** Per-group sums over n units: Σx, Σy, Σx², Σy², Σxy. */
export interface RatioSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export interface RatioDelta {
  /** Units behind the value. */
  n: number;
  /** Σy/Σx; null when Σx = 0. */
  ratio: number | null;
  /** Delta-method standard error; null when n < 2 or Σx = 0. */
  se: number | null;
  low: number | null;
  high: number | null;
}

/** R ± z·SE clipped at 0 (and at 1 when clipAtOne). */
export function ratioDeltaBounds(
  ratio: number,
  se: number,
  z: number,
  clipAtOne: boolean,
): { low: number; high: number } {
  const high = ratio + z * se;
  return { low: Math.max(0, ratio - z * se), high: clipAtOne ? Math.min(1, high) : high };
}

// SE = √(Σd² / (n(n−1))) / |x̄|. x̄ is positive for credits; |·| keeps SE non-negative
// should a caller ever pass negative x.
function finish(
  n: number,
  sx: number,
  ratio: number,
  sumD2: number,
  z: number,
  clipAtOne: boolean,
): RatioDelta {
  const se = Math.sqrt(sumD2 / (n * (n - 1))) / Math.abs(sx / n);
  return { n, ratio, se, ...ratioDeltaBounds(ratio, se, z, clipAtOne) };
}

function noInterval(n: number, sx: number, sy: number): RatioDelta {
  return { n, ratio: sx === 0 ? null : sy / sx, se: null, low: null, high: null };
}

export function ratioDeltaFromUnits(
  units: readonly RatioUnit[],
  z: number = Z95,
  clipAtOne = false,
): RatioDelta {
  assertValidZ(z, 'ratioDeltaFromUnits');
  const n = units.length;
  let sx = 0;
  let sy = 0;
  for (const u of units) {
    sx += u.x;
    sy += u.y;
  }
  if (n < 2 || sx === 0) return noInterval(n, sx, sy);
  const ratio = sy / sx;
  let sumD2 = 0;
  for (const u of units) {
    const d = u.y - ratio * u.x;
    sumD2 += d * d;
  }
  return finish(n, sx, ratio, sumD2, z, clipAtOne);
}

export function ratioDeltaFromSums(
  sums: RatioSums,
  z: number = Z95,
  clipAtOne = false,
): RatioDelta {
  assertValidZ(z, 'ratioDeltaFromSums');
  const { n, sx, sy, sxx, syy, sxy } = sums;
  if (n < 2 || sx === 0) return noInterval(n, sx, sy);
  const ratio = sy / sx;
  // Σd² expanded. Mathematically ≥ 0, but the expansion cancels: when every dᵢ is ~0
  // rounding can leave a tiny negative, which is clamped to 0 (SE 0, not NaN).
  const sumD2Raw = syy - 2 * ratio * sxy + ratio * ratio * sxx;
  return finish(n, sx, ratio, Math.max(0, sumD2Raw), z, clipAtOne);
}
