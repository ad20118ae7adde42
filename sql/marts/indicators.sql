-- Every indicator in the output contract's columns (indicators.md), unsuppressed, for
-- authorised analysts and `larsam query`. Published files apply `suppressed`.
SELECT
  scope,
  scope_id,
  term,
  indicator,
  "group",
  value,
  numerator,
  denominator,
  ci_low,
  ci_high,
  n,
  preliminary,
  suppressed
FROM
  (
    SELECT
      *
    FROM
      mart_municipality_indicators
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      mart_activity_indicators
  )
ORDER BY
  scope,
  scope_id,
  term_key,
  indicator,
  "group"
