-- The person-terms (08_person_terms.sql) of the terms from g_part_from to g_part_to: the
-- large files are written a term at a time, on several connections at once, each part in
-- g_pt's order, and the parts are put together in term order (src/generate/generate.ts).
-- g_pt is sorted by term, so the filter skips the other terms' row groups. Run on each
-- connection that writes, after 01_helpers.sql and once g_pt exists.
SET VARIABLE g_part_from = g_from();
SET VARIABLE g_part_to = g_to();
CREATE OR REPLACE TEMP MACRO g_pt_part() AS TABLE
    SELECT * FROM g_pt WHERE term_key BETWEEN getvariable('g_part_from') AND getvariable('g_part_to');
