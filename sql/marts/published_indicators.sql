-- The indicators as they may be published (report, CSV, charts): a suppressed row keeps
-- its keys but loses value, numerator, denominator, interval and n (n of a count is
-- the count itself). Beyond indicators.md's rule, when one of lc / non_lc is suppressed
-- the other is too: with `all` shown, either would give the hidden one by subtraction.
WITH rows AS (
  SELECT scope, scope_id, term, term_key, indicator, "group", value, numerator, denominator, ci_low, ci_high, n, preliminary, suppressed
  FROM mart_municipality_indicators
  UNION ALL BY NAME
  SELECT scope, scope_id, term, term_key, indicator, "group", value, numerator, denominator, ci_low, ci_high, n, preliminary, suppressed
  FROM mart_activity_indicators
),
hidden AS (
  SELECT *,
    suppressed OR ("group" IN ('lc', 'non_lc') AND bool_or(suppressed) FILTER (WHERE "group" IN ('lc', 'non_lc'))
      OVER (PARTITION BY scope, scope_id, term, indicator)) AS hide
  FROM rows
)
SELECT scope, scope_id, term, term_key, indicator, "group",
  CASE WHEN hide THEN NULL ELSE value END AS value,
  CASE WHEN hide THEN NULL ELSE numerator END AS numerator,
  CASE WHEN hide THEN NULL ELSE denominator END AS denominator,
  CASE WHEN hide THEN NULL ELSE ci_low END AS ci_low,
  CASE WHEN hide THEN NULL ELSE ci_high END AS ci_high,
  CASE WHEN hide THEN NULL ELSE n END AS n,
  preliminary,
  hide AS suppressed
FROM hidden
