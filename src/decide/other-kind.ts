// Why a goal on an indicator of the other kind of activity cannot be judged (status
// invalid), and which indicators to choose instead. The lists are the contract's
// (indicator-names.ts); stg_activity_goals.sql gives each indicator its kind in SQL.
import {
  RECRUITMENT_ACTIVITY_INDICATORS,
  THROUGHPUT_ACTIVITY_INDICATORS,
} from '../contract/indicator-names.ts';
import type { Lang } from '../i18n/lang.ts';

const INDICATORS_OF: Record<string, readonly string[]> = {
  recruitment: RECRUITMENT_ACTIVITY_INDICATORS,
  throughput: THROUGHPUT_ACTIVITY_INDICATORS,
};

const KIND_WORDS: Record<string, Record<Lang, string>> = {
  recruitment: { sv: 'breddad rekrytering', en: 'widened recruitment' },
  throughput: { sv: 'genomströmning', en: 'throughput' },
};

/**
 * "det är en indikator för breddad rekrytering, men aktiviteten gäller genomströmning:
 * välj en av participants, …" — null when the kinds are unknown.
 */
export function otherKindReason(
  indicatorKind: string | null,
  activityKind: string | null,
  lang: Lang,
): string | null {
  if (!indicatorKind || !activityKind || !KIND_WORDS[indicatorKind] || !KIND_WORDS[activityKind])
    return null;
  const choices = (INDICATORS_OF[activityKind] ?? []).join(', ');
  return lang === 'sv'
    ? `det är en indikator för ${KIND_WORDS[indicatorKind].sv}, men aktiviteten gäller ${KIND_WORDS[activityKind].sv}: välj en av ${choices}`
    : `it is a ${KIND_WORDS[indicatorKind].en} indicator, but this is a ${KIND_WORDS[activityKind].en} activity: choose one of ${choices}`;
}
