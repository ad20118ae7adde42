// Decisions for every activity at a review term: the evidence is read from the built
// indicators in one query, the rules are the pure functions beside this file. Every
// activity id seen in an activity file is on the sheet (int_activity_ids_seen), also when
// its own row was rejected or never written; rejected rows that name it are said too.
import type { Database } from '../db/database.ts';
import type { Lang } from '../i18n/lang.ts';
import { DECIDE_ERRORS } from '../messages/decide.ts';
import { freshnessMessages } from '../messages/freshness.ts';
import { userError } from '../messages/message.ts';
import { parseTerm, formatTerm, termKey } from '../terms/term.ts';
import { goalSentence, type JudgedGoal } from './goal-sentence.ts';
import { goalStatus, judgedOnValueAlone, onTrack } from './goal-status.ts';
import { recommend, type Recommendation, type RecommendationGround } from './recommend.ts';
import { GROUND_SENTENCES } from './words.ts';
import { otherKindReason } from './other-kind.ts';
import {
  goalsUnreadGround,
  newerRowUnreadSentence,
  notLoadedSentence,
  unreadGoalsSentence,
  unreadOtherRowsSentence,
  type NotLoaded,
  type UnreadRow,
} from './unread-rows.ts';

export interface GoalDecision extends JudgedGoal {
  goalId: string;
  sentence: string;
}

export interface ActivityDecision {
  activityId: string;
  /** null (with kind) when the activity's own row is not loaded: see notLoaded. */
  name: string | null;
  kind: string | null;
  type: string | null;
  municipalityCode: string | null;
  centreId: string | null;
  needId: string | null;
  needDocumented: boolean;
  reviewTerm: string;
  recommendation: Recommendation;
  ground: RecommendationGround;
  goals: GoalDecision[];
  /** Why the activity is not in the registry, or null when it is. */
  notLoaded: NotLoaded | null;
  /** A newer row of the activity that a later load rejected (the sheet shows the earlier one). */
  newerRowUnread: UnreadRow | null;
  /** Its rejected goal rows. */
  unreadGoals: UnreadRow[];
  /** Its rejected rows of activity_sessions and participations. */
  unreadOther: UnreadRow[];
  reasons: string;
}

export interface DecideSettings {
  minN: number;
  lang: Lang;
}

interface EvidenceRow {
  activity_id: string;
  loaded: boolean;
  seen_in: string[];
  reject_file: string | null;
  reject_line: bigint | null;
  reject_reasons: string | null;
  reject_after_loaded: boolean;
  name: string | null;
  kind: string | null;
  type: string | null;
  municipality_code: string | null;
  centre_id: string | null;
  need_id: string | null;
  need_documented: boolean;
  end_key: number | null;
  goal_id: string | null;
  indicator: string | null;
  indicator_kind: string | null;
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
  if (!built) throw userError(DECIDE_ERRORS.notBuilt());
  if (asked && asked !== 'latest') {
    const term = parseTerm(asked);
    if (!term) throw userError(DECIDE_ERRORS.notATerm(asked));
    const reviewTerm = formatTerm(term);
    // A term without registrations would give a sheet of empty-looking values: refused,
    // with the terms that have data, as runs of consecutive terms ("VT2022–HT2025").
    const found = await db.one<{ asked: boolean; runs: string | null }>(
      `WITH runs AS (
         SELECT min(term_key) AS first_key, max(term_key) AS last_key
         FROM (SELECT term_key, term_key - row_number() OVER (ORDER BY term_key) AS run FROM int_terms)
         GROUP BY run)
       SELECT EXISTS (SELECT 1 FROM int_terms WHERE term = $term) AS asked,
              (SELECT string_agg(term_from_key(first_key) || CASE WHEN last_key > first_key THEN '–' || term_from_key(last_key) ELSE '' END, ', ' ORDER BY first_key) FROM runs) AS runs`,
      { term: reviewTerm },
    );
    if (!found?.runs) throw userError(DECIDE_ERRORS.noTerm());
    if (!found.asked)
      throw userError(freshnessMessages.termWithoutRegistrations(reviewTerm, found.runs));
    return reviewTerm;
  }
  const latest = await db.one<{ term: string | null }>(
    `SELECT arg_max(term, term_key) AS term FROM int_terms`,
  );
  if (!latest?.term) throw userError(DECIDE_ERRORS.noTerm());
  return latest.term;
}

/** The sentence of the rule that won: the first of the reasons, and the decision sheet's line beside the badge. */
export function mainReason(
  d: Pick<ActivityDecision, 'ground' | 'notLoaded' | 'unreadGoals'>,
  lang: Lang,
): string {
  if (d.ground === 'not_loaded' && d.notLoaded) return notLoadedSentence(d.notLoaded, lang);
  if (d.ground === 'goals_unread') return goalsUnreadGround(d.unreadGoals, lang);
  return GROUND_SENTENCES[d.ground][lang];
}

