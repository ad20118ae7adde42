-- Each result linked to the registration it belongs to: same person and course, an
-- offering that matches when both give one, and the result's term — or, when the
-- result has none, the latest registration term starting on or before result_date.
-- A registration on the result's own offering goes before one that names no offering
-- (data-contract.md: "on the course (and offering, when given)"), whatever its term;
-- then the later term, then the first loaded.
-- Results that link to nothing are counted by the data test results_without_registration.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH candidates AS (
  SELECT res.result_id, reg.reg_id,
    -- an exact offering match first, then the later term
    (res.course_offering <> '' AND reg.course_offering = res.course_offering)::INTEGER * 65536 + reg.term_key AS preference
  FROM stg_results res
  JOIN stg_registrations reg
    ON reg.person_key = res.person_key
   AND reg.course_code = res.course_code
   AND (res.course_offering = '' OR reg.course_offering = '' OR reg.course_offering = res.course_offering)
  JOIN int_terms rt ON rt.term_key = reg.term_key
  WHERE (res.term IS NOT NULL AND reg.term = res.term)
     OR (res.term IS NULL AND rt.term_start <= res.result_date)
),
best AS (
  SELECT result_id, max(preference) AS preference FROM candidates GROUP BY result_id
)
-- of equally preferred registrations, the first loaded
SELECT c.result_id, min(c.reg_id) AS reg_id, c.preference % 65536 AS term_key
FROM candidates c JOIN best USING (result_id, preference)
GROUP BY c.result_id, c.preference
