-- severity: warn. Results that link to no registration (no registration of the person on the course in the result's term); they earn no credits.
SELECT
  r.result_id,
  r.course_code,
  term_from_key (l.result_term_key) AS term,
  r.result_date
  -- course and date from the result's row as loaded (result_id is its load and line; the
  -- same in every copy of a duplicate), the term the link used: stg_results is not stored
  -- while building
FROM
  (
    SELECT
      (_load_id::BIGINT << 32) | _line AS result_id,
      course_code,
      result_date
    FROM
      raw_results
  ) r
  JOIN (
    SELECT
      result_id,
      result_term_key
    FROM
      int_result_links
    WHERE
      reg_id IS NULL
  ) l USING (result_id)
