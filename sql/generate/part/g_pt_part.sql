-- The person-terms (06_careers.sql) of the persons from g_part_from to g_part_to (person
-- ids), with the term's name and first day and each registration's chance of completion by the cutoff (p_complete: set by
-- a throughput activity for its participants in their term, else p_base). The large
-- files are written a part of consecutive persons at a time, on several connections at
-- once, each part in g_pt's order (person, term), and the parts are put together in
-- order (src/generate/generate.ts). g_pt is in person order, so the filter skips the
-- other parts' row groups. A part is written on one thread, where the joins (their
-- build sides the small term and participant tables) keep g_pt's order. Run on each connection that writes, after 01_helpers.sql and once
-- g_pt exists.
SET VARIABLE g_part_from = 0;
SET VARIABLE g_part_to = g_persons() - 1;
CREATE OR REPLACE TEMP MACRO g_pt_part() AS TABLE
    SELECT pt.*, t.term, t.starts, coalesce(tp.p_complete, pt.p_base) AS p_complete
    FROM g_pt AS pt
    JOIN g_terms AS t ON t.term_key = pt.term_key
    LEFT JOIN g_tp_participant AS tp ON tp.pid = pt.pid AND tp.term_key = pt.term_key
    WHERE pt.pid BETWEEN getvariable('g_part_from') AND getvariable('g_part_to');
