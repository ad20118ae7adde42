-- Population 20–64 behind new_students_per_10k: for term year Y the year Y−1 (UKÄ uses
-- folkbokföring on 31 December before the start); per municipality the latest earlier
-- year when Y−1 is missing (fallback_years > 0 says so); for a county or the region the
-- sum over its reference municipalities, empty when any of them has no population.
WITH
  scope_terms AS (
    SELECT DISTINCT
      scope,
      scope_id,
      term,
      term_key
    FROM
      int_scope_groups
    WHERE
      scope <> 'centre'
  ),
  members AS (
    SELECT
      'municipality' AS scope,
      municipality_code AS scope_id,
      municipality_code
    FROM
      stg_municipalities
    UNION ALL
    SELECT
      'county',
      county_code,
      municipality_code
    FROM
      stg_municipalities
    UNION ALL
    SELECT
      'region',
      'region',
      municipality_code
    FROM
      stg_municipalities
    WHERE
      in_region
  ),
  -- homes outside the reference are their own municipality scope
  all_members AS (
    SELECT
      *
    FROM
      members
    UNION ALL
    SELECT DISTINCT
      'municipality',
      s.scope_id,
      s.scope_id
    FROM
      scope_terms s
    WHERE
      s.scope = 'municipality'
      AND s.scope_id NOT IN (
        SELECT
          municipality_code
        FROM
          stg_municipalities
      )
  ),
  member_population AS (
    SELECT
      st.scope,
      st.scope_id,
      st.term,
      st.term_key // 2 - 1 AS wanted_year,
      mb.municipality_code,
      max(p.year) AS year,
      arg_max(p.population_20_64, p.year) AS population
    FROM
      scope_terms st
      JOIN all_members mb ON mb.scope = st.scope
      AND mb.scope_id = st.scope_id
      LEFT JOIN stg_population p ON p.municipality_code = mb.municipality_code
      AND p.year <= st.term_key // 2 - 1
    GROUP BY ALL
  )
SELECT
  scope,
  scope_id,
  term,
  CASE
    WHEN bool_and(population IS NOT NULL) THEN sum(population)
  END AS population,
  max(wanted_year - year) AS fallback_years
FROM
  member_population
GROUP BY
  scope,
  scope_id,
  term
