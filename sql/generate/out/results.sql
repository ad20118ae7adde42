-- Results at module level (courses with modules) or course level (the others): each
-- registration draws its outcome from its chance of completing by the cutoff
-- (p_complete: C with probability p_complete, the rest split 30 / 25 / 45 between L, P
-- and N) and a variant, and takes the rows of that result pattern (11_result_patterns.sql)
-- with the course's code, credits and grading scale and the term's dates. Nothing dated
-- after the extraction date exists yet; `term` is empty on 30 % of rows.
-- Rows come out in g_pt_part()'s order (person, term), then course, then the pattern's order
-- (slot, try): the steps are SELECT, unnest, WHERE and inner joins on unique keys of small
-- tables, which on one thread keep the order of the rows they probe, so no sort of
-- millions of rows is needed (see src/generate/large-files.ts). What is the same for all the
-- rows of a registration (course code, offering) is computed before the rows are
-- multiplied out.
WITH reg AS (
    SELECT pid, j, term_key, term, starts, pnr_results, subject, course_base, distance, p_complete,
           unnest(range(courses)) AS i
    FROM g_pt_part()
), course AS (
    SELECT *, g_rid(pid, j, i) AS rid, g_course_of(subject, course_base, j, i) AS course_idx FROM reg
), outcome AS (
    SELECT course.pnr_results, course.term, course.starts, course.course_idx, c.course_code,
           g_offering(course.course_idx, course.term_key, course.distance) AS course_offering,
           c.pass_fail_scale,
           c.module_count AS modules,
           g_u(course.rid, 'outcome') AS u_outcome,
           g_result_pattern(modules,
               -- 0 C, 1 L, 2 P, 3 N
               CASE WHEN u_outcome < p_complete THEN 0
                    WHEN (u_outcome - p_complete) / (1 - p_complete) < 0.30 THEN 1
                    WHEN (u_outcome - p_complete) / (1 - p_complete) < 0.55 AND modules >= 2 THEN 2
                    ELSE 3 END,
               g_int(course.rid, 'variant', g_result_variants())) AS pkey
    FROM course
    JOIN g_course AS c ON c.course_idx = course.course_idx
), sized AS (
    SELECT o.*, l.first_id, l.n FROM outcome AS o JOIN g_rpat_len AS l ON l.pkey = o.pkey
), rows AS (
    SELECT *, first_id + unnest(range(n)) AS id FROM sized
)
SELECT r.pnr_results AS person_id,
       CASE WHEN p.state = 5 THEN 'UP' || lpad((r.course_idx % 40 + 1)::VARCHAR, 3, '0') || 'U' ELSE r.course_code END AS course_code,
       CASE WHEN p.state <> 5 THEN r.course_offering END AS course_offering,
       p.module_code,
       CASE WHEN p.state = 5 THEN 7.5 ELSE cs.credits END::DECIMAL(4, 1) AS credits,
       CASE WHEN r.pass_fail_scale THEN p.grade_ug ELSE p.grade_af END AS grade,
       r.starts + p.day AS result_date,
       CASE WHEN p.term_given AND p.state <> 5 THEN r.term END AS term
FROM rows AS r
JOIN g_rpat AS p ON p.id = r.id
JOIN g_course_slot AS cs ON cs.slot_key = r.course_idx * 8 + p.slot
WHERE r.starts + p.day <= g_extract()
