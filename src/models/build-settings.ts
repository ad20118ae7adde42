// The settings of a model build (indicators.md: grace_days, as-of; the confidence level;
// min_cell for the suppressed flag).

export interface BuildSettings {
  /** Days after a term's last teaching day that results still count for it (indicators.md). */
  graceDays: number;
  /** YYYY-MM-DD; default: the latest result_date loaded. */
  asOf?: string;
  /** Two-sided confidence level of every interval. */
  confidence: number;
  minCell: number;
}

export const DEFAULT_BUILD_SETTINGS: BuildSettings = { graceDays: 30, confidence: 0.95, minCell: 5 };
