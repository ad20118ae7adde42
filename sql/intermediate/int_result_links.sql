-- Each result linked to the registration it belongs to: same person and course, an
-- offering that matches when both give one, and the result's term — or, when the
-- result has none, the latest registration term starting on or before result_date.
-- A registration on the result's own offering goes before one that names no offering
-- (data-contract.md: "on the course (and offering, when given)"), whatever its term;
-- then the later term, then the first loaded.
-- Most persons register on a course once: a result can then match that registration
-- only, and needs no choosing. Only results of the few (person, course) pairs with
-- several registrations go through the preference order.
-- The result's own facts that earned credits need ride along, so that
-- int_registration_credits reads this model alone, not the results again.
-- Results that link to nothing are counted by the data test results_without_registration.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH repeated AS (
  SELECT person_key, course_code FROM stg_registrations GROUP BY person_key, course_code HAVING count(*) > 1
),
registrations AS (
  SELECT reg.reg_id, reg.person_key, reg.course_code, reg.course_offering, reg.term, reg.term_key, t.term_start,
    (r.person_key IS NOT NULL) AS repeated
  FROM stg_registrations reg
  JOIN int_terms t USING (term_key)
  LEFT JOIN repeated r USING (person_key, course_code)
),
candidates AS (
  SELECT res.result_id, reg.reg_id, reg.term_key, reg.repeated,
    res.module_code IS NOT NULL AS is_module, res.passed, res.credits, res.result_date,
    -- an exact offering match first, then the later term
    (res.course_offering <> '' AND reg.course_offering = res.course_offering)::INTEGER * 65536 + reg.term_key AS preference
  FROM stg_results res
  JOIN registrations reg
    ON reg.person_key = res.person_key
   AND reg.course_code = res.course_code
   AND (res.course_offering = '' OR reg.course_offering = '' OR reg.course_offering = res.course_offering)
  WHERE (res.term IS NOT NULL AND reg.term = res.term)
     OR (res.term IS NULL AND reg.term_start <= res.result_date)
),
chosen AS (
  SELECT c.result_id, c.reg_id, c.term_key, c.is_module, c.passed, c.credits, c.result_date
  FROM candidates c
  WHERE c.repeated
  QUALIFY c.preference = max(c.preference) OVER (PARTITION BY c.result_id)
)
SELECT result_id, reg_id, term_key, is_module, passed, credits, result_date FROM candidates WHERE NOT repeated
UNION ALL
-- of equally preferred registrations, the first loaded (the other columns are alike)
SELECT result_id, min(reg_id), any_value(term_key), any_value(is_module), any_value(passed), any_value(credits), any_value(result_date)
FROM chosen GROUP BY result_id
