-- Every indicator the marts emit has its entry in ref_indicators (the indicator registry,
-- src/indicators/registry.ts) naming the mart that computes it: without one its
-- small-cell rule would fall back to the persons rule.
SELECT DISTINCT
  m.model,
  m.indicator,
  ri.model AS registry_model
FROM
  (
    SELECT
      'mart_municipality_indicators' AS model,
      indicator
    FROM
      mart_municipality_indicators
    UNION ALL
    SELECT
      'mart_activity_indicators' AS model,
      indicator
    FROM
      mart_activity_indicators
  ) m
  LEFT JOIN ref_indicators ri USING (indicator)
WHERE
  ri.indicator IS NULL
  OR ri.model <> m.model
