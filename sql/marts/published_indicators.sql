-- The indicators as they may be published (report, CSV, charts): a suppressed row keeps
-- its keys but loses value, numerator, denominator, interval and n (n of a count is
-- the count itself). A row is suppressed by its own small-cell rule (suppression
-- 'primary', indicators.md) or to protect another one ('secondary'): its cell of the
-- municipality, county and region tables is hidden (int_suppression_cells), or it is
-- new_lc_share of group all, whose numerator is new_students of group lc, while a cell
-- of its scope's new-students table is hidden.
WITH
  rows AS (
    SELECT
      scope,
      scope_id,
      term,
      term_key,
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
      mart_municipality_indicators
    UNION ALL
    BY NAME
    SELECT
      scope,
      scope_id,
      term,
      term_key,
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
      mart_activity_indicators
  ),
  hidden AS (
    SELECT
      r.*,
      r.suppressed
      OR EXISTS (
        SELECT
          1
        FROM
          int_suppression_cells c
        WHERE
          c.term = r.term
          AND c.suppression_table = t.suppression_table
          AND c.scope = r.scope
          AND c.scope_id = r.scope_id
          AND (
            c."group" = r."group"
            OR (
              r.indicator = 'new_lc_share'
              AND r."group" = 'all'
            )
          )
      ) AS hide
    FROM
      rows r
      LEFT JOIN ref_suppression_tables t USING (indicator)
  )
SELECT
  scope,
  scope_id,
  term,
  term_key,
  indicator,
  "group",
  CASE
    WHEN hide THEN NULL
    ELSE value
  END AS value,
  CASE
    WHEN hide THEN NULL
    ELSE numerator
  END AS numerator,
  CASE
    WHEN hide THEN NULL
    ELSE denominator
  END AS denominator,
  CASE
    WHEN hide THEN NULL
    ELSE ci_low
  END AS ci_low,
  CASE
    WHEN hide THEN NULL
    ELSE ci_high
  END AS ci_high,
  CASE
    WHEN hide THEN NULL
    ELSE n
  END AS n,
  preliminary,
  hide AS suppressed,
  CASE
    WHEN suppressed THEN 'primary'
    WHEN hide THEN 'secondary'
  END AS suppression
FROM
  hidden
