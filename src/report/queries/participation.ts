// Participation per activity and participation term (not cumulative): headcount at the
// sessions and distinct linked participants, each suppressed from 1 to min_cell − 1.
import type { Database } from '../../db/database.ts';

export interface ParticipationPoint {
  activityId: string;
  term: string;
  headcount: number | null;
  linked: number | null;
}

export async function readParticipationPerTerm(
  db: Database,
  reviewTerm: string,
  minCell: number,
): Promise<ParticipationPoint[]> {
  const rows = await db.rows<{
    activity_id: string;
    term: string;
    headcount: number;
    linked: number;
  }>(
    `WITH heads AS (
       SELECT activity_id, term_key, sum(participants)::INTEGER AS headcount FROM stg_activity_sessions GROUP BY ALL
     ), linked AS (
       SELECT activity_id, term_key, count(DISTINCT person_key)::INTEGER AS linked FROM stg_participations GROUP BY ALL
     )
     SELECT activity_id, term_from_key(term_key) AS term, coalesce(h.headcount, 0) AS headcount, coalesce(l.linked, 0) AS linked
     FROM heads h FULL JOIN linked l USING (activity_id, term_key)
     WHERE term_key <= term_key($r)
     ORDER BY activity_id, term_key`,
    { r: reviewTerm },
  );
  const shown = (count: number) => (count >= 1 && count < minCell ? null : count);
  return rows.map((r) => ({
    activityId: r.activity_id,
    term: r.term,
    headcount: shown(r.headcount),
    linked: shown(r.linked),
  }));
}
