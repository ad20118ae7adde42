-- Linked participants of recruitment activities: A, the term of their first session of
-- the activity; whether they are prospects (no registration in any term ≤ A); whether
-- they registered in A+1 and A+2 and whether the data has registrations in those terms;
-- and their parental education in the first term they registered after A.
WITH
  firsts AS (
    SELECT
      p.activity_id,
      p.person_key,
      min(p.term_key) AS a_key
    FROM
      stg_participations p
      JOIN stg_activities a USING (activity_id)
    WHERE
      a.kind = 'recruitment'
    GROUP BY ALL
  ),
  registered AS (
    SELECT DISTINCT
      person_key,
      term_key
    FROM
      stg_registrations
  ),
  flags AS (
    SELECT
      f.*,
      NOT EXISTS (
        SELECT
          1
        FROM
          registered r
        WHERE
          r.person_key = f.person_key
          AND r.term_key <= f.a_key
      ) AS is_prospect,
      EXISTS (
        SELECT
          1
        FROM
          registered r
        WHERE
          r.person_key = f.person_key
          AND r.term_key = f.a_key + 1
      ) AS registered_1,
      EXISTS (
        SELECT
          1
        FROM
          registered r
        WHERE
          r.person_key = f.person_key
          AND r.term_key = f.a_key + 2
      ) AS registered_2,
      f.a_key + 1 IN (
        SELECT
          term_key
        FROM
          int_terms
      ) AS data_1,
      f.a_key + 2 IN (
        SELECT
          term_key
        FROM
          int_terms
      ) AS data_2
    FROM
      firsts f
  )
SELECT
  fl.*,
  pt.parental_education AS parental_education_after
FROM
  flags fl
  LEFT JOIN int_person_terms pt ON pt.person_key = fl.person_key
  AND pt.term_key = CASE
    WHEN fl.registered_1 THEN fl.a_key + 1
    WHEN fl.registered_2 THEN fl.a_key + 2
  END
