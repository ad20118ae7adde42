// decisions.csv of decisions.md: one row per activity for the review term. An invalid
// goal (an indicator of the other kind) counts in goals_insufficient, as it counts in the
// rules; its sentence in reasons says it is invalid. An activity not loaded has an empty
// name and kind, and its reasons say why.
import { csvText } from '../util/csv-text.ts';
import type { ActivityDecision } from './decide.ts';

export const DECISIONS_HEADER = [
  'activity_id',
  'name',
  'kind',
  'municipality_code',
  'centre_id',
  'review_term',
  'recommendation',
  'goals_total',
  'goals_met',
  'goals_likely_met',
  'goals_likely_missed',
  'goals_missed',
  'goals_insufficient',
  'goals_not_due',
  'need_documented',
  'reasons',
];

export function decisionsCsv(decisions: ActivityDecision[]): string {
  const count = (d: ActivityDecision, status: string) =>
    d.goals.filter((g) => g.status === status).length;
  return csvText(
    DECISIONS_HEADER,
    decisions.map((d) => [
      d.activityId,
      d.name,
      d.kind,
      d.municipalityCode,
      d.centreId,
      d.reviewTerm,
      d.recommendation,
      d.goals.length,
      count(d, 'met'),
      count(d, 'likely_met'),
      count(d, 'likely_missed'),
      count(d, 'missed'),
      count(d, 'insufficient') + count(d, 'invalid'),
      count(d, 'not_due'),
      d.needDocumented,
      d.reasons,
    ]),
  );
}
