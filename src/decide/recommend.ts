// The recommendation for one activity at a review term: the ordered rules of
// decisions.md as one typed list (RULES), the first that applies wins. recommend()
// evaluates the list and the report's method section renders it, so the two cannot say
// different things. Two grounds come before the rules they precede because those rules
// cannot be applied: the activity's own row was not loaded (no kind, terms or need are
// known), or its goals were written but none could be read (rule 2's "set goals" would be
// wrong: the fix is to correct the file). Both give insufficient_data, the outcome that
// judges nothing, with a ground that names what to correct.
import type { Text } from '../i18n/text.ts';
import { RULE_TEXTS, RULES_TEXTS } from '../messages/decide.ts';
import type { GoalStatus } from './goal-status.ts';

export type Recommendation =
  | 'ended'
  | 'develop'
  | 'in_progress'
  | 'insufficient_data'
  | 'end'
  | 'continue';

/** Why the rule that won applied, for the reasons text: one per rule of RULES. */
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

/** What the rules look at, worked out once from an ActivityState. */
export interface RuleFacts {
  notLoaded: boolean;
  ended: boolean;
  needDocumented: boolean;
  /** Goals read (any status). */
  goals: number;
  unreadGoals: number;
  /** Statuses of the due goals; an invalid goal counts like an insufficient one. */
  due: GoalStatus[];
  /** The due goals that can be judged (not insufficient). */
  judged: GoalStatus[];
}

export interface DecisionRule {
  ground: RecommendationGround;
  /** Its number in decisions.md ("1" … "7"), or null for a ground of larsam's own before a rule. */
  rule: string | null;
  recommendation: Recommendation;
  /** Whether it applies, given that no rule before it did. */
  applies: (facts: RuleFacts) => boolean;
  /** Its condition in words (the method section). */
  statement: Text;
  /** The sentence of the decision sheet when it wins. */
  reason: Text;
}

const rule = (
  ground: RecommendationGround,
  number: string | null,
  recommendation: Recommendation,
  applies: (facts: RuleFacts) => boolean,
): DecisionRule => ({ ground, rule: number, recommendation, applies, ...RULE_TEXTS[ground] });

/** The rules in the order they are checked; the last always applies. */
export const RULES: readonly DecisionRule[] = [
  rule('not_loaded', null, 'insufficient_data', (f) => f.notLoaded),
  rule('ended', '1', 'ended', (f) => f.ended),
  rule('no_documented_need', '2', 'develop', (f) => !f.needDocumented),
  rule('goals_unread', null, 'insufficient_data', (f) => f.goals === 0 && f.unreadGoals > 0),
  rule('no_goals', '2', 'develop', (f) => f.goals === 0),
  rule('no_goal_due', '3', 'in_progress', (f) => f.due.length === 0),
  rule('all_due_insufficient', '4', 'insufficient_data', (f) => f.judged.length === 0),
  rule('all_judged_missed', '5', 'end', (f) => f.judged.every((s) => s === 'missed')),
  rule('all_judged_met', '6', 'continue', (f) =>
    f.judged.every((s) => s === 'met' || s === 'likely_met'),
  ),
  rule('mixed', '7', 'develop', () => true),
];

/** Rules of decisions.md that RULES does not apply yet, and why (the method section says so). */
export const RULES_NOT_APPLIED: readonly { rule: string; why: Text }[] = [
  {
    rule: '5½',
    why: RULES_TEXTS.effectsNotComputed,
  },
];

export function ruleFacts(state: ActivityState): RuleFacts {
  // an invalid goal (an indicator of the other kind) counts like an insufficient one
  const statuses = state.statuses.map((s) => (s === 'invalid' ? 'insufficient' : s));
  const due = statuses.filter((s) => s !== 'not_due');
  return {
    notLoaded: state.notLoaded ?? false,
    ended: state.ended,
    needDocumented: state.needDocumented,
    goals: statuses.length,
    unreadGoals: state.unreadGoals ?? 0,
    due,
    judged: due.filter((s) => s !== 'insufficient'),
  };
}

export function recommend(state: ActivityState): {
  recommendation: Recommendation;
  ground: RecommendationGround;
} {
  const facts = ruleFacts(state);
  const won = RULES.find((r) => r.applies(facts))!;
  return { recommendation: won.recommendation, ground: won.ground };
}
