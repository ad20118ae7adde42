-- Results, one per (person, course, offering, module, date): duplicates count once
-- (indicators.md). Of duplicates the passing one with the most credits is kept.
-- F, FX and U (any case) fail; anything else, also an empty grade, passes.
SELECT
  row_number() OVER (ORDER BY _load_id, _line) AS result_id,
  person_id,
  course_code,
  course_offering,
  module_code,
  credits,
  grade,
  upper(coalesce(grade, '')) NOT IN ('F', 'FX', 'U') AS passed,
  result_date,
  term
FROM raw_results
QUALIFY row_number() OVER (
  PARTITION BY person_id, course_code, course_offering, module_code, result_date
  ORDER BY upper(coalesce(grade, '')) NOT IN ('F', 'FX', 'U') DESC, credits DESC, _load_id, _line
) = 1
