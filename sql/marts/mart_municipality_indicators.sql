-- The municipality indicators of indicators.md for scopes municipality, county, region
-- and centre, every term with registrations, groups all / lc / non_lc, one row per
-- indicator with numerator, denominator, 95 % interval and n. Unsuppressed: the
-- suppressed column says what published output must hide.
WITH rows AS (
  SELECT g.scope, g.scope_id, g.term, g.term_key, g."group", unnest(list_filter([
    indicator_count('new_students', g.new_students, g.new_students),
    CASE WHEN p.population > 0 THEN
      {'indicator': 'new_students_per_10k', 'value': g.new_students * 10000.0 / p.population,
       'numerator': g.new_students::DOUBLE, 'denominator': p.population::DOUBLE, 'ci_low': NULL::DOUBLE, 'ci_high': NULL::DOUBLE,
       'n': g.new_students::DOUBLE, 'preliminary': false, 'persons': g.new_students::BIGINT, 'kind': 'rate'} END,
    indicator_share('new_lc_share', g.new_lc, g.new_students, g.new_students, s.z),
    indicator_share('first_generation_share', g.first_generation, g.parental_known, g.parental_known, s.z),
    indicator_share('low_parental_education_share', g.low_parental, g.parental_known, g.parental_known, s.z),
    indicator_share('mature_share', g.mature, g.age_known, g.age_known, s.z),
    indicator_share('foreign_background_share', g.foreign_background, g.background_known, g.background_known, s.z),
    indicator_share('women_share', g.women, g.gender_known, g.gender_known, s.z),
    indicator_count('hst', g.sx / 60, g.persons),
    indicator_count('hpr', g.sy / 60, g.persons),
    indicator_ratio('prestationsgrad', g.sy / 60, g.sx / 60, g.persons, g.persons, g.sx, g.sy, g.sxx::DOUBLE, g.syy::DOUBLE, g.sxy::DOUBLE, s.z, true, false),
    indicator_ratio('prestationsgrad_4t', g.sy4, g.sx, g.persons, g.persons, g.sx, g.sy4, g.sxx::DOUBLE, g.syy4::DOUBLE, g.sxy4::DOUBLE, s.z, true, t.four_term_preliminary),
    indicator_share('completion_rate', g.completed, g.registrations, g.persons, s.z),
    CASE WHEN t.next_term_has_data THEN indicator_share('retention', g.retained, g.persons, g.persons, s.z) END
  ], r -> r IS NOT NULL), recursive := true)
  FROM int_scope_groups g
  JOIN int_terms t USING (term)
  LEFT JOIN int_scope_population p USING (scope, scope_id, term)
  CROSS JOIN build_settings s
)
SELECT scope, scope_id, term, indicator, "group", value, numerator, denominator, ci_low, ci_high, n, preliminary,
       indicator_suppressed(kind, persons, numerator, denominator, (SELECT min_cell FROM build_settings), (SELECT share_rule FROM build_settings)) AS suppressed,
       term_key, persons, kind
FROM rows
