// Mean with a normal interval: mean ± z · sd / √n, sd the sample standard deviation
// (divisor n − 1). Used for completion_rate_diff (spec "Uncertainty"); not clipped,
// since a difference may be negative. n < 2 gives no interval.
//
// SQL twin: mean_ci_low / mean_ci_high in sql/macros/stats.sql (same operation order
// as meanIntervalFromStats).
import type { Interval } from './interval.ts';
import { Z95, assertValidZ } from './normal.ts';

export interface MeanInterval {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample standard deviation; null when n < 2. */
  sd: number | null;
  low: number | null;
  high: number | null;
}

/** mean ± z·sd/√n from summary statistics; null when n < 2. */
export function meanIntervalFromStats(
  mean: number,
  sd: number,
  n: number,
  z: number = Z95,
): Interval | null {
  assertValidZ(z, 'meanIntervalFromStats');
  if (n < 2) return null;
  const half = (z * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

export function meanInterval(values: readonly number[], z: number = Z95): MeanInterval {
  assertValidZ(z, 'meanInterval');
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, low: null, high: null };
  let ss = 0; // two-pass: Σ(v − mean)², no cancellation
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const ci = meanIntervalFromStats(mean, sd, n, z);
  return { n, mean, sd, low: ci?.low ?? null, high: ci?.high ?? null };
}
