// Goal status at a review term (decisions.md), for >= and mirrored for <=. A goal on an
// indicator of the other kind of activity is `invalid`: it has no value and never will,
// and saying "insufficient data" term after term would hide that the goal needs rewriting.
import { findIndicator } from '../indicators/registry.ts';

export type GoalStatus =
  | 'not_due'
  | 'invalid'
  | 'insufficient'
  | 'met'
  | 'likely_met'
  | 'likely_missed'
  | 'missed';

export interface GoalEvidence {
  operator: '>=' | '<=';
  target: number;
  /** The review term is before the goal's by_term. */
  notDue: boolean;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number | null;
  /**
   * The indicator has no interval (a count, a rate, a cost: judgedOnValueAlone), so the
   * goal is judged on its value alone.
   */
  isCount: boolean;
  /** The indicator belongs to the other kind of activity (recruitment or throughput). */
  otherKind?: boolean;
}

export function goalStatus(goal: GoalEvidence, minN: number): GoalStatus {
  // before not_due: the goal can be rewritten now rather than at its by_term
  if (goal.otherKind) return 'invalid';
  if (goal.notDue) return 'not_due';
  const { value, target } = goal;
  if (value === null) return 'insufficient';
  const atLeast = goal.operator === '>=';
  if (goal.isCount) return (atLeast ? value >= target : value <= target) ? 'met' : 'missed';
  const { low, high, n } = goal;
  if (n === null || n < minN || low === null || high === null) return 'insufficient';
  if (atLeast) {
    if (low >= target) return 'met';
    if (value >= target) return 'likely_met';
    if (high >= target) return 'likely_missed';
    return 'missed';
  }
  if (high <= target) return 'met';
  if (value <= target) return 'likely_met';
  if (low <= target) return 'likely_missed';
  return 'missed';
}

/**
 * decisions.md judges counts "on their value alone" and every other goal by its interval;
 * what that comes to is whether the indicator has an interval at all (its registry
 * entry's interval method): reach, linked, prospects, participants, cost_per_conversion,
 * and for recruitment targets new_students, new_students_per_10k, hst and hpr. A goal on
 * one of them would otherwise wait for an interval that never comes.
 */
export function judgedOnValueAlone(indicator: string): boolean {
  return findIndicator(indicator)?.interval === 'none';
}

/** For a goal not yet due: is the current value on the right side of the target? */
export function onTrack(goal: Pick<GoalEvidence, 'operator' | 'target' | 'value'>): boolean | null {
  if (goal.value === null) return null;
  return goal.operator === '>=' ? goal.value >= goal.target : goal.value <= goal.target;
}
