-- Result patterns: every way the results of one registration can come out, drawn once
-- here so that the results file only picks a pattern per registration and looks its
-- rows up (out/results.sql), instead of drawing every module, try and grade for each of
-- millions of registrations. A pattern is the rows of one registration as offsets: its
-- key is (module count, outcome, variant); the registration draws its outcome from its
-- own chance of completing (p_complete) and one of g_result_variants() variants
-- uniformly, so the shares below hold over many registrations as they would if each
-- were drawn alone.
--
-- Outcomes of a registration:
--   0 C  every module passed by the term cutoff (15 % of modules after a failed first try)
--   1 L  like C but the last module passes after the cutoff (often after a fail): late
--   2 P  some modules passed, the rest failed or never taken (courses with 2+ modules)
--   3 N  nothing passed: one failed try or no result at all
-- A course with modules also gets its whole-course grade once every module is passed.
-- On top: a few exact duplicates and a few results for a course nobody registered.
-- Days count from the term's first day (its last day is day 139, its cutoff day 169).
--
-- Not TEMP tables: every connection that writes a part of the results file reads them.
-- (g_result_pattern() is in 01_helpers.sql, which those connections run.)

CREATE OR REPLACE TABLE g_rpat AS
WITH pattern AS (
    SELECT g_result_pattern(modules, outcome, v) AS pkey, modules, greatest(modules, 1) AS mm, outcome
    FROM (VALUES (0), (2), (3), (4)) AS m(modules), range(4) AS o(outcome), range(g_result_variants()) AS t(v)
), slots AS (
    -- slot k < mm: module k (or the whole course when it has no modules); then the
    -- whole-course grade of a course with modules, once all are passed; then, rarely, a
    -- commissioned course
    SELECT *, unnest(range(mm + course_grade::INTEGER + unregistered::INTEGER)) AS k
    FROM (SELECT *, modules > 0 AND outcome <= 1 AS course_grade, g_u(pkey, 'unregistered') < 0.002 AS unregistered
          FROM pattern)
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
               WHEN outcome = 2 THEN CASE WHEN slot < 1 + g_int(pkey, 'passed_modules', greatest(modules - 1, 1)) THEN 0
                                         WHEN g_u2(pkey, slot, 'tries') < 0.6 THEN 2 ELSE 3 END
               ELSE CASE WHEN slot = 0 AND g_u(pkey, 'tries') < 0.55 THEN 2 ELSE 3 END
           END AS state
    FROM slots
), flagged AS (
    -- in_time: passed at the first try (85 %), else failed, then passed at the retake;
    -- late: passed after the cutoff, after a fail in the term (60 %) or not;
    -- failed: failed, and failed the retake too (25 %) or took none
    SELECT *,
           CASE state WHEN 0 THEN NOT g_first_pass(pkey, slot)
                      WHEN 1 THEN g_u2(pkey, slot, 'late_fail') < 0.6
                      WHEN 2 THEN g_u2(pkey, slot, 'retake') < 0.25
                      ELSE false END AS two_tries
    FROM states
    WHERE state <> 3
), dated AS (
    -- the days of the first and the second try
    SELECT *,
           CASE state
               WHEN 0 THEN g_first_day(pkey, slot, 0, mm)
               WHEN 2 THEN g_first_day(pkey, slot, 0, mm)
               WHEN 1 THEN CASE WHEN two_tries THEN g_first_day(pkey, slot, 0, mm) ELSE g_late_day(pkey, slot, 139) END
               -- the whole-course grade on the day the last module passed: the latest retake,
               -- else the last module's first try (or its late pass)
               WHEN 4 THEN CASE WHEN outcome = 1 THEN g_late_day(pkey, mm - 1, 139)
                   ELSE coalesce(greatest(
                            CASE WHEN NOT g_first_pass(pkey, 0) THEN g_retake_day(pkey, 0, 139) END,
                            CASE WHEN mm > 1 AND NOT g_first_pass(pkey, 1) THEN g_retake_day(pkey, 1, 139) END,
                            CASE WHEN mm > 2 AND NOT g_first_pass(pkey, 2) THEN g_retake_day(pkey, 2, 139) END,
                            CASE WHEN mm > 3 AND NOT g_first_pass(pkey, 3) THEN g_retake_day(pkey, 3, 139) END),
                        g_first_day(pkey, mm - 1, 0, mm)) END
               ELSE 129
           END AS first_day,
           CASE WHEN two_tries THEN CASE state WHEN 1 THEN g_late_day(pkey, slot, 139) ELSE g_retake_day(pkey, slot, 139) END END AS second_day
    FROM flagged
), copies AS (
    -- 0.3 % of the rows come twice, exactly alike: the rows of a slot are its first try,
    -- perhaps again, its second try if any, perhaps again
    SELECT *,
           g_u2(pkey, slot * 4 + 1, 'duplicate') < 0.003 AS first_twice,
           two_tries AND g_u2(pkey, slot * 4 + 2, 'duplicate') < 0.003 AS second_twice
    FROM dated
), tries AS (
    SELECT *, unnest(range(1 + first_twice::INTEGER + two_tries::INTEGER + second_twice::INTEGER)) AS e FROM copies
), tried AS (
    SELECT *,
           CASE WHEN e < 1 + first_twice::INTEGER THEN 1 ELSE 2 END AS n,
           CASE state WHEN 2 THEN false WHEN 0 THEN NOT two_tries OR n = 2 WHEN 1 THEN NOT two_tries OR n = 2
                      ELSE true END AS pass,
           g_u2(pkey, slot * 4 + n, 'grade') AS u_grade
    FROM tries
)
-- id: all patterns' rows numbered in order (pattern, slot, try), without gaps: the join on
-- it then needs no more than a slot per row (its key range is its size)
SELECT row_number() OVER (ORDER BY pkey, k, e) - 1 AS id,
       pkey, state, slot,
       CASE WHEN slot < mm AND modules > 0 THEN g_module_code(slot) END AS module_code,
       (CASE WHEN n = 1 THEN first_day ELSE second_day END)::INTEGER AS day,
       -- the grade on a pass/fail scale (U/G/VG; the commissioned course is always on it)
       CASE WHEN pass THEN CASE WHEN u_grade < 0.3 THEN 'VG' ELSE 'G' END ELSE 'U' END AS grade_ug,
       -- and on the A-F scale
       CASE WHEN state = 5 THEN CASE WHEN u_grade < 0.3 THEN 'VG' ELSE 'G' END
            WHEN pass THEN CASE WHEN u_grade < 0.12 THEN 'A' WHEN u_grade < 0.34 THEN 'B' WHEN u_grade < 0.64 THEN 'C'
                                WHEN u_grade < 0.84 THEN 'D' ELSE 'E' END
            WHEN u_grade < 0.7 THEN 'F' ELSE 'FX' END AS grade_af,
       g_u2(pkey, slot * 4 + n, 'term_given') < 0.7 AS term_given
FROM tried
ORDER BY id;

-- The first row and the number of rows of each pattern that has any (a registration whose pattern has
-- none, nothing ever taken, finds no row here and gives no result).
CREATE OR REPLACE TABLE g_rpat_len AS
SELECT pkey, min(id) AS first_id, count(*)::INTEGER AS n FROM g_rpat GROUP BY pkey ORDER BY pkey;
