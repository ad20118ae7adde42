-- Registrations: each person-term takes `courses` courses of the person's subject, a
-- different one each time (course_base + 4 j + i), in the campus or distance offering.
-- p_complete is the chance that the registration is completed by the term cutoff:
-- higher for able students, lower at a distance, set by a throughput activity for its
-- participants in their term.
CREATE OR REPLACE TEMP TABLE g_reg AS
WITH slots AS (
    SELECT pt.*, p.subject, p.course_base, p.distance, p.centre_id, p.ability,
           CASE WHEN p.long_study AND p.program_draw THEN true ELSE false END AS in_program,
           unnest(range(pt.courses)) AS i
    FROM g_person_term AS pt JOIN g_person AS p ON p.pid = pt.pid
)
SELECT (s.pid * 32 + s.j) * 8 + s.i AS rid,
       s.pid, s.term_key, s.i, s.home, s.first_time, s.distance,
       c.course_idx, c.course_code, c.credits, c.module_credits, len(c.module_credits) AS modules, c.scale,
       (10000 + g_fixed2(c.course_idx, s.term_key, s.distance::INTEGER) % 90000)::VARCHAR AS course_offering,
       CASE WHEN s.in_program THEN c.program_code END AS program_code,
       CASE WHEN s.lc_now AND g_u2(s.pid, s.j * 8 + s.i, 'centre_on_reg') < 0.92 THEN s.centre_id END AS centre_id,
       CASE WHEN g_u2(s.pid, s.j * 8 + s.i, 'reg_date') < 0.88 THEN t.starts - (10 + g_int2(s.pid, s.j * 8 + s.i, 'reg_days', 36))::INTEGER
            WHEN g_u2(s.pid, s.j * 8 + s.i, 'reg_date') < 0.96 THEN t.starts + g_int2(s.pid, s.j * 8 + s.i, 'reg_days', 15)::INTEGER
       END AS registration_date,
       coalesce(tp.p_complete, least(0.95, greatest(0.05, 0.48 + 0.34 * s.ability - 0.07 * s.distance::INTEGER))) AS p_complete,
       t.starts, t.ends
FROM slots AS s
JOIN g_course AS c ON c.course_idx = s.subject * 40 + (s.course_base + s.j * 4 + s.i) % 40
JOIN g_terms AS t ON t.term_key = s.term_key
LEFT JOIN g_tp_participant AS tp ON tp.pid = s.pid AND tp.term_key = s.term_key;
