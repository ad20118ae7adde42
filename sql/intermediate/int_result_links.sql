-- Each result linked to the registration it belongs to: same person and course, an
-- offering that matches when both give one, and the result's term — or, when the
-- result has none, the latest registration term starting on or before result_date.
-- A registration on the result's own offering goes before one that names no offering
-- (data-contract.md: "on the course (and offering, when given)"), whatever its term;
-- then the later term, then the first loaded.
-- Every result has one row; one that links to nothing has no reg_id (and no term_key):
-- the data test results_without_registration lists them.
-- Most persons register on a course once: a result can then match that registration
-- only, and needs no choosing. Only results of the few (person, course) pairs with
-- several registrations go through the preference order. Those pairs are found by
-- their 64-bit hash repeating (next to each other once sorted); a pair whose hash merely
-- collides with another's goes through the preference order too, with the same result.
-- The result's own facts that earned credits need ride along, so that
-- int_registration_credits reads this model alone, not the results again; and the
-- key of the result's own term (empty when it gives none), which mart_data_coverage and
-- the data test results_without_registration read.
-- stg_results is made here only (build: inline), so nothing else reads it while building.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH
  repeated AS (
    SELECT DISTINCT
      pair_hash
    FROM
      (
        SELECT
          pair_hash,
          pair_hash = lag (pair_hash) OVER (
            ORDER BY
              pair_hash
          ) AS again
        FROM
          (
            SELECT
              hash(person_key, course_code) AS pair_hash
            FROM
              stg_registrations
          )
      )
    WHERE
      again
  ),
  registrations AS (
    SELECT
      reg.reg_id,
      reg.person_key,
      reg.course_code,
      reg.course_offering,
      reg.term,
      reg.term_key,
      t.term_start,
      (r.pair_hash IS NOT NULL) AS repeated
    FROM
      stg_registrations reg
      JOIN int_terms t USING (term_key)
      LEFT JOIN repeated r ON r.pair_hash = hash(reg.person_key, reg.course_code)
  ),
  pairs AS (
    -- every result with each registration of the person on the course (or none); the
    -- offering and term rules are a column, not a join condition, so that the join stays
    -- a hash join on the two keys and keeps the results that match nothing
    SELECT
      res.result_id,
      coalesce(reg.repeated, false) AS repeated,
      res.module_code IS NOT NULL AS is_module,
      res.passed,
      res.credits,
      res.result_date,
      canonical_term_key (res.term) AS result_term_key,
      coalesce(
        (
          res.course_offering = ''
          OR reg.course_offering = ''
          OR reg.course_offering = res.course_offering
        )
        AND CASE
          WHEN res.term IS NOT NULL THEN reg.term = res.term
          ELSE reg.term_start <= res.result_date
        END,
        false
      ) AS matches,
      -- the registration only when it matches
      CASE
        WHEN matches THEN reg.reg_id
      END AS reg_id,
      CASE
        WHEN matches THEN reg.term_key
      END AS term_key,
      -- an exact offering match first, then the later term (an empty offering, which ingest
      -- writes as '', is no match: never a NULL preference that would lose the result)
      coalesce(
        res.course_offering <> ''
        AND reg.course_offering = res.course_offering,
        false
      )::INTEGER * 65536 + reg.term_key AS preference
    FROM
      stg_results res
      LEFT JOIN registrations reg ON reg.person_key = res.person_key
      AND reg.course_code = res.course_code
  ),
  chosen AS (
    -- results with several registrations to choose from: the matching ones of the highest
    -- preference, or one row with no registration when none matches
    SELECT
      result_id,
      reg_id,
      term_key,
      is_module,
      passed,
      credits,
      result_date,
      result_term_key
    FROM
      pairs
    WHERE
      repeated
    WINDOW
      w AS (
        PARTITION BY
          result_id
      )
    QUALIFY
      matches = bool_or(matches) OVER w
      AND (
        NOT matches
        OR preference = max(preference) FILTER(
          WHERE
            matches
        ) OVER w
      )
  )
SELECT
  result_id,
  reg_id,
  term_key,
  is_module,
  passed,
  credits,
  result_date,
  result_term_key
FROM
  pairs
WHERE
  NOT repeated
UNION ALL
-- of equally preferred registrations, the first loaded (the other columns are alike)
SELECT
  result_id,
  min(reg_id),
  any_value(term_key),
  any_value(is_module),
  any_value(passed),
  any_value(credits),
  any_value(result_date),
  any_value(result_term_key)
FROM
  chosen
GROUP BY
  result_id
