-- One row per person and term with registrations: the person's attributes in the term
-- (the first non-empty value among their registrations ordered by registration_date,
-- empty dates last, then course_code, then course_offering), LC status (any
-- registration with a centre), whether they are new (their earliest first_time term),
-- retention, and the per-person sums behind every indicator.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH course_order AS (
  -- the rank of (course_code, course_offering) in that order, over the few distinct pairs
  -- (neither is ever empty: course_offering defaults to ''), with the date span. (No
  -- cross join in the big join below: inside the build's transaction the planner sees
  -- no row counts and would happily cross the registrations with something.)
  SELECT course_code, course_offering, first_date, span,
    row_number() OVER (ORDER BY course_code, course_offering) AS course_rank,
    count(*) OVER () AS pairs
  FROM (
    SELECT course_code, course_offering, any_value(d.first_date) AS first_date, any_value(d.span) AS span
    FROM stg_registrations,
      (SELECT min(registration_date) AS first_date, max(registration_date) - min(registration_date) AS span FROM stg_registrations) d
    GROUP BY course_code, course_offering
  )
),
ordered AS (
  SELECT reg.*, c.earned_term, c.earned_4t,
    -- the attribute order as one BIGINT: days since the first date (empty dates after the
    -- last, or all alike when no registration has a date), then the course rank. A
    -- person's (course, offering) pairs in a term are unique, so there are no ties. An
    -- integer key needs no sort of the registrations (the global row_number did).
    coalesce(reg.registration_date - co.first_date, coalesce(co.span, 0) + 1) * co.pairs + co.course_rank AS attribute_order
  FROM stg_registrations reg
  JOIN int_registration_credits c ON c.reg_id = reg.reg_id
  JOIN course_order co ON co.course_code = reg.course_code AND co.course_offering = reg.course_offering
),
first_new AS (
  SELECT person_key, min(term_key) AS new_term_key FROM stg_registrations WHERE first_time GROUP BY person_key
),
first_degree AS (
  SELECT person_key, min(degree_date) AS degree_date FROM stg_degrees GROUP BY person_key
),
person_term AS (
  SELECT
    person_key, term_key,
    arg_min(home_municipality, attribute_order) FILTER (WHERE home_municipality IS NOT NULL) AS home,
    arg_min(centre_id, attribute_order) FILTER (WHERE centre_id IS NOT NULL) AS centre,
    arg_min(birth_year, attribute_order) FILTER (WHERE birth_year IS NOT NULL) AS birth_year,
    arg_min(gender, attribute_order) FILTER (WHERE gender IS NOT NULL) AS gender,
    arg_min(parental_education, attribute_order) FILTER (WHERE parental_education IS NOT NULL) AS parental_education,
    arg_min(foreign_background, attribute_order) FILTER (WHERE foreign_background IS NOT NULL) AS foreign_background,
    bool_or(centre_id IS NOT NULL) AS is_lc,
    sum(credits) AS hp,
    sum(earned_term) AS earned_term,
    sum(earned_4t) AS earned_4t,
    count(*) AS registrations,
    count(*) FILTER (WHERE earned_term >= credits) AS completed
  FROM ordered
  GROUP BY person_key, term_key
)
SELECT
  pt.person_key, t.term, pt.term_key, pt.home, pt.centre, pt.birth_year, pt.gender, pt.parental_education,
  pt.foreign_background, pt.is_lc, pt.hp, pt.earned_term, pt.earned_4t, pt.registrations, pt.completed,
  coalesce(f.new_term_key = pt.term_key, false) AS is_new,
  nx.person_key IS NOT NULL OR coalesce(d.degree_date <= t.next_term_end, false) AS retained,
  t.next_term_has_data
FROM person_term pt
JOIN int_terms t USING (term_key)
LEFT JOIN first_new f USING (person_key)
LEFT JOIN first_degree d USING (person_key)
-- registered in T+1 (person-terms are unique, so the join adds no rows)
LEFT JOIN (SELECT DISTINCT person_key, term_key FROM stg_registrations) nx
  ON nx.person_key = pt.person_key AND nx.term_key = pt.term_key + 1
