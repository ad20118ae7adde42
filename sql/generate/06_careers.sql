-- The terms each person studies inside the window, as table macros (no table: the
-- large files and the few queries that need person-terms compute them from g_person,
-- in its order, where they are read). Every connection that writes runs this file
-- after 01_helpers.sql (src/generate/generate.ts), and part/g_pt_part.sql after it.
--
-- g_person_terms(first, last): the persons with ids first..last, one row a term of
-- study: `terms` consecutive terms from the entry, shifted by one after a stop-out term
-- (has_gap), with the home municipality of the term (movers change it once), the centre
-- the person studies through in the term, and what the large files need about the
-- person. p_complete is the chance that a registration of the term is completed by the
-- term cutoff: higher for able students, lower at a distance, and set by a throughput
-- activity for its participants in their term (g_person.tp_chances, from 07_throughput.sql).
-- SELECT, unnest and WHERE only, so the rows come in g_person's order (person, term) on
-- any number of threads.
CREATE OR REPLACE TEMP MACRO g_person_terms(first_pid, last_pid) AS TABLE
WITH j AS (
    -- what is the same in every term of the person, then one row a term
    SELECT pid, entry_key, has_gap, moves, home0, home1, lc_from_j, new_to_higher_education, first_time_quirk,
           lc_centre_id, full_time,
           1 + g_int(pid, 'move_j', greatest(terms - 1, 1)) AS move_j,
           pnr_registrations, pnr_results, subject, course_base, distance, in_program,
           gender_text, given_birth_year, parental_education, foreign_background,
           least(0.95, greatest(0.05, 0.48 + 0.34 * ability - 0.07 * distance::INTEGER)) AS p_base,
           tp_chances,
           unnest(range(terms)) AS j
    FROM g_person
    WHERE pid BETWEEN first_pid AND last_pid AND entry_key IS NOT NULL
), placed AS (
    SELECT *, entry_key + j + CASE WHEN has_gap AND j >= 1 THEN 1 ELSE 0 END AS term_key
    FROM j
)
SELECT pid, j, term_key,
       -- courses this term: 2-3 for full-time students, 1-2 for the others
       CASE WHEN full_time THEN 2 + (g_u2(pid, j, 'slots') < 0.45)::INTEGER
            ELSE 1 + (g_u2(pid, j, 'slots') < 0.40)::INTEGER END AS courses,
       -- högskolenybörjare in the first term; a few persons are (wrongly) marked again in the second
       (j = 0 AND new_to_higher_education) OR (j = 1 AND first_time_quirk) AS first_time,
       CASE WHEN moves AND j >= move_j THEN home1 ELSE home0 END AS home,
       CASE WHEN j >= lc_from_j THEN lc_centre_id END AS centre_id,
       pnr_registrations, pnr_results, subject, course_base, distance, in_program,
       gender_text, given_birth_year, parental_education, foreign_background,
       -- a throughput activity's participant in the term has its chance (NULL: like anyone's)
       coalesce(CASE WHEN tp_chances IS NOT NULL
                     THEN TRY_CAST(regexp_extract(tp_chances, '(^| )' || term_key::VARCHAR || '=([0-9.]*)', 2) AS DOUBLE) END,
                p_base) AS p_complete
FROM placed
WHERE term_key BETWEEN g_from() AND g_to();

-- Every person's terms (for 07_throughput.sql and 10_targets.sql).
CREATE OR REPLACE TEMP MACRO g_person_terms_all() AS TABLE
    SELECT * FROM g_person_terms(0, g_persons() - 1);
