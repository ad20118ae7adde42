-- Registrations with duplicate keys (person, term, course, offering) removed: the row
-- loaded first is kept (data test registrations_duplicate_keys counts the others).
-- parental_education 'unknown' is empty, as the attribute rule says. reg_id (load and
-- line) is a stable key for joins. Duplicates are rare, so they are looked for cheaply:
-- keys whose 64-bit hash repeats are the only candidates (a hash aggregate over one
-- integer, not four strings), and among their rows the exact key decides. Persons are
-- their integer key of stg_persons.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH repeated AS (
  SELECT key_hash FROM (SELECT hash(person_id, term, course_code, course_offering) AS key_hash FROM raw_registrations)
  GROUP BY key_hash HAVING count(*) > 1
),
dropped AS (
  -- the later rows of each key among the candidates
  SELECT reg_id FROM (
    SELECT (_load_id::BIGINT << 32) | _line AS reg_id, person_id, term, course_code, course_offering,
      hash(person_id, term, course_code, course_offering) AS key_hash
    FROM raw_registrations
  ) SEMI JOIN repeated USING (key_hash)
  QUALIFY reg_id <> min(reg_id) OVER (PARTITION BY person_id, term, course_code, course_offering)
)
SELECT
  reg_id,
  person_key,
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
FROM (SELECT (_load_id::BIGINT << 32) | _line AS reg_id, * FROM raw_registrations)
JOIN stg_persons USING (person_id)
ANTI JOIN dropped USING (reg_id)
