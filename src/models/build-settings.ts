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
   * The region named in the pipeline definition (in_region of the default reference);
   * absent: DEFAULT_REGION, and a supplied municipalities file is not checked against it.
   */
  region?: Region;
}

export const DEFAULT_BUILD_SETTINGS: BuildSettings = { graceDays: 30, confidence: 0.95, minCell: 5 };
