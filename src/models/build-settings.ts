// The settings of a model build (indicators.md: grace_days, as-of; the confidence level;
// min_cell for the suppressed flag; the collaboration region).
import type { Region } from './region.ts';

export interface BuildSettings {
  /** Days after a term's last teaching day that results still count for it (indicators.md). */
  graceDays: number;
  /** YYYY-MM-DD; default: the latest result_date loaded. */
  asOf?: string;
  /** Two-sided confidence level of every interval. */
  confidence: number;
  minCell: number;
  /**
   * When a share is suppressed (indicators.md, small-cell protection): 'denominator'
   * (the spec's rule: fewer than minCell persons in the denominator) or 'cells' (also
   * when the numerator or the complement, denominator − numerator, is 1 … minCell − 1,
   * as the threshold rule on every cell of the underlying two-by-two table requires).
   */
  shareRule?: ShareRule;
  /**
   * The region named in the pipeline definition (in_region of the default reference);
   * absent: DEFAULT_REGION, and a supplied municipalities file is not checked against it.
   */
  region?: Region;
}

export const SHARE_RULES = ['denominator', 'cells'] as const;
export type ShareRule = (typeof SHARE_RULES)[number];

export const DEFAULT_BUILD_SETTINGS: BuildSettings = {
  graceDays: 30,
  confidence: 0.95,
  minCell: 5,
  shareRule: 'denominator',
};
