-- severity: warn. Goals naming an indicator of the other activity kind (a recruitment indicator on a throughput activity or the reverse); they cannot be judged, and the decision sheet gives them the status invalid.
SELECT
  g.activity_id,
  g.goal_id,
  g.indicator,
  a.kind
FROM
  stg_activity_goals g
  JOIN stg_activities a USING (activity_id)
WHERE
  g.indicator_kind <> a.kind
