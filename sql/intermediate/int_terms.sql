-- Every term that has registrations, with its teaching span and cutoffs: the term cutoff
-- (end of teaching + grace_days) and the four-term cutoff (end of T+3), and whether the
-- data covers T+1.
WITH
  terms AS (
    SELECT DISTINCT
      term,
      term_key
    FROM
      stg_registrations
  )
SELECT
  t.term,
  t.term_key,
  term_start_of_key (t.term_key) AS term_start,
  term_end_of_key (t.term_key) AS term_end,
  term_end_of_key (t.term_key) + s.grace_days AS term_cutoff,
  term_end_of_key (t.term_key + 3) AS four_term_cutoff,
  s.as_of IS NULL
  OR s.as_of < term_end_of_key (t.term_key + 3) AS four_term_preliminary,
  term_end_of_key (t.term_key + 1) AS next_term_end,
  t.term_key + 1 IN (
    SELECT
      term_key
    FROM
      terms
  ) AS next_term_has_data
FROM
  terms t,
  build_settings s
