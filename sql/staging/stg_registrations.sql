-- Registrations with duplicate keys (person, term, course, offering) removed: the row
-- loaded first is kept (stg_registration_duplicates finds them; the data test
-- registrations_duplicate_keys counts the others). parental_education 'unknown' is
-- empty, as the attribute rule says. reg_id (load and line) is a stable key for joins.
-- Persons are their integer key of stg_persons.
-- materialized: view (row level, read by other models while building; not stored twice)
SELECT
  reg_id,
  person_key,
  term,
  canonical_term_key (term) AS term_key,
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
FROM
  (
    SELECT
      (_load_id::BIGINT << 32) | _line AS reg_id,
      *
    FROM
      raw_registrations
  )
  JOIN stg_persons USING (person_id)
  ANTI JOIN (
    SELECT
      reg_id
    FROM
      stg_registration_duplicates
    WHERE
      NOT kept
  ) USING (reg_id)
