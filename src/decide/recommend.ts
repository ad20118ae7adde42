// The recommendation for one activity at a review term: the ordered rules of
// decisions.md, the first that applies wins. Two grounds come before them because the
// rules cannot be applied at all: the activity's own row was not loaded (no kind, terms or
// need are known), or its goals were written but none could be read (rule 2's "set
// goals" would be wrong: the fix is to correct the file). Both give insufficient_data,
// the outcome that judges nothing, with a ground that names what to correct.
import type { GoalStatus } from './goal-status.ts';

export type Recommendation =
  | 'ended'
  | 'develop'
  | 'in_progress'
  | 'insufficient_data'
  | 'end'
  | 'continue';

/** Why the rule that won applied, for the reasons text. */
export type RecommendationGround =
  | 'not_loaded'
  | 'ended'
  | 'no_documented_need'
  | 'goals_unread'
  | 'no_goals'
  | 'no_goal_due'
  | 'all_due_insufficient'
  | 'all_judged_missed'
  | 'all_judged_met'
  | 'mixed';

export interface ActivityState {
  /** The activity's own row is not in the activity registry (rejected, or never there). */
  notLoaded?: boolean;
  /** The activity's end_term is before the review term. */
  ended: boolean;
  needDocumented: boolean;
  statuses: GoalStatus[];
  /** Goal rows of this activity that were rejected at ingest. */
  unreadGoals?: number;
}

export function recommend(state: ActivityState): {
  recommendation: Recommendation;
  ground: RecommendationGround;
} {
  if (state.notLoaded) return { recommendation: 'insufficient_data', ground: 'not_loaded' };
  if (state.ended) return { recommendation: 'ended', ground: 'ended' };
  if (!state.needDocumented) return { recommendation: 'develop', ground: 'no_documented_need' };
  if (state.statuses.length === 0) {
    return (state.unreadGoals ?? 0) > 0
      ? { recommendation: 'insufficient_data', ground: 'goals_unread' }
      : { recommendation: 'develop', ground: 'no_goals' };
  }
  // an invalid goal (an indicator of the other kind) counts like an insufficient one
  const statuses = state.statuses.map((s) => (s === 'invalid' ? 'insufficient' : s));
  const due = statuses.filter((s) => s !== 'not_due');
  if (due.length === 0) return { recommendation: 'in_progress', ground: 'no_goal_due' };
  const judged = due.filter((s) => s !== 'insufficient');
  if (judged.length === 0)
    return { recommendation: 'insufficient_data', ground: 'all_due_insufficient' };
  if (judged.every((s) => s === 'missed'))
    return { recommendation: 'end', ground: 'all_judged_missed' };
  if (judged.every((s) => s === 'met' || s === 'likely_met'))
    return { recommendation: 'continue', ground: 'all_judged_met' };
  return { recommendation: 'develop', ground: 'mixed' };
}
