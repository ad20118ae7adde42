// What larsam knows about one indicator: every module that names, formats, explains,
// charts, judges or suppresses an indicator reads it from its entry in registry.ts.
import type { Text } from '../i18n/text.ts';

/**
 * area: per municipality, county, region and centre (mart_municipality_indicators);
 * recruitment / throughput: per activity of that kind (mart_activity_indicators).
 */
export type IndicatorFamily = 'area' | 'recruitment' | 'throughput';

/** What the number is; it decides formatting, suppression and how a goal on it is judged. */
export type IndicatorKind = 'count' | 'share' | 'ratio' | 'difference' | 'rate' | 'cost';

export type IndicatorUnit =
  | 'persons'
  | 'share'
  | 'hst'
  | 'hpr'
  | 'ratio'
  | 'per_10k'
  | 'sek'
  | 'percentage_points';

/** How its 95 % interval is computed (indicators.md); none: the value has no interval. */
export type IntervalMethod = 'none' | 'wilson' | 'delta' | 'mean';

export interface Indicator {
  name: string;
  family: IndicatorFamily;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  /** Decimals shown to readers, in the unit shown (a share's are of its percent). */
  decimals: number;
  interval: IntervalMethod;
  /** The value lies in 0–1 (a share, or a ratio clipped at one). */
  bounded: boolean;
  /** The SQL model that computes it. */
  model: string;
  /** Its short name as readers see it. */
  label: Text;
  /** Its definition in words (indicators.md), for `larsam explain` and the method section. */
  definition: Text;
}

/**
 * Which small-cell rule of indicator_suppressed (sql/macros/stats_rows.sql) protects it:
 * a count (or a rate of a count) is hidden when it counts 1 to min_cell − 1 persons; a
 * share by its cells or denominator (share_rule); anything else when fewer than min_cell
 * persons stand behind it.
 */
export type SuppressionRule = 'count' | 'share' | 'persons';

export function suppressionRule(kind: IndicatorKind): SuppressionRule {
  if (kind === 'count' || kind === 'rate') return 'count';
  if (kind === 'share') return 'share';
  return 'persons';
}
