-- Each result linked to the registration it belongs to: same person and course, an
-- offering that matches when both give one, and the result's term — or, when the
-- result has none, the latest registration term starting on or before result_date.
-- Ties go to the registration whose offering matches exactly, then the first loaded.
-- Results that link to nothing are counted by the data test results_without_registration.
SELECT
  res.result_id,
  arg_max(reg.reg_id, (reg.term_key, (reg.course_offering = res.course_offering)::INTEGER, -reg.reg_id)) AS reg_id,
  max(reg.term_key) AS term_key
FROM stg_results res
JOIN stg_registrations reg
  ON reg.person_id = res.person_id
 AND reg.course_code = res.course_code
 AND (res.course_offering = '' OR reg.course_offering = '' OR reg.course_offering = res.course_offering)
JOIN int_terms rt ON rt.term_key = reg.term_key
WHERE (res.term IS NOT NULL AND reg.term = res.term)
   OR (res.term IS NULL AND rt.term_start <= res.result_date)
GROUP BY res.result_id
