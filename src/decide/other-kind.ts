// Why a goal on an indicator of the other kind of activity cannot be judged (status
// invalid), and which indicators to choose instead: the registry's family of the
// activity's kind (stg_activity_goals.sql gives each goal's indicator its family in SQL).
import type { Lang } from '../i18n/lang.ts';
import { indicatorNames } from '../indicators/registry.ts';

const INDICATORS_OF: Record<string, readonly string[]> = {
  recruitment: indicatorNames('recruitment'),
  throughput: indicatorNames('throughput'),
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
