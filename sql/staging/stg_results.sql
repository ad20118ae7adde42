-- Results, one per (person, course, offering, module, date): duplicates count once
-- (indicators.md). Of duplicates a passing one with the most credits is kept.
-- F, FX and U (any case) fail; anything else, also an empty grade, passes.
-- result_id (load and line of the first row) is a stable key; persons are their
-- integer key of stg_persons.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH graded AS (
  SELECT (_load_id::BIGINT << 32) | _line AS row_id, p.person_key, r.* EXCLUDE (person_id), upper(coalesce(grade, '')) NOT IN ('F', 'FX', 'U') AS passed
  FROM raw_results r JOIN stg_persons p USING (person_id)
)
SELECT
  min(row_id) AS result_id,
  person_key,
  course_code,
  course_offering,
  module_code,
  -- the kept result: passing before failing, then most credits (plain aggregates: an
  -- arg_max over a (passed, credits) pair costs seconds on millions of results)
  coalesce(max(credits) FILTER (WHERE passed), max(credits)) AS credits,
  coalesce(max(grade) FILTER (WHERE passed), max(grade)) AS grade,
  bool_or(passed) AS passed,
  result_date,
  min(term) AS term
FROM graded
GROUP BY person_key, course_code, course_offering, module_code, result_date
