-- g_pt_part(): the person-terms of the persons from g_part_from to g_part_to, with the
-- term's name and first day. The large files are written a part of consecutive persons
-- at a time, on several connections at once, and the parts are put together in order
-- (src/generate/large-files.ts). g_person is sorted by person, so the filter skips the
-- other parts' row groups; a part is written on one thread, where the join with the small
-- term table keeps the order. Run on each connection that writes, after 01_helpers.sql
-- and 06_careers.sql, once the build has made g_person.
SET VARIABLE g_part_from = 0;
SET VARIABLE g_part_to = g_persons() - 1;
CREATE OR REPLACE TEMP MACRO g_pt_part() AS TABLE
    SELECT pt.*, t.term, t.starts
    FROM g_person_terms(getvariable('g_part_from'), getvariable('g_part_to')) AS pt
    JOIN g_terms AS t ON t.term_key = pt.term_key;
