-- The activity indicators of indicators.md (scope activity), one row per activity,
-- review term R and indicator, as known at the review of R: cumulative over the
-- participation terms ≤ R, where a later term (A+1, A+2) counts only when it is ≤ R and
-- the data has registrations in it. Group is always all.
WITH
  reach AS (
    SELECT
      rt.activity_id,
      rt.review_key,
      coalesce(sum(se.participants), 0) AS reach
    FROM
      int_activity_review_terms rt
      LEFT JOIN stg_activity_sessions se ON se.activity_id = rt.activity_id
      AND se.term_key <= rt.review_key
    WHERE
      rt.kind = 'recruitment'
    GROUP BY ALL
  ),
  prospects AS (
    -- each review term R with the linked participants of the activity whose participation
    -- term A is ≤ R (none: one row of NULLs, so that the counts below are 0), and what R
    -- knows of them: A+1 and A+2 are covered when they are ≤ R and the data has
    -- registrations in them; converted within two terms is registered in A+1 or A+2, that
    -- term ≤ R
    SELECT
      rt.activity_id,
      rt.review_key,
      p.person_key,
      p.is_prospect,
      p.registered_1,
      p.registered_2,
      p.parental_education_after,
      p.a_key + 1 <= rt.review_key
      AND p.data_1 AS covered_1,
      p.a_key + 2 <= rt.review_key
      AND p.data_2 AS covered_2,
      p.is_prospect
      AND (
        p.registered_1
        AND p.a_key + 1 <= rt.review_key
        OR p.registered_2
        AND p.a_key + 2 <= rt.review_key
      ) AS converted
    FROM
      int_activity_review_terms rt
      LEFT JOIN int_recruitment_prospects p ON p.activity_id = rt.activity_id
      AND p.a_key <= rt.review_key
    WHERE
      rt.kind = 'recruitment'
  ),
  recruitment AS (
    SELECT
      activity_id,
      review_key,
      count(person_key) AS linked,
      count(*) FILTER(
        WHERE
          is_prospect
      ) AS prospects,
      count(*) FILTER(
        WHERE
          is_prospect
          AND covered_1
      ) AS conversion_1t_n,
      count(*) FILTER(
        WHERE
          is_prospect
          AND covered_1
          AND registered_1
      ) AS conversion_1t_k,
      count(*) FILTER(
        WHERE
          is_prospect
          AND covered_2
      ) AS conversion_2t_n,
      count(*) FILTER(
        WHERE
          is_prospect
          AND covered_2
          AND (
            registered_1
            OR registered_2
          )
      ) AS conversion_2t_k,
      count(*) FILTER(
        WHERE
          converted
      ) AS converted,
      count(*) FILTER(
        WHERE
          converted
          AND parental_education_after IS NOT NULL
      ) AS converted_parental_known,
      count(*) FILTER(
        WHERE
          converted
          AND is_first_generation (parental_education_after)
      ) AS converted_first_generation
    FROM
      prospects
    GROUP BY ALL
  ),
  units AS (
    -- one unit per participant and participation term A (a person in two terms is two units);
    -- sums stay decimal (exact, so the same whatever order threads add them in) until the
    -- totals below are turned into doubles
    SELECT
      activity_id,
      person_key,
      term_key AS a_key,
      sum(hp)::DECIMAL(18, 4) AS x,
      sum(earned_term)::DECIMAL(18, 4) AS y,
      sum(expected)::DECIMAL(18, 9) AS xe,
      (
        sum(earned_term) FILTER(
          WHERE
            expected IS NOT NULL
        )
      )::DECIMAL(18, 4) AS ye,
      count(*) AS registrations,
      sum(completed) AS completed,
      count(completion_diff) AS diffs,
      sum(completion_diff) AS diff_sum,
      sum(completion_diff * completion_diff) AS diff_squares,
      EXISTS (
        SELECT
          1
        FROM
          stg_registrations r
        WHERE
          r.person_key = t.person_key
          AND r.term_key = t.term_key + 1
      ) AS registered_1,
      t.term_key + 1 IN (
        SELECT
          term_key
        FROM
          int_terms
      ) AS data_1
    FROM
      int_throughput_participant_registrations t
    GROUP BY
      activity_id,
      person_key,
      term_key
  ),
  throughput AS (
    -- each review term R with the units of participation terms A ≤ R (none: one row of
    -- NULLs, so that the counts below are 0)
    SELECT
      rt.activity_id,
      rt.review_key,
      count(DISTINCT u.person_key) AS participants,
      count(u.person_key) AS units,
      coalesce(sum(u.x)::DOUBLE, 0) AS sx,
      sum(u.y)::DOUBLE AS sy,
      sum(u.x * u.x)::DOUBLE AS sxx,
      sum(u.y * u.y)::DOUBLE AS syy,
      sum(u.x * u.y)::DOUBLE AS sxy,
      count(u.xe) AS oe_units,
      coalesce(sum(u.xe)::DOUBLE, 0) AS se_x,
      sum(u.ye)::DOUBLE AS se_y,
      sum(u.xe * u.xe)::DOUBLE AS se_xx,
      sum(u.ye * u.ye)::DOUBLE AS se_yy,
      sum(u.xe * u.ye)::DOUBLE AS se_xy,
      coalesce(sum(u.registrations), 0) AS registrations,
      coalesce(sum(u.completed), 0) AS completed,
      coalesce(sum(u.diffs), 0) AS diffs,
      sum(u.diff_sum)::DOUBLE AS diff_sum,
      sum(u.diff_squares)::DOUBLE AS diff_squares,
      -- A+1 covered: ≤ R and the data has registrations in it
      count(*) FILTER(
        WHERE
          u.a_key + 1 <= rt.review_key
          AND u.data_1
      ) AS retention_n,
      count(*) FILTER(
        WHERE
          u.a_key + 1 <= rt.review_key
          AND u.data_1
          AND u.registered_1
      ) AS retention_k
    FROM
      int_activity_review_terms rt
      LEFT JOIN units u ON u.activity_id = rt.activity_id
      AND u.a_key <= rt.review_key
    WHERE
      rt.kind = 'throughput'
    GROUP BY ALL
  ),
  recruitment_rows AS (
    SELECT
      r.activity_id,
      r.review_key,
      unnest(
        list_filter(
          [
            indicator_count ('reach', reach.reach, reach.reach),
            indicator_count ('linked', r.linked, r.linked),
            indicator_count ('prospects', r.prospects, r.prospects),
            indicator_share ('conversion_1t', r.conversion_1t_k, r.conversion_1t_n, r.conversion_1t_n, s.z),
            indicator_share ('conversion_2t', r.conversion_2t_k, r.conversion_2t_n, r.conversion_2t_n, s.z),
            indicator_share (
              'converted_first_generation_share',
              r.converted_first_generation,
              r.converted_parental_known,
              r.converted_parental_known,
              s.z
            ),
            -- cost per term × terms from start_term to min(end_term, R), per person converted
            indicator_quotient (
              'cost_per_conversion',
              a.cost_sek::DOUBLE * (least(coalesce(a.end_key, r.review_key), r.review_key) - a.start_key + 1),
              r.converted,
              1,
              r.converted
            )
          ],
          e -> e IS NOT NULL
        ),
        recursive := true
      )
    FROM
      recruitment r
      JOIN reach USING (activity_id, review_key)
      JOIN stg_activities a USING (activity_id)
      CROSS JOIN build_settings s
  ),
  throughput_rows AS (
    SELECT
      t.activity_id,
      t.review_key,
      unnest(
        list_filter(
          [
            indicator_count ('participants', t.participants, t.participants),
            indicator_ratio (
              'participant_prestationsgrad',
              t.sy,
              t.sx,
              t.units,
              t.participants,
              t.sx,
              t.sy,
              t.sxx,
              t.syy,
              t.sxy,
              s.z,
              true,
              false
            ),
            -- observed over expected is not bounded by 1
            indicator_ratio (
              'prestationsgrad_oe',
              t.se_y,
              t.se_x,
              t.oe_units,
              t.participants,
              t.se_x,
              t.se_y,
              t.se_xx,
              t.se_yy,
              t.se_xy,
              s.z,
              false,
              false
            ),
            indicator_share ('participant_completion_rate', t.completed, t.registrations, t.participants, s.z),
            indicator_mean ('completion_rate_diff', t.diffs, t.participants, t.diff_sum, t.diff_squares, s.z),
            indicator_share ('participant_retention', t.retention_k, t.retention_n, t.retention_n, s.z)
          ],
          e -> e IS NOT NULL
        ),
        recursive := true
      )
    FROM
      throughput t
      CROSS JOIN build_settings s
  )
SELECT
  'activity' AS scope,
  activity_id AS scope_id,
  term_from_key (review_key) AS term,
  indicator,
  'all' AS "group",
  value,
  numerator,
  denominator,
  ci_low,
  ci_high,
  n,
  preliminary,
  indicator_suppressed (ri.suppression_rule, persons, numerator, denominator, s.min_cell, s.share_rule) AS suppressed,
  review_key AS term_key,
  persons,
  ri.kind
FROM
  (
    SELECT
      *
    FROM
      recruitment_rows
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      throughput_rows
  )
  -- the indicator's kind and small-cell rule from the registry (a missing entry is a data
  -- test's finding, sql/tests/indicator_not_in_registry.sql)
  LEFT JOIN ref_indicators ri USING (indicator)
  CROSS JOIN build_settings s
