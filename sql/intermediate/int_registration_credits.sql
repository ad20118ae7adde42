-- Credits earned per registration (indicators.md, earned(r, cutoff)): passing linked
-- results dated on or before the cutoff; when the registration has any module-level
-- result, only module-level results count, else whole-course ones; capped at hp(r).
-- Both cutoffs: the term cutoff and the four-term cutoff. Results are summed per
-- registration first, so the registrations are joined once; the results' facts come
-- with their links (int_result_links), so the results are not read again.
-- materialized: view (row level, read by other models while building; not stored twice)
WITH
  linked AS (
    SELECT
      l.reg_id,
      l.is_module,
      l.passed,
      l.credits,
      l.result_date,
      t.term_cutoff,
      t.four_term_cutoff
    FROM
      int_result_links l
      JOIN int_terms t USING (term_key)
  ),
  sums AS (
    SELECT
      reg_id,
      bool_or(is_module) AS has_module,
      sum(credits) FILTER(
        WHERE
          passed
          AND is_module
          AND result_date <= term_cutoff
      ) AS module_term,
      sum(credits) FILTER(
        WHERE
          passed
          AND NOT is_module
          AND result_date <= term_cutoff
      ) AS course_term,
      sum(credits) FILTER(
        WHERE
          passed
          AND is_module
          AND result_date <= four_term_cutoff
      ) AS module_4t,
      sum(credits) FILTER(
        WHERE
          passed
          AND NOT is_module
          AND result_date <= four_term_cutoff
      ) AS course_4t
    FROM
      linked
    GROUP BY
      reg_id
  )
SELECT
  reg.reg_id,
  reg.person_key,
  reg.term,
  reg.term_key,
  reg.course_code,
  reg.credits AS hp,
  least(
    reg.credits,
    coalesce(
      CASE
        WHEN s.has_module THEN s.module_term
        ELSE s.course_term
      END,
      0
    )
  ) AS earned_term,
  least(
    reg.credits,
    coalesce(
      CASE
        WHEN s.has_module THEN s.module_4t
        ELSE s.course_4t
      END,
      0
    )
  ) AS earned_4t,
  -- what int_person_terms needs besides, so that it need not join the registrations again
  reg.course_offering,
  reg.registration_date,
  reg.home_municipality,
  reg.centre_id,
  reg.birth_year,
  reg.gender,
  reg.parental_education,
  reg.foreign_background
FROM
  stg_registrations reg
  LEFT JOIN sums s USING (reg_id)
