-- Results, one per (person, course, offering, module, date): duplicates count once
-- (indicators.md). Of duplicates a passing one with the most credits is kept.
-- F, FX and U (any case) fail; anything else, also an empty grade, passes.
-- result_id (load and line of the first row) is a stable key; persons are their
-- integer key of stg_persons. Duplicates are rare: only results whose key's 64-bit hash
-- repeats are aggregated (by the exact key); the others are kept as they are. A hash
-- that repeats is found by sorting the hashes and comparing each with the one before:
-- at 21 million results that took a third of the time of a hash aggregate over them.
-- materialized: view (row level, read by other models while building; not stored twice)
-- build: inline (int_result_links is its one reader while building: not stored at all)
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
              hash(person_id, course_code, course_offering, module_code, result_date) AS key_hash
            FROM
              raw_results
          )
      )
    WHERE
      again
  ),
  graded AS NOT MATERIALIZED (
    SELECT
      (_load_id::BIGINT << 32) | _line AS row_id,
      *,
      upper(coalesce(grade, '')) NOT IN ('F', 'FX', 'U') AS passed,
      hash(person_id, course_code, course_offering, module_code, result_date) AS key_hash
    FROM
      raw_results
  ),
  kept AS (
    SELECT
      row_id AS result_id,
      person_id,
      course_code,
      course_offering,
      module_code,
      credits,
      grade,
      passed,
      result_date,
      term
    FROM
      graded
      ANTI JOIN repeated USING (key_hash)
    UNION ALL
    SELECT
      min(row_id),
      person_id,
      course_code,
      course_offering,
      module_code,
      -- the kept result: passing before failing, then most credits (plain aggregates: an
      -- arg_max over a (passed, credits) pair costs seconds on millions of results)
      coalesce(
        max(credits) FILTER(
          WHERE
            passed
        ),
        max(credits)
      ),
      coalesce(
        max(grade) FILTER(
          WHERE
            passed
        ),
        max(grade)
      ),
      bool_or(passed),
      result_date,
      min(term)
    FROM
      graded
      SEMI JOIN repeated USING (key_hash)
    GROUP BY
      person_id,
      course_code,
      course_offering,
      module_code,
      result_date
  )
SELECT
  k.result_id,
  p.person_key,
  k.course_code,
  k.course_offering,
  k.module_code,
  k.credits,
  k.grade,
  k.passed,
  k.result_date,
  k.term
FROM
  kept k
  JOIN stg_persons p USING (person_id)
