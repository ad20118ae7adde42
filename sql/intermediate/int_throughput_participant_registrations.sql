-- Participant registrations of throughput activities with their comparison pools. The
-- participants of term A are linked participants with a session in A and a
-- registration in A; all their registrations in A are participant registrations. The
-- pool of one is the non-participants' registrations on the same course in the same
-- term, or, when that holds fewer than 5, all non-participant registrations of the term
-- (indicators.md). Pools are totals minus the activity's own participants.
WITH
  attended AS (
    SELECT DISTINCT
      p.activity_id,
      p.person_key,
      p.term_key
    FROM
      stg_participations p
      JOIN stg_activities a USING (activity_id)
    WHERE
      a.kind = 'throughput'
  ),
  registrations AS (
    SELECT
      reg_id,
      person_key,
      term_key,
      course_code,
      hp,
      earned_term,
      (earned_term >= hp)::INTEGER AS completed
    FROM
      int_registration_credits
  ),
  participant AS (
    SELECT
      att.activity_id,
      r.*
    FROM
      attended att
      JOIN registrations r USING (person_key, term_key)
  ),
  course_all AS (
    SELECT
      course_code,
      term_key,
      count(*) AS n,
      sum(hp) AS hp,
      sum(earned_term) AS earned,
      sum(completed) AS completed
    FROM
      registrations
    GROUP BY ALL
  ),
  term_all AS (
    SELECT
      term_key,
      count(*) AS n,
      sum(hp) AS hp,
      sum(earned_term) AS earned,
      sum(completed) AS completed
    FROM
      registrations
    GROUP BY ALL
  ),
  course_own AS (
    SELECT
      activity_id,
      course_code,
      term_key,
      count(*) AS n,
      sum(hp) AS hp,
      sum(earned_term) AS earned,
      sum(completed) AS completed
    FROM
      participant
    GROUP BY ALL
  ),
  term_own AS (
    SELECT
      activity_id,
      term_key,
      count(*) AS n,
      sum(hp) AS hp,
      sum(earned_term) AS earned,
      sum(completed) AS completed
    FROM
      participant
    GROUP BY ALL
  ),
  pooled AS (
    SELECT
      p.*,
      ca.n - co.n >= 5 AS course_pool,
      CASE
        WHEN ca.n - co.n >= 5 THEN ca.n - co.n
        ELSE ta.n - tw.n
      END AS pool_n,
      CASE
        WHEN ca.n - co.n >= 5 THEN ca.hp - co.hp
        ELSE ta.hp - tw.hp
      END AS pool_hp,
      CASE
        WHEN ca.n - co.n >= 5 THEN ca.earned - co.earned
        ELSE ta.earned - tw.earned
      END AS pool_earned,
      CASE
        WHEN ca.n - co.n >= 5 THEN ca.completed - co.completed
        ELSE ta.completed - tw.completed
      END AS pool_completed
    FROM
      participant p
      JOIN course_all ca USING (course_code, term_key)
      JOIN course_own co USING (activity_id, course_code, term_key)
      JOIN term_all ta USING (term_key)
      JOIN term_own tw USING (activity_id, term_key)
  )
SELECT
  *,
  -- expected(r) = hp(r) × the pool's Σ earned / Σ hp; undefined for an empty pool.
  -- Both are kept as decimals (9 places) so that their sums are exact: a sum of doubles
  -- depends on the order threads add them, and the published digits would change.
  CASE
    WHEN pool_hp > 0 THEN (hp::DOUBLE * pool_earned::DOUBLE / pool_hp::DOUBLE)::DECIMAL(18, 9)
  END AS expected,
  CASE
    WHEN pool_n > 0 THEN (completed - pool_completed::DOUBLE / pool_n)::DECIMAL(18, 9)
  END AS completion_diff
FROM
  pooled
