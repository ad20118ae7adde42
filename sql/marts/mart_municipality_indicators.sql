-- The municipality indicators of indicators.md for scopes municipality, county, region
-- and centre, every term with registrations, groups all / lc / non_lc, one row per
-- indicator with numerator, denominator, 95 % interval and n. Unsuppressed: the
-- suppressed column says what published output must hide.
WITH
  rows AS (
    SELECT
      g.scope,
      g.scope_id,
      g.term,
      g.term_key,
      g."group",
      unnest(
        list_filter(
          [
            indicator_count ('new_students', g.new_students, g.new_students),
            indicator_quotient ('new_students_per_10k', g.new_students, p.population, 10000, g.new_students),
            indicator_share ('new_lc_share', g.new_lc, g.new_students, g.new_students, s.z),
            indicator_share ('first_generation_share', g.first_generation, g.parental_known, g.parental_known, s.z),
            indicator_share ('low_parental_education_share', g.low_parental, g.parental_known, g.parental_known, s.z),
            indicator_share ('mature_share', g.mature, g.age_known, g.age_known, s.z),
            indicator_share ('foreign_background_share', g.foreign_background, g.background_known, g.background_known, s.z),
            indicator_share ('women_share', g.women, g.gender_known, g.gender_known, s.z),
            indicator_count ('hst', g.sx / 60, g.persons),
            indicator_count ('hpr', g.sy / 60, g.persons),
            -- indicators.md defines prestationsgrad as hpr / hst, so its numerator and denominator
            -- are hpr and hst (Σ credits / 60), and prestationsgrad_4t as Σ earned (four-term
            -- cutoff) / Σ hp, so its are in credits. Value and interval do not depend on it: both
            -- are computed from the sums in credits.
            indicator_ratio (
              'prestationsgrad',
              g.sy / 60,
              g.sx / 60,
              g.persons,
              g.persons,
              g.sx,
              g.sy,
              g.sxx::DOUBLE,
              g.syy::DOUBLE,
              g.sxy::DOUBLE,
              s.z,
              true,
              false
            ),
            indicator_ratio (
              'prestationsgrad_4t',
              g.sy4,
              g.sx,
              g.persons,
              g.persons,
              g.sx,
              g.sy4,
              g.sxx::DOUBLE,
              g.syy4::DOUBLE,
              g.sxy4::DOUBLE,
              s.z,
              true,
              t.four_term_preliminary
            ),
            indicator_share ('completion_rate', g.completed, g.registrations, g.persons, s.z),
            CASE
              WHEN t.next_term_has_data THEN indicator_share ('retention', g.retained, g.persons, g.persons, s.z)
            END
          ],
          r -> r IS NOT NULL
        ),
        recursive := true
      )
    FROM
      int_scope_groups g
      JOIN int_terms t USING (term)
      LEFT JOIN int_scope_population p USING (scope, scope_id, term)
      CROSS JOIN build_settings s
  )
SELECT
  scope,
  scope_id,
  term,
  indicator,
  "group",
  value,
  numerator,
  denominator,
  ci_low,
  ci_high,
  n,
  preliminary,
  indicator_suppressed (ri.suppression_rule, persons, numerator, denominator, s.min_cell, s.share_rule) AS suppressed,
  term_key,
  persons,
  ri.kind
FROM
  rows
  -- the indicator's kind and small-cell rule from the registry (a missing entry is a data
  -- test's finding, sql/tests/indicator_not_in_registry.sql)
  LEFT JOIN ref_indicators ri USING (indicator)
  CROSS JOIN build_settings s
