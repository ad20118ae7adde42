// The decision sheet as it may leave larsam (decide --json): a goal whose value is a
// small cell keeps its status and sentence, but not the value, interval or n that the
// small-cell rule of indicators.md hides everywhere else.
import type { ActivityDecision } from './decide.ts';

export function publishableDecisions(decisions: ActivityDecision[]): ActivityDecision[] {
  return decisions.map((d) => ({
    ...d,
    goals: d.goals.map((g) =>
      g.suppressed ? { ...g, value: null, low: null, high: null, n: null } : g,
    ),
  }));
}
