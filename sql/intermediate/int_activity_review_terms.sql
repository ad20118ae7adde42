-- Every review term R of every activity: from its start_term to the latest term with
-- registrations (indicators.md: an activity has a row for each).
WITH
  latest AS (
    SELECT
      max(term_key) AS latest_key
    FROM
      int_terms
  )
SELECT
  a.activity_id,
  a.kind,
  r.review_key,
  term_from_key (r.review_key) AS review_term
FROM
  stg_activities a
  CROSS JOIN latest
  CROSS JOIN LATERAL (
    SELECT
      unnest(range(a.start_key, latest.latest_key + 1)) AS review_key
  ) r
