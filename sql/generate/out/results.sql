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
WITH outcome AS (
    SELECT r.*, greatest(r.modules, 1) AS mm,
           CASE WHEN g_u(r.rid, 'outcome') < r.p_complete THEN 'C'
                WHEN (g_u(r.rid, 'outcome') - r.p_complete) / (1 - r.p_complete) < 0.30 THEN 'L'
                WHEN (g_u(r.rid, 'outcome') - r.p_complete) / (1 - r.p_complete) < 0.55 AND r.modules >= 2 THEN 'P'
                ELSE 'N' END AS outcome,
           1 + g_int(r.rid, 'passed_modules', greatest(r.modules - 1, 1)) AS passed_modules
    FROM g_reg AS r
), module AS (
    SELECT *, unnest(range(mm)) AS mi FROM outcome
), state AS (
    SELECT *,
           CASE outcome
               WHEN 'C' THEN 'in_time'
               WHEN 'L' THEN CASE WHEN mi < mm - 1 THEN 'in_time' ELSE 'late' END
               WHEN 'P' THEN CASE WHEN mi < passed_modules THEN 'in_time'
                                  WHEN g_u2(rid, mi, 'tries') < 0.6 THEN 'failed' ELSE 'absent' END
               ELSE CASE WHEN mi = 0 AND g_u(rid, 'tries') < 0.55 THEN 'failed' ELSE 'absent' END
           END AS state,
           -- first try: module k of m at the end of the k-th m-th of the term
           starts + ((mi + 1) * 134 // mm - g_int2(rid, mi, 'first_day', 5))::INTEGER AS d_first,
           -- retake in the weeks after the term, before the cutoff (term end + 30 days)
           ends + (7 + g_int2(rid, mi, 'retake_day', 20))::INTEGER AS d_retake,
           ends + (31 + g_int2(rid, mi, 'late_day', 200))::INTEGER AS d_late
    FROM module
), tries AS (
    SELECT *,
           unnest(CASE state
               WHEN 'in_time' THEN CASE WHEN g_u2(rid, mi, 'first_pass') < 0.85 THEN [{'n': 1, 'pass': true, 'd': d_first}]
                                        ELSE [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': true, 'd': d_retake}] END
               WHEN 'late' THEN CASE WHEN g_u2(rid, mi, 'late_fail') < 0.6 THEN [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': true, 'd': d_late}]
                                     ELSE [{'n': 1, 'pass': true, 'd': d_late}] END
               WHEN 'failed' THEN CASE WHEN g_u2(rid, mi, 'retake') < 0.25 THEN [{'n': 1, 'pass': false, 'd': d_first}, {'n': 2, 'pass': false, 'd': d_retake}]
                                       ELSE [{'n': 1, 'pass': false, 'd': d_first}] END
           END) AS try
    FROM state
    WHERE state <> 'absent'
), rows AS (
    SELECT pid, rid, term_key, i, course_code, course_offering, scale,
           CASE WHEN modules > 0 THEN lpad(((mi + 1) * 10)::VARCHAR, 4, '0') END AS module_code,
           CASE WHEN modules > 0 THEN module_credits[mi + 1] ELSE credits END AS credits,
           try.pass AS pass, try.d AS result_date, mi, try.n AS n
    FROM tries
    UNION ALL
    -- the whole-course grade of a course with modules, on the day the last module passed
    SELECT pid, rid, term_key, i, course_code, course_offering, scale, NULL, credits, true,
           CASE outcome
               WHEN 'C' THEN list_max(list_transform(range(mm), lambda k:
                   CASE WHEN g_u2(rid, k, 'first_pass') < 0.85
                        THEN starts + ((k + 1) * 134 // mm - g_int2(rid, k, 'first_day', 5))::INTEGER
                        ELSE ends + (7 + g_int2(rid, k, 'retake_day', 20))::INTEGER END))
               ELSE ends + (31 + g_int2(rid, mm - 1, 'late_day', 200))::INTEGER
           END,
           99, 1
    FROM outcome
    WHERE modules > 0 AND outcome IN ('C', 'L')
    UNION ALL
    -- a result for a commissioned course (uppdragsutbildning) no registration holds
    SELECT pid, rid, term_key, i, 'UP' || lpad((course_idx % 40 + 1)::VARCHAR, 3, '0') || 'U', NULL, 'UG', NULL,
           7.5, true, ends - 10, 100, 1
    FROM outcome
    WHERE g_u(rid, 'unregistered') < 0.002
), graded AS (
    SELECT *,
           CASE WHEN pass AND scale = 'UG' THEN CASE WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.3 THEN 'VG' ELSE 'G' END
                WHEN pass THEN CASE WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.12 THEN 'A' WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.34 THEN 'B'
                                    WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.64 THEN 'C' WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.84 THEN 'D' ELSE 'E' END
                WHEN scale = 'UG' THEN 'U'
                WHEN g_u2(rid, mi * 4 + n, 'grade') < 0.7 THEN 'F' ELSE 'FX' END AS grade,
           CASE WHEN mi < 100 AND g_u2(rid, mi * 4 + n, 'term_given') < 0.7 THEN term_key END AS given_term_key,
           -- 0.3 % of rows come twice, exactly alike
           range(1 + (g_u2(rid, mi * 4 + n, 'duplicate') < 0.003)::INTEGER) AS copies
    FROM rows
    WHERE result_date <= g_extract()
)
SELECT g_pnr_text(p.pnr, CASE WHEN g_u(p.pid, 'form_results') < 0.9 THEN 0 ELSE 1 END) AS person_id,
       r.course_code, r.course_offering, r.module_code, r.credits, r.grade, r.result_date,
       t.term
FROM (SELECT *, unnest(copies) AS copy FROM graded) AS r
JOIN g_person AS p ON p.pid = r.pid
LEFT JOIN g_terms AS t ON t.term_key = r.given_term_key
ORDER BY r.pid, r.term_key, r.i, r.mi, r.n, r.copy
