-- Every loaded registration row whose key (person, term, course, offering) was loaded
-- more than once, and whether it is the row kept: the first loaded. stg_registrations
-- drops the others, and the data test registrations_duplicate_keys counts them, so
-- duplicates are looked for once. Duplicates are rare, so they are looked for cheaply:
-- keys whose 64-bit hash repeats are the only candidates (found by sorting the hashes
-- and comparing each with the one before, as in stg_results), and among their rows the
-- exact key decides.
WITH
  repeated AS (
    SELECT DISTINCT
      key_hash
    FROM
      (
        SELECT
          key_hash,
          key_hash = lag (key_hash) OVER (
            ORDER BY
              key_hash
          ) AS again
        FROM
          (
            SELECT
              hash(person_id, term, course_code, course_offering) AS key_hash
            FROM
              raw_registrations
          )
      )
    WHERE
      again
  ),
  candidates AS (
    SELECT
      (_load_id::BIGINT << 32) | _line AS reg_id,
      person_id,
      term,
      course_code,
      course_offering
    FROM
      (
        SELECT
          *,
          hash(person_id, term, course_code, course_offering) AS key_hash
        FROM
          raw_registrations
      )
      SEMI JOIN repeated USING (key_hash)
  )
SELECT
  c.reg_id,
  p.person_key,
  c.term,
  c.course_code,
  c.course_offering,
  c.reg_id = min(c.reg_id) OVER key_rows AS kept
FROM
  candidates c
  JOIN stg_persons p USING (person_id)
WINDOW
  key_rows AS (
    PARTITION BY
      c.person_id,
      c.term,
      c.course_code,
      c.course_offering
  )
  -- a key whose hash only collides with another key's is no duplicate
QUALIFY
  count(*) OVER key_rows > 1
