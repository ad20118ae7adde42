-- After staging, one registration per person, term, course and offering.
WITH
  repeated AS (
    -- keys whose 64-bit hash repeats (next to each other once sorted) are the only
    -- candidates; among their rows the exact key decides
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
              hash(person_key, term, course_code, course_offering) AS key_hash
            FROM
              stg_registrations
          )
      )
    WHERE
      again
  )
SELECT
  person_key,
  term,
  course_code,
  course_offering,
  count(*) AS n
FROM
  (
    SELECT
      *,
      hash(person_key, term, course_code, course_offering) AS key_hash
    FROM
      stg_registrations
  )
  SEMI JOIN repeated USING (key_hash)
GROUP BY
  person_key,
  term,
  course_code,
  course_offering
HAVING
  count(*) > 1
