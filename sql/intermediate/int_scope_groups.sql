-- Additive sums per scope × scope_id × term × group, from which every municipality
-- indicator is a ratio. Persons are placed by their home in the term (municipality;
-- county and region through the reference, so a home outside the reference counts only
-- in its own municipality scope) or, for LC students, by their centre (group lc only).
-- Group all is the sum of lc and non_lc.
WITH
  measures AS (
    SELECT
      term,
      term_key,
      home,
      centre,
      is_lc,
      1 AS persons,
      is_new::INTEGER AS new_students,
      (
        is_new
        AND is_lc
      )::INTEGER AS new_lc,
      (
        is_new
        AND parental_education IS NOT NULL
      )::INTEGER AS parental_known,
      (
        is_new
        AND is_first_generation (parental_education)
      )::INTEGER AS first_generation,
      (
        is_new
        AND is_low_parental_education (parental_education)
      )::INTEGER AS low_parental,
      (
        is_new
        AND birth_year IS NOT NULL
      )::INTEGER AS age_known,
      coalesce(
        is_new
        AND term_key // 2 - birth_year >= 25,
        false
      )::INTEGER AS mature,
      (
        is_new
        AND foreign_background IS NOT NULL
      )::INTEGER AS background_known,
      coalesce(
        is_new
        AND foreign_background,
        false
      )::INTEGER AS foreign_background,
      (
        is_new
        AND gender IS NOT NULL
      )::INTEGER AS gender_known,
      (
        is_new
        AND gender = 'woman'
      )::INTEGER AS women,
      hp AS sx,
      earned_term AS sy,
      earned_4t AS sy4,
      -- decimal products: their sums are exact, so the intervals do not depend on the
      -- order in which threads add them (a sum of doubles does)
      (hp * hp)::DECIMAL(38, 8) AS sxx,
      (earned_term * earned_term)::DECIMAL(38, 8) AS syy,
      (hp * earned_term)::DECIMAL(38, 8) AS sxy,
      (earned_4t * earned_4t)::DECIMAL(38, 8) AS syy4,
      (hp * earned_4t)::DECIMAL(38, 8) AS sxy4,
      registrations,
      completed,
      retained::INTEGER AS retained
    FROM
      int_person_terms
  ),
  municipality AS (
    SELECT
      'municipality' AS scope,
      home AS scope_id,
      term,
      term_key,
      is_lc,
      sum(COLUMNS (* EXCLUDE (term, term_key, home, centre, is_lc)))
    FROM
      measures
    WHERE
      home IS NOT NULL
    GROUP BY ALL
  ),
  county AS (
    SELECT
      'county' AS scope,
      m.county_code AS scope_id,
      term,
      term_key,
      is_lc,
      sum(COLUMNS (c.* EXCLUDE (scope, scope_id, term, term_key, is_lc)))
    FROM
      municipality c
      JOIN stg_municipalities m ON m.municipality_code = c.scope_id
    GROUP BY ALL
  ),
  region AS (
    SELECT
      'region' AS scope,
      'region' AS scope_id,
      term,
      term_key,
      is_lc,
      sum(COLUMNS (c.* EXCLUDE (scope, scope_id, term, term_key, is_lc)))
    FROM
      municipality c
      JOIN stg_municipalities m ON m.municipality_code = c.scope_id
    WHERE
      m.in_region
    GROUP BY ALL
  ),
  centre AS (
    SELECT
      'centre' AS scope,
      centre AS scope_id,
      term,
      term_key,
      is_lc,
      sum(COLUMNS (* EXCLUDE (term, term_key, home, centre, is_lc)))
    FROM
      measures
    WHERE
      is_lc
      AND centre IS NOT NULL
    GROUP BY ALL
  ),
  cells AS (
    SELECT
      *
    FROM
      municipality
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      county
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      region
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      centre
  )
SELECT
  scope,
  scope_id,
  term,
  term_key,
  CASE
    WHEN is_lc THEN 'lc'
    ELSE 'non_lc'
  END AS "group",
  COLUMNS (* EXCLUDE (scope, scope_id, term, term_key, is_lc))
FROM
  cells
UNION ALL
BY NAME
SELECT
  scope,
  scope_id,
  term,
  term_key,
  'all' AS "group",
  sum(COLUMNS (* EXCLUDE (scope, scope_id, term, term_key, is_lc)))
FROM
  cells
WHERE
  scope <> 'centre'
GROUP BY
  scope,
  scope_id,
  term,
  term_key
