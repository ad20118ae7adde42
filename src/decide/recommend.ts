// The recommendation for one activity at a review term: the ordered rules of
// decisions.md, the first that applies wins.
import type { GoalStatus } from './goal-status.ts';

export type Recommendation = 'ended' | 'develop' | 'in_progress' | 'insufficient_data' | 'end' | 'continue';

/** Why the rule that won applied, for the reasons text. */
export type RecommendationGround =
  | 'ended'
  | 'no_documented_need'
  | 'no_goals'
  | 'no_goal_due'
  | 'all_due_insufficient'
  | 'all_judged_missed'
  | 'all_judged_met'
  | 'mixed';

export interface ActivityState {
  /** The activity's end_term is before the review term. */
  ended: boolean;
  needDocumented: boolean;
  statuses: GoalStatus[];
}

export function recommend(state: ActivityState): { recommendation: Recommendation; ground: RecommendationGround } {
  if (state.ended) return { recommendation: 'ended', ground: 'ended' };
  if (!state.needDocumented) return { recommendation: 'develop', ground: 'no_documented_need' };
  if (state.statuses.length === 0) return { recommendation: 'develop', ground: 'no_goals' };
  const due = state.statuses.filter((s) => s !== 'not_due');
  if (due.length === 0) return { recommendation: 'in_progress', ground: 'no_goal_due' };
  const judged = due.filter((s) => s !== 'insufficient');
  if (judged.length === 0) return { recommendation: 'insufficient_data', ground: 'all_due_insufficient' };
  if (judged.every((s) => s === 'missed')) return { recommendation: 'end', ground: 'all_judged_missed' };
  if (judged.every((s) => s === 'met' || s === 'likely_met')) return { recommendation: 'continue', ground: 'all_judged_met' };
  return { recommendation: 'develop', ground: 'mixed' };
}
