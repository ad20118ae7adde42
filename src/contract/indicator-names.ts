// The indicator names of indicators.md; goals and targets may only name these.

export const MUNICIPALITY_INDICATORS = [
  'new_students',
  'new_students_per_10k',
  'new_lc_share',
  'first_generation_share',
  'low_parental_education_share',
  'mature_share',
  'foreign_background_share',
  'women_share',
  'hst',
  'hpr',
  'prestationsgrad',
  'prestationsgrad_4t',
  'completion_rate',
  'retention',
] as const;

export const RECRUITMENT_ACTIVITY_INDICATORS = [
  'reach',
  'linked',
  'prospects',
  'conversion_1t',
  'conversion_2t',
  'converted_first_generation_share',
  'cost_per_conversion',
] as const;

export const THROUGHPUT_ACTIVITY_INDICATORS = [
  'participants',
  'participant_prestationsgrad',
  'prestationsgrad_oe',
  'participant_completion_rate',
  'completion_rate_diff',
  'participant_retention',
] as const;

export const ACTIVITY_INDICATORS = [
  ...RECRUITMENT_ACTIVITY_INDICATORS,
  ...THROUGHPUT_ACTIVITY_INDICATORS,
] as const;

/** Indicators whose value is a share 0–1: a target above 1 was written as a percentage. */
export const SHARE_INDICATORS = [
  'new_lc_share',
  'first_generation_share',
  'low_parental_education_share',
  'mature_share',
  'foreign_background_share',
  'women_share',
  'completion_rate',
  'retention',
  'conversion_1t',
  'conversion_2t',
  'converted_first_generation_share',
  'participant_completion_rate',
  'participant_retention',
] as const;
