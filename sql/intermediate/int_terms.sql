-- Every term that has registrations, with its cutoffs: the term cutoff (end of teaching
-- + grace_days) and the four-term cutoff (end of T+3), and whether the data covers T+1.
WITH terms AS (SELECT DISTINCT term, term_key FROM stg_registrations)
SELECT
  t.term,
  t.term_key,
  term_start(t.term) AS term_start,
  term_end(t.term) AS term_end,
  term_end(t.term) + s.grace_days AS term_cutoff,
  term_end(term_add(t.term, 3)) AS four_term_cutoff,
  s.as_of IS NULL OR s.as_of < term_end(term_add(t.term, 3)) AS four_term_preliminary,
  term_end(term_add(t.term, 1)) AS next_term_end,
  EXISTS (SELECT 1 FROM terms n WHERE n.term_key = t.term_key + 1) AS next_term_has_data
FROM terms t, build_settings s
