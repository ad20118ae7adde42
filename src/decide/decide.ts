// Decisions for every activity at a review term: the evidence is read from the built
// indicators in one query, the rules are the pure functions beside this file.
import type { Database } from '../db/database.ts';
import type { Lang } from '../i18n/lang.ts';
import { isCountIndicator } from '../i18n/format-number.ts';
import { LarsamError } from '../util/errors.ts';
import { parseTerm, formatTerm, termKey } from '../terms/term.ts';
import { goalSentence, type JudgedGoal } from './goal-sentence.ts';
import { goalStatus, onTrack } from './goal-status.ts';
import { recommend, type Recommendation, type RecommendationGround } from './recommend.ts';
import { GROUND_SENTENCES } from './words.ts';

export interface GoalDecision extends JudgedGoal {
  goalId: string;
  sentence: string;
}

export interface ActivityDecision {
  activityId: string;
  name: string;
  kind: string;
  type: string | null;
  municipalityCode: string | null;
  centreId: string | null;
  needId: string | null;
  needDocumented: boolean;
  reviewTerm: string;
  recommendation: Recommendation;
  ground: RecommendationGround;
  goals: GoalDecision[];
  reasons: string;
}

export interface DecideSettings {
  minN: number;
  lang: Lang;
}

interface EvidenceRow {
  activity_id: string;
  name: string;
  kind: string;
  type: string | null;
  municipality_code: string | null;
  centre_id: string | null;
  need_id: string | null;
  need_documented: boolean;
  end_key: number | null;
  goal_id: string | null;
  indicator: string | null;
  operator: '>=' | '<=' | null;
  target: number | null;
  by_term: string | null;
  by_key: number | null;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number | null;
  suppressed: boolean | null;
}

/** The review term: the one asked for, else the latest term with registrations. */
export async function resolveReviewTerm(db: Database, asked: string | undefined): Promise<string> {
  const built = await db.one(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'indicators'`);
  if (!built) throw new LarsamError('the indicators are not built yet', { fix: 'run  larsam build  (or larsam run) first' });
  if (asked && asked !== 'latest') {
    const term = parseTerm(asked);
    if (!term) throw new LarsamError(`'${asked}' is not a term`, { fix: 'write a term like HT2025 or VT2026' });
    return formatTerm(term);
  }
  const latest = await db.one<{ term: string | null }>(`SELECT arg_max(term, term_key) AS term FROM int_terms`);
  if (!latest?.term) throw new LarsamError('there are no registrations, so there is no term to review', { fix: 'load registrations first' });
  return latest.term;
}

export async function decide(db: Database, reviewTerm: string, settings: DecideSettings): Promise<ActivityDecision[]> {
  const reviewKey = termKey(parseTerm(reviewTerm)!);
  const { confidence, min_cell: minCell } = (await db.one<{ confidence: number; min_cell: number }>(`SELECT confidence, min_cell FROM build_settings`))!;
  const rows = await db.rows<EvidenceRow>(
    `SELECT a.activity_id, a.name, a.kind, a.type, a.municipality_code, a.centre_id, a.need_id, a.need_documented, a.end_key,
            g.goal_id, g.indicator, g.operator, g.target, g.by_term, g.by_key,
            i.value, i.ci_low, i.ci_high, i.n, i.suppressed
     FROM stg_activities a
     LEFT JOIN stg_activity_goals g USING (activity_id)
     LEFT JOIN indicators i ON i.scope = 'activity' AND i.scope_id = a.activity_id AND i.term = $term AND i.indicator = g.indicator
     ORDER BY a.activity_id, g.goal_id`,
    { term: reviewTerm },
  );
  const byActivity = new Map<string, EvidenceRow[]>();
  for (const row of rows) byActivity.set(row.activity_id, [...(byActivity.get(row.activity_id) ?? []), row]);

  return [...byActivity.values()].map((group) => {
    const first = group[0]!;
    const goals: GoalDecision[] = group
      .filter((row) => row.goal_id !== null)
      .map((row) => {
        const evidence = {
          operator: row.operator!,
          target: row.target!,
          notDue: reviewKey < row.by_key!,
          value: row.value,
          low: row.ci_low,
          high: row.ci_high,
          n: row.n,
          isCount: isCountIndicator(row.indicator!),
        };
        const status = goalStatus(evidence, settings.minN);
        const track = onTrack(evidence);
        const decision = {
          goalId: row.goal_id!,
          indicator: row.indicator!,
          operator: row.operator!,
          target: row.target!,
          byTerm: row.by_term!,
          value: row.value,
          low: row.ci_low,
          high: row.ci_high,
          n: row.n,
          suppressed: row.suppressed ?? false,
          status,
          onTrack: track,
        };
        return { ...decision, sentence: goalSentence({ ...decision, confidence, minCell }, settings.lang) };
      });
    const { recommendation, ground } = recommend({
      ended: first.end_key !== null && first.end_key < reviewKey,
      needDocumented: first.need_documented,
      statuses: goals.map((g) => g.status),
    });
    return {
      activityId: first.activity_id,
      name: first.name,
      kind: first.kind,
      type: first.type,
      municipalityCode: first.municipality_code,
      centreId: first.centre_id,
      needId: first.need_id,
      needDocumented: first.need_documented,
      reviewTerm,
      recommendation,
      ground,
      goals,
      reasons: [GROUND_SENTENCES[ground][settings.lang], ...goals.map((g) => g.sentence)].join(' '),
    };
  });
}
