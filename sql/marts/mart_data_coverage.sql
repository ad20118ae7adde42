-- Rows per term after staging, by kind: registrations, results (their own term, else
-- the term of result_date), activity sessions and participations. The report's
-- data-quality coverage reads this small table instead of the row-level models. Results
-- are counted in int_result_links, which has one row per staged result (stg_results is
-- not stored while building).
WITH
  r AS (
    SELECT
      term_key,
      count(*) AS n
    FROM
      stg_registrations
    GROUP BY ALL
  ),
  s AS (
    SELECT
      coalesce(result_term_key, term_key_of_date (result_date)) AS term_key,
      count(*) AS n
    FROM
      int_result_links
    GROUP BY ALL
  ),
  a AS (
    SELECT
      term_key,
      count(*) AS n
    FROM
      stg_activity_sessions
    GROUP BY ALL
  ),
  p AS (
    SELECT
      term_key,
      count(*) AS n
    FROM
      stg_participations
    GROUP BY ALL
  ),
  k AS (
    SELECT
      term_key
    FROM
      r
    UNION
    SELECT
      term_key
    FROM
      s
    UNION
    SELECT
      term_key
    FROM
      a
    UNION
    SELECT
      term_key
    FROM
      p
  )
SELECT
  k.term_key,
  term_from_key (k.term_key) AS term,
  coalesce(r.n, 0)::INTEGER AS registrations,
  coalesce(s.n, 0)::INTEGER AS results,
  coalesce(a.n, 0)::INTEGER AS sessions,
  coalesce(p.n, 0)::INTEGER AS participations
FROM
  k
  LEFT JOIN r USING (term_key)
  LEFT JOIN s USING (term_key)
  LEFT JOIN a USING (term_key)
  LEFT JOIN p USING (term_key)
