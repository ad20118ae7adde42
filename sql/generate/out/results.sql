-- Results at module level (courses with modules) or course level (the others), drawn
-- from each registration's outcome:
--   C  every module passed by the term cutoff (15 % of modules after a failed first try)
--   L  like C but the last module passes after the cutoff (often after a fail): late
--   P  some modules passed, the rest failed or never taken (courses with 2+ modules)
--   N  nothing passed: one failed try or no result at all
-- C has probability p_complete; the rest splits 30 / 25 / 45 between L, P and N.
-- A course with modules also gets its whole-course grade once every module is passed.
-- Nothing dated after the extraction date exists yet. On top: a few exact duplicates,
-- a few results for courses nobody registered, and `term` empty on 30 % of rows.
-- What is drawn once for a registration (its outcome) is computed before the rows are
-- multiplied out (slots, then tries).
-- Rows come out in g_pt's order (term, person), then course, slot and try: every step
-- is a SELECT (with unnest) or WHERE on the one table before it, which keeps the order,
-- so no sort of millions of rows is needed (see src/generate/generate.ts). Outcomes and
-- states are small numbers and the course's code, offering and scale are looked up only
-- in the last step, so the rows multiplied out stay narrow.
WITH reg AS (
    SELECT pid, j, term_key, term, starts, starts + 139 AS ends, pnr_results, subject, course_base, distance, p_complete,
           unnest(range(courses)) AS i
    FROM g_pt_part()
), course AS (
    SELECT *, g_rid(pid, j, i) AS rid, g_course_of(subject, course_base, j, i) AS course_idx FROM reg
), outcome AS (
    SELECT *,
           g_course_module_count(course_idx) AS modules,
           greatest(modules, 1) AS mm,
           g_u(rid, 'outcome') AS u_outcome,
           -- 0 C, 1 L, 2 P, 3 N
           CASE WHEN u_outcome < p_complete THEN 0
                WHEN (u_outcome - p_complete) / (1 - p_complete) < 0.30 THEN 1
                WHEN (u_outcome - p_complete) / (1 - p_complete) < 0.55 AND modules >= 2 THEN 2
                ELSE 3 END AS outcome
    FROM course
), slots AS (
    -- slot k < mm: module k (or the whole course when it has no modules); then the
    -- whole-course grade of a course with modules, once all are passed; then, rarely, a
    -- commissioned course
    SELECT *, unnest(range(mm + course_grade::INTEGER + unregistered::INTEGER)) AS k
    FROM (SELECT *, modules > 0 AND outcome <= 1 AS course_grade, g_u(rid, 'unregistered') < 0.002 AS unregistered
          FROM outcome)
), states AS (
    -- 0 in_time, 1 late, 2 failed, 3 none, 4 course_grade, 5 unregistered
    SELECT *,
           -- the commissioned course's slot is always mm + 1
           CASE WHEN k = mm AND NOT course_grade THEN mm + 1 ELSE k END AS slot,
           CASE
               WHEN slot = mm THEN 4
               WHEN slot = mm + 1 THEN 5
               WHEN outcome = 0 THEN 0
               WHEN outcome = 1 THEN CASE WHEN slot < mm - 1 THEN 0 ELSE 1 END
               WHEN outcome = 2 THEN CASE WHEN slot < 1 + g_int(rid, 'passed_modules', greatest(modules - 1, 1)) THEN 0
                                         WHEN g_u2(rid, slot, 'tries') < 0.6 THEN 2 ELSE 3 END
               ELSE CASE WHEN slot = 0 AND g_u(rid, 'tries') < 0.55 THEN 2 ELSE 3 END
           END AS state
    FROM slots
), flagged AS (
    -- in_time: passed at the first try (85 %), else failed, then passed at the retake;
    -- late: passed after the cutoff, after a fail in the term (60 %) or not;
    -- failed: failed, and failed the retake too (25 %) or took none
    SELECT *,
           CASE state WHEN 0 THEN NOT g_first_pass(rid, slot)
                      WHEN 1 THEN g_u2(rid, slot, 'late_fail') < 0.6
                      WHEN 2 THEN g_u2(rid, slot, 'retake') < 0.25
                      ELSE false END AS two_tries
    FROM states
    WHERE state <> 3
), dated AS (
    -- the dates of the first and the second try
    SELECT *,
           CASE state
               WHEN 0 THEN g_first_day(rid, slot, starts, mm)
               WHEN 2 THEN g_first_day(rid, slot, starts, mm)
               WHEN 1 THEN CASE WHEN two_tries THEN g_first_day(rid, slot, starts, mm) ELSE g_late_day(rid, slot, ends) END
               -- the whole-course grade on the day the last module passed: the latest retake,
               -- else the last module's first try (or its late pass)
               WHEN 4 THEN CASE WHEN outcome = 1 THEN g_late_day(rid, mm - 1, ends)
                   ELSE coalesce(greatest(
                            CASE WHEN NOT g_first_pass(rid, 0) THEN g_retake_day(rid, 0, ends) END,
                            CASE WHEN mm > 1 AND NOT g_first_pass(rid, 1) THEN g_retake_day(rid, 1, ends) END,
                            CASE WHEN mm > 2 AND NOT g_first_pass(rid, 2) THEN g_retake_day(rid, 2, ends) END,
                            CASE WHEN mm > 3 AND NOT g_first_pass(rid, 3) THEN g_retake_day(rid, 3, ends) END),
                        g_first_day(rid, mm - 1, starts, mm)) END
               ELSE ends - 10
           END AS first_date,
           CASE WHEN two_tries THEN CASE state WHEN 1 THEN g_late_day(rid, slot, ends) ELSE g_retake_day(rid, slot, ends) END END AS second_date
    FROM flagged
), copies AS (
    -- 0.3 % of the rows come twice, exactly alike: the rows of a slot are its first try,
    -- perhaps again, its second try if any, perhaps again
    SELECT *,
           g_u2(rid, slot * 4 + 1, 'duplicate') < 0.003 AS first_twice,
           two_tries AND g_u2(rid, slot * 4 + 2, 'duplicate') < 0.003 AS second_twice
    FROM dated
), tries AS (
    SELECT *, unnest(range(1 + first_twice::INTEGER + two_tries::INTEGER + second_twice::INTEGER)) AS e FROM copies
), rows AS (
    SELECT *,
           CASE WHEN e < 1 + first_twice::INTEGER THEN 1 ELSE 2 END AS n,
           CASE WHEN n = 1 THEN first_date ELSE second_date END AS result_date,
           CASE state WHEN 2 THEN false WHEN 0 THEN NOT two_tries OR n = 2 WHEN 1 THEN NOT two_tries OR n = 2
                      ELSE true END AS pass,
           g_u2(rid, slot * 4 + n, 'grade') AS u_grade
    FROM tries
)
SELECT pnr_results AS person_id,
       CASE WHEN state = 5 THEN 'UP' || lpad((course_idx % 40 + 1)::VARCHAR, 3, '0') || 'U' ELSE g_course_code(course_idx) END AS course_code,
       CASE WHEN state <> 5 THEN g_offering(course_idx, term_key, distance) END AS course_offering,
       CASE WHEN slot < mm AND modules > 0 THEN g_module_code(slot) END AS module_code,
       CASE WHEN state = 5 THEN 7.5 WHEN slot < mm AND modules > 0 THEN g_module_credits(course_idx, slot)
            ELSE g_course_credits(course_idx) END::DECIMAL(4, 1) AS credits,
       CASE WHEN pass AND (g_course_scale(course_idx) = 'UG' OR state = 5) THEN CASE WHEN u_grade < 0.3 THEN 'VG' ELSE 'G' END
            WHEN pass THEN CASE WHEN u_grade < 0.12 THEN 'A' WHEN u_grade < 0.34 THEN 'B' WHEN u_grade < 0.64 THEN 'C'
                                WHEN u_grade < 0.84 THEN 'D' ELSE 'E' END
            WHEN g_course_scale(course_idx) = 'UG' THEN 'U'
            WHEN u_grade < 0.7 THEN 'F' ELSE 'FX' END AS grade,
       result_date,
       CASE WHEN state <> 5 AND g_u2(rid, slot * 4 + n, 'term_given') < 0.7 THEN term END AS term
FROM rows
WHERE result_date <= g_extract()
