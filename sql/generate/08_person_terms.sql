-- Everything the registrations and results files need about a person in a term, in one
-- table sorted as the files are written (term, person): the files are then plain
-- scans of it (registrations: one row per course; results: rows per course and
-- module), with no join on millions of rows.
--
-- p_complete is the chance that a registration of the term is completed by the term
-- cutoff: higher for able students, lower at a distance, and set by a throughput
-- activity for its participants in their term.
--
-- Not a TEMP table: the files are written by several connections at once, one term each
-- (see src/generate/generate.ts), and they read it through g_pt_part() (part/g_pt_part.sql).
CREATE OR REPLACE TABLE g_pt AS
SELECT pt.pid, pt.j, pt.term_key, t.term, t.starts, pt.courses, pt.first_time, pt.home,
       CASE WHEN pt.lc_now THEN p.centre_id END AS centre_id,
       p.pnr_registrations, p.pnr_results, p.subject, p.course_base, p.distance,
       p.long_study AND p.program_draw AS in_program,
       p.gender_text,
       CASE WHEN p.birth_year_given THEN p.birth_year END AS given_birth_year,
       p.parental_education, p.foreign_background,
       coalesce(tp.p_complete, least(0.95, greatest(0.05, 0.48 + 0.34 * p.ability - 0.07 * p.distance::INTEGER))) AS p_complete
FROM g_person_term AS pt
JOIN g_person AS p ON p.pid = pt.pid
JOIN g_terms AS t ON t.term_key = pt.term_key
LEFT JOIN g_tp_participant AS tp ON tp.pid = pt.pid AND tp.term_key = pt.term_key
ORDER BY pt.term_key, pt.pid;

DROP TABLE g_person_term;
