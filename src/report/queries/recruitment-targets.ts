// Management's recruitment targets against the published actual: the value at the
// target's term once it is due, else the latest value so far, judged like a goal.
import type { Database } from '../../db/database.ts';
import { goalStatus, judgedOnValueAlone, type GoalStatus } from '../../decide/goal-status.ts';

export interface TargetRow {
  scope: string;
  scopeId: string;
  indicator: string;
  operator: '>=' | '<=';
  target: number;
  byTerm: string;
  /** The term whose value is shown. */
  term: string;
  value: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  status: GoalStatus;
}

export async function readRecruitmentTargets(
  db: Database,
  reviewTerm: string,
  minN: number,
): Promise<TargetRow[]> {
  const rows = await db.rows<{
    scope: string;
    scope_id: string;
    indicator: string;
    operator: '>=' | '<=';
    target: number;
    by_term: string;
    term: string;
    value: number | null;
    ci_low: number | null;
    ci_high: number | null;
    n: number | null;
    suppressed: boolean | null;
    due: boolean;
  }>(
    `WITH targets AS (
       SELECT DISTINCT
         CASE WHEN scope = 'region' THEN 'region' WHEN length(scope) = 2 THEN 'county' ELSE 'municipality' END AS scope,
         scope AS scope_id, indicator, operator, target::DOUBLE AS target, by_term,
         term_key(by_term) <= term_key($r) AS due,
         CASE WHEN term_key(by_term) <= term_key($r) THEN by_term ELSE $r END AS term
       FROM raw_recruitment_targets
     )
     SELECT t.*, p.value, p.ci_low, p.ci_high, p.n, p.suppressed
     FROM targets t
     LEFT JOIN published_indicators p ON p.scope = t.scope AND p.scope_id = t.scope_id AND p.term = t.term AND p.indicator = t.indicator AND p."group" = 'all'
     ORDER BY t.scope = 'region' DESC, t.scope, t.scope_id, t.indicator, term_key(t.by_term)`,
    { r: reviewTerm },
  );
  return rows.map((r) => ({
    scope: r.scope,
    scopeId: r.scope_id,
    indicator: r.indicator,
    operator: r.operator,
    target: r.target,
    byTerm: r.by_term,
    term: r.term,
    value: r.value,
    low: r.ci_low,
    high: r.ci_high,
    suppressed: r.suppressed ?? false,
    status: goalStatus(
      {
        operator: r.operator,
        target: r.target,
        notDue: !r.due,
        value: r.value,
        low: r.ci_low,
        high: r.ci_high,
        n: r.n,
        isCount: judgedOnValueAlone(r.indicator),
      },
      minN,
    ),
  }));
}
