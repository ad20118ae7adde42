-- Registrations with duplicate keys (person, term, course, offering) removed: the row
-- loaded first is kept (data test registrations_duplicate_keys counts the others).
-- parental_education 'unknown' is empty, as the attribute rule says. reg_id (load and
-- line) is a stable key for joins. The first row of a key is found by aggregation and
-- a join, not a window: millions of tiny partitions make a window slow. Persons are
-- their integer key of stg_persons.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH numbered AS (
  SELECT (_load_id::BIGINT << 32) | _line AS reg_id, p.person_key, r.* EXCLUDE (person_id)
  FROM raw_registrations r JOIN stg_persons p USING (person_id)
),
firsts AS (
  SELECT min(reg_id) AS reg_id FROM numbered GROUP BY person_key, term, course_code, course_offering
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
FROM numbered SEMI JOIN firsts USING (reg_id)
