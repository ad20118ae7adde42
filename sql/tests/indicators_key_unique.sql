-- One indicator row per scope, scope_id, term, indicator and group.
SELECT
  scope,
  scope_id,
  term,
  indicator,
  "group",
  count(*) AS n
FROM
  indicators
GROUP BY ALL
HAVING
  count(*) > 1
