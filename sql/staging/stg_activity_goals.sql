-- Followable goals, one per activity and goal_id (the latest load wins), with the kind of
-- activity their indicator belongs to: its family in ref_indicators (the registry,
-- src/indicators/registry.ts), recruitment or throughput, and NULL for any other. A goal
-- on the other kind's indicator can never be judged, and the decision sheet says so
-- (status invalid).
SELECT
  g.activity_id,
  g.goal_id,
  g.indicator,
  g.operator,
  g.target::DOUBLE AS target,
  g.by_term,
  canonical_term_key (g.by_term) AS by_key,
  CASE
    WHEN ri.family IN ('recruitment', 'throughput') THEN ri.family
  END AS indicator_kind
FROM
  raw_activity_goals g
  LEFT JOIN ref_indicators ri USING (indicator)
QUALIFY
  row_number() OVER (
    PARTITION BY
      g.activity_id,
      g.goal_id
    ORDER BY
      g._load_id DESC,
      g._line
  ) = 1
