-- The terms each person studies inside the window: `terms` consecutive terms from the
-- entry, shifted by one after a stop-out term (has_gap), with the home municipality of
-- the term (movers change it once) and whether the person studies through a centre.
CREATE OR REPLACE TEMP TABLE g_person_term AS
WITH j AS (
    SELECT pid, entry_key, has_gap, moves, home0, home1, lc, lc_from_j, new_to_higher_education, first_time_quirk,
           long_study OR full_time_draw AS full_time,
           1 + g_int(pid, 'move_j', greatest(terms - 1, 1)) AS move_j,
           unnest(range(terms)) AS j
    FROM g_person
    WHERE entry_key IS NOT NULL
), placed AS (
    SELECT *, entry_key + j + CASE WHEN has_gap AND j >= 1 THEN 1 ELSE 0 END AS term_key
    FROM j
)
SELECT pid, j, term_key,
       CASE WHEN moves AND j >= move_j THEN home1 ELSE home0 END AS home,
       lc AND j >= lc_from_j AS lc_now,
       -- högskolenybörjare in the first term; a few persons are (wrongly) marked again in the second
       (j = 0 AND new_to_higher_education) OR (j = 1 AND first_time_quirk) AS first_time,
       -- courses this term: 2-3 for full-time students, 1-2 for the others
       CASE WHEN full_time THEN 2 + (g_u2(pid, j, 'slots') < 0.45)::INTEGER
            ELSE 1 + (g_u2(pid, j, 'slots') < 0.40)::INTEGER END AS courses
FROM placed
WHERE term_key BETWEEN g_from() AND g_to();