export async function decide(
  db: Database,
  reviewTerm: string,
  settings: DecideSettings,
): Promise<ActivityDecision[]> {
  const reviewKey = termKey(parseTerm(reviewTerm)!);
  const { confidence, min_cell: minCell } = (await db.one<{ confidence: number; min_cell: number }>(
    `SELECT confidence, min_cell FROM build_settings`,
  ))!;
  const rows = await db.rows<EvidenceRow>(
    `SELECT s.activity_id, s.loaded, s.seen_in, s.reject_file, s.reject_line, s.reject_reasons, s.reject_after_loaded,
            a.name, a.kind, a.type, a.municipality_code, a.centre_id, a.need_id, coalesce(a.need_documented, false) AS need_documented, a.end_key,
            g.goal_id, g.indicator, g.indicator_kind, g.operator, g.target, g.by_term, g.by_key,
            i.value, i.ci_low, i.ci_high, i.n, i.suppressed
     FROM int_activity_ids_seen s
     LEFT JOIN stg_activities a USING (activity_id)
     LEFT JOIN stg_activity_goals g USING (activity_id)
     LEFT JOIN indicators i ON i.scope = 'activity' AND i.scope_id = s.activity_id AND i.term = $term AND i.indicator = g.indicator
     ORDER BY s.activity_id, g.goal_id`,
    { term: reviewTerm },
  );
  const unread = await db.rows<{
    activity_id: string;
    kind: string;
    file_name: string;
    line: bigint | null;
    reasons: string;
  }>(
    `SELECT activity_id, kind, file_name, line, reasons FROM stg_activity_rejects WHERE kind <> 'activities' ORDER BY activity_id, kind, file_name, line`,
  );
  const unreadOf = new Map<string, UnreadRow[]>();
  for (const r of unread) {
    const row = {
      kind: r.kind,
      file: r.file_name,
      line: r.line === null ? null : Number(r.line),
      reasons: r.reasons,
    };
    unreadOf.set(r.activity_id, [...(unreadOf.get(r.activity_id) ?? []), row]);
  }
  const byActivity = new Map<string, EvidenceRow[]>();
  for (const row of rows)
    byActivity.set(row.activity_id, [...(byActivity.get(row.activity_id) ?? []), row]);

  return [...byActivity.values()].map((group) => {
    const first = group[0]!;
    const goals: GoalDecision[] = group
      .filter((row) => row.goal_id !== null)
      .map((row) => {
        // a goal's indicator of the other kind: known only when the activity is loaded
        const otherKind =
          first.kind !== null && row.indicator_kind !== null && row.indicator_kind !== first.kind;
        const evidence = {
          operator: row.operator!,
          target: row.target!,
          notDue: reviewKey < row.by_key!,
          value: row.value,
          low: row.ci_low,
          high: row.ci_high,
          n: row.n,
          isCount: judgedOnValueAlone(row.indicator!),
          otherKind,
        };
        const status = goalStatus(evidence, settings.minN);
        const track = onTrack(evidence);
        const invalidReason = otherKind
          ? otherKindReason(row.indicator_kind, first.kind, settings.lang)
          : null;
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
          invalidReason,
        };
        return {
          ...decision,
          sentence: goalSentence({ ...decision, confidence, minCell }, settings.lang),
        };
      });
    const rejected = unreadOf.get(first.activity_id) ?? [];
    const unreadGoals = rejected.filter((r) => r.kind === 'activity_goals');
    const unreadOther = rejected.filter((r) => r.kind !== 'activity_goals');
    const ownReject: UnreadRow | null =
      first.reject_file === null
        ? null
        : {
            kind: 'activities',
            file: first.reject_file,
            line: first.reject_line === null ? null : Number(first.reject_line),
            reasons: first.reject_reasons ?? '',
          };
    const notLoaded: NotLoaded | null = first.loaded
      ? null
      : { row: ownReject, seenIn: first.seen_in };
    const newerRowUnread = first.loaded && first.reject_after_loaded ? ownReject : null;
    const { recommendation, ground } = recommend({
      notLoaded: notLoaded !== null,
      ended: first.end_key !== null && first.end_key < reviewKey,
      needDocumented: first.need_documented,
      statuses: goals.map((g) => g.status),
      unreadGoals: unreadGoals.length,
    });
    const { lang } = settings;
    const groundSentence = mainReason({ ground, notLoaded, unreadGoals }, lang);
    const kinds = [...new Set(unreadOther.map((r) => r.kind))];
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
      notLoaded,
      newerRowUnread,
      unreadGoals,
      unreadOther,
      reasons: [
        groundSentence,
        ...(newerRowUnread ? [newerRowUnreadSentence(newerRowUnread, lang)] : []),
        ...goals.map((g) => g.sentence),
        ...(unreadGoals.length ? [unreadGoalsSentence(unreadGoals, lang)] : []),
        ...kinds.map((kind) =>
          unreadOtherRowsSentence(
            kind,
            unreadOther.filter((r) => r.kind === kind),
            lang,
          ),
        ),
      ].join(' '),
    };
  });
}
