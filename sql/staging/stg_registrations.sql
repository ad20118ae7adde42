-- Registrations with duplicate keys (person, term, course, offering) removed: the row
-- loaded first is kept (data test registrations_duplicate_keys counts the others).
-- parental_education 'unknown' is empty, as the attribute rule says. reg_id (load and
-- line) is a stable key for joins. Duplicates are rare: the keys that repeat are found
-- by aggregation, and only their later rows are left out (no window over millions of
-- tiny partitions, no join of every row with its group). Persons are their integer key
-- of stg_persons.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH repeated AS (
  SELECT person_id, term, course_code, course_offering, min((_load_id::BIGINT << 32) | _line) AS kept
  FROM raw_registrations GROUP BY ALL HAVING count(*) > 1
),
dropped AS (
  SELECT (n._load_id::BIGINT << 32) | n._line AS reg_id
  FROM raw_registrations n JOIN repeated r USING (person_id, term, course_code, course_offering)
  WHERE (n._load_id::BIGINT << 32) | n._line <> r.kept
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
