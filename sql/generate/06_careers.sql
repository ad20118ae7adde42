-- The terms each person studies inside the window: `terms` consecutive terms from the
-- entry, shifted by one after a stop-out term (has_gap), with the home municipality of
-- the term (movers change it once), whether the person studies through a centre and
-- everything the registrations and results files need about the person in the term.
-- One table in g_person's order (person, term), made with unnest and WHERE only, which
-- keep it (no join: a join run on several threads may not): the large files are written
-- in parts of consecutive persons (part/g_pt_part.sql), each a scan of its part of this
-- table, so no sort of millions of rows is needed.
--
-- p_base is the chance that a registration of the term is completed by the term cutoff:
-- higher for able students, lower at a distance (a throughput activity sets it for its
-- participants in their term: g_pt_part()).
--
-- Not a TEMP table: the files are written by several connections at once (see
-- src/generate/generate.ts).
CREATE OR REPLACE TABLE g_pt AS
WITH j AS (
    -- what is the same in every term of the person, then one row a term
    SELECT pid, entry_key, has_gap, moves, home0, home1, lc_from_j, new_to_higher_education, first_time_quirk,
           CASE WHEN lc THEN centre_id END AS lc_centre_id,
           long_study OR full_time_draw AS full_time,
           1 + g_int(pid, 'move_j', greatest(terms - 1, 1)) AS move_j,
           pnr_registrations, pnr_results, subject, course_base, distance,
           long_study AND program_draw AS in_program,
           gender_text,
           CASE WHEN birth_year_given THEN birth_year END AS given_birth_year,
           parental_education, foreign_background,
           least(0.95, greatest(0.05, 0.48 + 0.34 * ability - 0.07 * distance::INTEGER)) AS p_base,
           unnest(range(terms)) AS j
    FROM g_person
    WHERE entry_key IS NOT NULL
), placed AS (
    SELECT *, entry_key + j + CASE WHEN has_gap AND j >= 1 THEN 1 ELSE 0 END AS term_key
    FROM j
)
SELECT pt.pid, pt.j, pt.term_key,
       -- courses this term: 2-3 for full-time students, 1-2 for the others
       CASE WHEN pt.full_time THEN 2 + (g_u2(pt.pid, pt.j, 'slots') < 0.45)::INTEGER
            ELSE 1 + (g_u2(pt.pid, pt.j, 'slots') < 0.40)::INTEGER END AS courses,
       -- högskolenybörjare in the first term; a few persons are (wrongly) marked again in the second
       (pt.j = 0 AND pt.new_to_higher_education) OR (pt.j = 1 AND pt.first_time_quirk) AS first_time,
       CASE WHEN pt.moves AND pt.j >= pt.move_j THEN pt.home1 ELSE pt.home0 END AS home,
       CASE WHEN pt.j >= pt.lc_from_j THEN pt.lc_centre_id END AS centre_id,
       pt.pnr_registrations, pt.pnr_results, pt.subject, pt.course_base, pt.distance, pt.in_program,
       pt.gender_text, pt.given_birth_year, pt.parental_education, pt.foreign_background, pt.p_base
FROM placed AS pt
WHERE pt.term_key BETWEEN g_from() AND g_to();
