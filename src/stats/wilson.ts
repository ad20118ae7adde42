// Wilson score interval for a share k/n (spec "Uncertainty": every share carries a
// 95 % Wilson interval; n < 2 gives no interval). No continuity correction —
// Newcombe (1998), Statistics in Medicine 17:857–872, method 3.
//
// SQL twin: wilson_low / wilson_high in sql/macros/stats.sql, written with the same
// operations in the same order so both give the same doubles.
import type { Interval } from './interval.ts';
import { Z95, assertValidZ } from './normal.ts';

/**
 * Wilson interval for k successes of n, or null when n < 2.
 * centre = (k + z²/2)/(n + z²), half = z/(n + z²) · √(k(n−k)/n + z²/4).
 * Clipped to [0, 1]; k = 0 gives low exactly 0 and k = n gives high exactly 1.
 */
export function wilsonInterval(k: number, n: number, z: number = Z95): Interval | null {
  if (!(Number.isFinite(k) && Number.isFinite(n) && k >= 0 && k <= n)) {
    throw new RangeError(`wilsonInterval: need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  assertValidZ(z, 'wilsonInterval');
  if (n < 2) return null;
  const z2 = z * z;
  const denom = n + z2;
  const centre = (k + z2 / 2) / denom;
  const half = (z / denom) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}
