-- One row per person and term with registrations: the person's attributes in the term
-- (the first non-empty value among their registrations ordered by registration_date,
-- empty dates last, then course_code, then course_offering), LC status (any
-- registration with a centre), whether they are new (their earliest first_time term),
-- retention, and the per-person sums behind every indicator.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH
  course_order AS (
    -- the rank of (course_code, course_offering) in that order, over the few distinct pairs
    -- (neither is ever empty: course_offering defaults to ''), with the date span. (No
    -- cross join in the big join below: inside the build's transaction the planner sees
    -- no row counts and would happily cross the registrations with something.)
    SELECT
      course_code,
      course_offering,
      first_date,
      span,
      row_number() OVER (
        ORDER BY
          course_code,
          course_offering
      ) AS course_rank,
      count(*) OVER () AS pairs
    FROM
      (
        SELECT
          course_code,
          course_offering,
          any_value(d.first_date) AS first_date,
          any_value(d.span) AS span
        FROM
          stg_registrations,
          (
            SELECT
              min(registration_date) AS first_date,
              max(registration_date) - min(registration_date) AS span
            FROM
              stg_registrations
          ) d
        GROUP BY
          course_code,
          course_offering
      )
  ),
  codes AS (
    -- the few distinct values of the text attributes, numbered: the aggregate below then
    -- keeps integers in its millions of states, not strings (at 10 M registrations those
    -- states did not fit in the build's memory)
    SELECT
      attribute,
      value,
      row_number() OVER (
        PARTITION BY
          attribute
        ORDER BY
          value
      )::INTEGER AS code
    FROM
      (
        SELECT DISTINCT
          'home' AS attribute,
          home_municipality AS value
        FROM
          int_registration_credits
        WHERE
          home_municipality IS NOT NULL
        UNION ALL
        SELECT DISTINCT
          'centre',
          centre_id
        FROM
          int_registration_credits
        WHERE
          centre_id IS NOT NULL
        UNION ALL
        SELECT DISTINCT
          'gender',
          gender
        FROM
          int_registration_credits
        WHERE
          gender IS NOT NULL
        UNION ALL
        SELECT DISTINCT
          'parental',
          parental_education
        FROM
          int_registration_credits
        WHERE
          parental_education IS NOT NULL
      )
  ),
  ordered AS (
    SELECT
      reg.person_key,
      reg.term_key,
      reg.hp,
      reg.earned_term,
      reg.earned_4t,
      reg.birth_year,
      reg.foreign_background,
      h.code AS home_code,
      c.code AS centre_code,
      g.code AS gender_code,
      p.code AS parental_code,
      -- the attribute order as one BIGINT: days since the first date (empty dates after the
      -- last, or all alike when no registration has a date), then the course rank. A
      -- person's (course, offering) pairs in a term are unique, so there are no ties. An
      -- integer key needs no sort of the registrations (the global row_number did).
      coalesce(reg.registration_date - co.first_date, coalesce(co.span, 0) + 1) * co.pairs + co.course_rank AS attribute_order
    FROM
      int_registration_credits reg
      JOIN course_order co ON co.course_code = reg.course_code
      AND co.course_offering = reg.course_offering
      LEFT JOIN codes h ON h.attribute = 'home'
      AND h.value = reg.home_municipality
      LEFT JOIN codes c ON c.attribute = 'centre'
      AND c.value = reg.centre_id
      LEFT JOIN codes g ON g.attribute = 'gender'
      AND g.value = reg.gender
      LEFT JOIN codes p ON p.attribute = 'parental'
      AND p.value = reg.parental_education
  ),
  first_new AS (
    SELECT
      person_key,
      min(term_key) AS new_term_key
    FROM
      stg_registrations
    WHERE
      first_time
    GROUP BY
      person_key
  ),
  first_degree AS (
    SELECT
      person_key,
      min(degree_date) AS degree_date
    FROM
      stg_degrees
    GROUP BY
      person_key
  ),
  person_term AS (
    -- the first non-empty value of each attribute in attribute order (first_non_empty,
    -- sql/macros/attributes.sql: codes, years from 1900 to 2200 and 0/1 all fit its 2^20
    -- values; attribute_order, days × (course, offering) pairs, stays far below 2^43)
    SELECT
      person_key,
      term_key,
      first_non_empty (home_code, attribute_order)::INTEGER AS home_code,
      first_non_empty (centre_code, attribute_order)::INTEGER AS centre_code,
      first_non_empty (birth_year, attribute_order)::INTEGER AS birth_year,
      first_non_empty (gender_code, attribute_order)::INTEGER AS gender_code,
      first_non_empty (parental_code, attribute_order)::INTEGER AS parental_code,
      first_non_empty (foreign_background::INTEGER, attribute_order) = 1 AS foreign_background,
      bool_or(centre_code IS NOT NULL) AS is_lc,
      sum(hp) AS hp,
      sum(earned_term) AS earned_term,
      sum(earned_4t) AS earned_4t,
      count(*) AS registrations,
      count(*) FILTER(
        WHERE
          earned_term >= hp
      ) AS completed
    FROM
      ordered
    GROUP BY
      person_key,
      term_key
  )
SELECT
  pt.person_key,
  t.term,
  pt.term_key,
  h.value AS home,
  c.value AS centre,
  pt.birth_year,
  g.value AS gender,
  p.value AS parental_education,
  pt.foreign_background,
  pt.is_lc,
  pt.hp,
  pt.earned_term,
  pt.earned_4t,
  pt.registrations,
  pt.completed,
  coalesce(f.new_term_key = pt.term_key, false) AS is_new,
  nx.person_key IS NOT NULL
  OR coalesce(d.degree_date <= t.next_term_end, false) AS retained,
  t.next_term_has_data
FROM
  person_term pt
  JOIN int_terms t USING (term_key)
  LEFT JOIN codes h ON h.attribute = 'home'
  AND h.code = pt.home_code
  LEFT JOIN codes c ON c.attribute = 'centre'
  AND c.code = pt.centre_code
  LEFT JOIN codes g ON g.attribute = 'gender'
  AND g.code = pt.gender_code
  LEFT JOIN codes p ON p.attribute = 'parental'
  AND p.code = pt.parental_code
  LEFT JOIN first_new f USING (person_key)
  LEFT JOIN first_degree d USING (person_key)
  -- registered in T+1 (person-terms are unique, so the join adds no rows)
  LEFT JOIN (
    SELECT DISTINCT
      person_key,
      term_key
    FROM
      stg_registrations
  ) nx ON nx.person_key = pt.person_key
  AND nx.term_key = pt.term_key + 1
