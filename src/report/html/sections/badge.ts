// The recommendation as a coloured badge that also says it in words (never colour alone).
import type { Recommendation } from '../../../decide/recommend.ts';
import { RECOMMENDATION_WORDS, STATUS_WORDS } from '../../../decide/words.ts';
import type { GoalStatus } from '../../../decide/goal-status.ts';
import type { Lang } from '../../../i18n/lang.ts';

export function badge(recommendation: Recommendation, lang: Lang): string {
  return `<span class="badge rec-${recommendation}">${RECOMMENDATION_WORDS[recommendation][lang]}</span>`;
}

export function statusText(status: GoalStatus, lang: Lang): string {
  return `<span class="status st-${status}">${STATUS_WORDS[status][lang]}</span>`;
}
