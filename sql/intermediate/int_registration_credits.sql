-- Credits earned per registration (indicators.md, earned(r, cutoff)): passing linked
-- results dated on or before the cutoff; when the registration has any module-level
-- result, only module-level results count, else whole-course ones; capped at hp(r).
-- Both cutoffs: the term cutoff and the four-term cutoff.
WITH linked AS (
  SELECT l.reg_id, r.module_code IS NOT NULL AS is_module, r.passed, r.credits, r.result_date
  FROM int_result_links l JOIN stg_results r USING (result_id)
),
per_registration AS (
  SELECT reg_id, bool_or(is_module) AS has_module FROM linked GROUP BY reg_id
)
SELECT
  reg.reg_id,
  reg.person_id,
  reg.term,
  reg.term_key,
  reg.course_code,
  reg.credits AS hp,
  least(reg.credits, coalesce(sum(l.credits) FILTER (WHERE l.passed AND l.is_module = p.has_module AND l.result_date <= t.term_cutoff), 0)) AS earned_term,
  least(reg.credits, coalesce(sum(l.credits) FILTER (WHERE l.passed AND l.is_module = p.has_module AND l.result_date <= t.four_term_cutoff), 0)) AS earned_4t
FROM stg_registrations reg
JOIN int_terms t USING (term)
LEFT JOIN per_registration p USING (reg_id)
LEFT JOIN linked l USING (reg_id)
GROUP BY reg.reg_id, reg.person_id, reg.term, reg.term_key, reg.course_code, reg.credits
