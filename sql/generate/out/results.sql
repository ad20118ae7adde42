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
-- Rows come out in g_pt's order (term, person), then course, slot and try: every step
-- is a SELECT (with unnest) or WHERE on the one table before it, which keeps the order,
-- so no sort of millions of rows is needed (see src/generate/generate.ts).
WITH reg AS (
    SELECT pid, j, term_key, term, starts, starts + 139 AS ends, pnr_results, subject, course_base, distance, p_complete,
           unnest(range(courses)) AS i
    FROM g_pt
), course AS (
    SELECT *, g_rid(pid, j, i) AS rid, g_course_of(subject, course_base, j, i) AS course_idx FROM reg
), outcome AS (
    SELECT *, g_course_modules(course_idx) AS module_credits, len(g_course_modules(course_idx)) AS modules,
           greatest(len(g_course_modules(course_idx)), 1) AS mm,
           CASE WHEN g_u(rid, 'outcome') < p_complete THEN 'C'
                WHEN (g_u(rid, 'outcome') - p_complete) / (1 - p_complete) < 0.30 THEN 'L'
                WHEN (g_u(rid, 'outcome') - p_complete) / (1 - p_complete) < 0.55 AND len(g_course_modules(course_idx)) >= 2 THEN 'P'
                ELSE 'N' END AS outcome
    FROM course
), slots AS (
    -- slot k < mm: module k (or the whole course when it has no modules); mm: the
    -- whole-course grade of a course with modules; mm + 1: a commissioned course
    SELECT *, unnest(range(mm + 2)) AS slot FROM outcome
), states AS (
    SELECT *,
           CASE
               WHEN slot = mm THEN CASE WHEN modules > 0 AND outcome IN ('C', 'L') THEN 'course_grade' ELSE 'none' END
               WHEN slot = mm + 1 THEN CASE WHEN g_u(rid, 'unregistered') < 0.002 THEN 'unregistered' ELSE 'none' END
               WHEN outcome = 'C' THEN 'in_time'
               WHEN outcome = 'L' THEN CASE WHEN slot < mm - 1 THEN 'in_time' ELSE 'late' END
               WHEN outcome = 'P' THEN CASE WHEN slot < 1 + g_int(rid, 'passed_modules', greatest(modules - 1, 1)) THEN 'in_time'
                                           WHEN g_u2(rid, slot, 'tries') < 0.6 THEN 'failed' ELSE 'none' END
               ELSE CASE WHEN slot = 0 AND g_u(rid, 'tries') < 0.55 THEN 'failed' ELSE 'none' END
           END AS state
    FROM slots
), dated AS (
    SELECT *,
           -- first try: module k of m at the end of the k-th m-th of the term
           starts + ((slot + 1) * 134 // mm - g_int2(rid, slot, 'first_day', 5))::INTEGER AS d_first,
           -- retake in the weeks after the term, before the cutoff (term end + 30 days)
           ends + (7 + g_int2(rid, slot, 'retake_day', 20))::INTEGER AS d_retake,
           ends + (31 + g_int2(rid, slot, 'late_day', 200))::INTEGER AS d_late
    FROM states
    WHERE state <> 'none'
), tries AS (
    SELECT *,
           unnest(CASE state
               WHEN 'in_time' THEN CASE WHEN g_u2(rid, slot, 'first_pass') < 0.85 THEN [{'n': 1, 'pass': true, 'd': d_first}]
                                        ELSE [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': true, 'd': d_retake}] END
               WHEN 'late' THEN CASE WHEN g_u2(rid, slot, 'late_fail') < 0.6 THEN [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': true, 'd': d_late}]
                                     ELSE [{'n': 1, 'pass': true, 'd': d_late}] END
               WHEN 'failed' THEN CASE WHEN g_u2(rid, slot, 'retake') < 0.25 THEN [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': false, 'd': d_retake}]
                                       ELSE [{'n': 1, 'pass': false, 'd': d_first}] END
               -- the whole-course grade on the day the last module passed
               WHEN 'course_grade' THEN [{'n': 1, 'pass': true, 'd': CASE outcome
                   WHEN 'C' THEN list_max(list_transform(range(mm), lambda k:
                       CASE WHEN g_u2(rid, k, 'first_pass') < 0.85
                            THEN starts + ((k + 1) * 134 // mm - g_int2(rid, k, 'first_day', 5))::INTEGER
                            ELSE ends + (7 + g_int2(rid, k, 'retake_day', 20))::INTEGER END))
                   ELSE ends + (31 + g_int2(rid, mm - 1, 'late_day', 200))::INTEGER END}]
               WHEN 'unregistered' THEN [{'n': 1, 'pass': true, 'd': ends - 10}]
           END) AS try
    FROM dated
), rows AS (
    SELECT *,
           CASE WHEN state = 'unregistered' THEN 'UP' || lpad((course_idx % 40 + 1)::VARCHAR, 3, '0') || 'U'
                ELSE g_course_code(course_idx) END AS course_code,
           CASE WHEN state <> 'unregistered' THEN (10000 + g_fixed2(course_idx, term_key, distance::INTEGER) % 90000)::VARCHAR END AS course_offering,
           CASE WHEN slot < mm AND modules > 0 THEN g_module_code(slot) END AS module_code,
           CASE WHEN state = 'unregistered' THEN 7.5 WHEN slot < mm AND modules > 0 THEN module_credits[slot + 1]
                ELSE g_course_credits(course_idx) END::DECIMAL(4, 1) AS credits,
           CASE WHEN state = 'unregistered' THEN 'UG' ELSE g_course_scale(course_idx) END AS scale,
           g_u2(rid, slot * 4 + try.n, 'grade') AS u_grade,
           -- 0.3 % of rows come twice, exactly alike
           unnest(range(1 + (g_u2(rid, slot * 4 + try.n, 'duplicate') < 0.003)::INTEGER)) AS copy
    FROM tries
    WHERE try.d <= g_extract()
)
SELECT pnr_results AS person_id,
       course_code, course_offering, module_code, credits,
       CASE WHEN try.pass AND scale = 'UG' THEN CASE WHEN u_grade < 0.3 THEN 'VG' ELSE 'G' END
            WHEN try.pass THEN CASE WHEN u_grade < 0.12 THEN 'A' WHEN u_grade < 0.34 THEN 'B' WHEN u_grade < 0.64 THEN 'C'
                                    WHEN u_grade < 0.84 THEN 'D' ELSE 'E' END
            WHEN scale = 'UG' THEN 'U'
            WHEN u_grade < 0.7 THEN 'F' ELSE 'FX' END AS grade,
       try.d AS result_date,
       CASE WHEN state <> 'unregistered' AND g_u2(rid, slot * 4 + try.n, 'term_given') < 0.7 THEN term END AS term
FROM rows
