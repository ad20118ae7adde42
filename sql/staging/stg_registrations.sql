-- Registrations with duplicate keys (person, term, course, offering) removed: the row
-- loaded first is kept (data test registrations_duplicate_keys counts the others).
-- parental_education 'unknown' is empty, as the attribute rule says. reg_id is a
-- stable surrogate key for joins.
SELECT
  row_number() OVER (ORDER BY _load_id, _line) AS reg_id,
  person_id,
  term,
  canonical_term_key(term) AS term_key,
  course_code,
  course_offering,
  program_code,
  credits,
  first_time,
  home_municipality,
  centre_id,
  registration_date,
  distance,
  birth_year,
  gender,
  nullif(parental_education, 'unknown') AS parental_education,
  foreign_background
FROM raw_registrations
QUALIFY row_number() OVER (PARTITION BY person_id, term, course_code, course_offering ORDER BY _load_id, _line) = 1
