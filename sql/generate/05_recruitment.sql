-- Recruitment activities take over persons: each slot of an activity term is given to
-- one person, whose study start is then set by the slot's role, so that conversion is
-- exactly as planted (g_activity_spec) rather than left to chance.
CREATE OR REPLACE TEMP TABLE g_rec_slot AS
WITH terms AS (
    SELECT activity_id, municipality_code, centre_id, per_term, nonprospects_per_term, converters, start_key,
           unnest(range(start_key, last_session_key + 1)) AS a_key
    FROM g_activity WHERE kind = 'recruitment'
), slots AS (
    SELECT *, unnest(range(per_term)) AS slot,
           converters[((a_key - start_key) % len(converters)) + 1] AS converting
    FROM terms
)
SELECT activity_id, municipality_code, centre_id, a_key, slot,
       CASE WHEN slot >= per_term - nonprospects_per_term THEN 'student'
            WHEN slot < converting THEN 'converter'
            ELSE 'prospect' END AS role,
       -- converters: the first 60 % register in the next term, the others the term after
       CASE WHEN slot < ceil(converting * 0.6) THEN 1 ELSE 2 END AS delay,
       row_number() OVER (ORDER BY activity_id, a_key, slot) - 1 AS slot_no
FROM slots;

CREATE OR REPLACE TEMP TABLE g_rec_participant AS
WITH ranked AS (
    -- the persons in the order of a hash, as far as there are slots
    SELECT pid, row_number() OVER (ORDER BY g_key(pid, 'recruit'), pid) - 1 AS rank
    FROM (SELECT pid FROM g_pid
          ORDER BY g_key(pid, 'recruit'), pid LIMIT (SELECT count(*) FROM g_rec_slot))
)
SELECT r.pid, s.*,
       CASE s.role
           WHEN 'converter' THEN s.a_key + s.delay
           WHEN 'student' THEN s.a_key - s.slot % 3
           -- a prospect who does not convert: a few register later, most never
           WHEN 'prospect' THEN CASE WHEN g_u(r.pid, 'late_start') < 0.3 THEN s.a_key + 3 END
       END AS entry_key
FROM g_rec_slot AS s
-- at most a third of the persons go to activities (matters only for tiny data sets)
JOIN ranked AS r ON r.rank = s.slot_no AND r.rank < g_persons() // 3;

-- The final persons: recruitment participants get the slot's start (NULL: never
-- registers), live mostly in the activity's municipality, and half of the prospects who
-- start study through its learning centre (the students among them through none).
-- Not a TEMP table: the connections that write the large files read it (06_careers.sql).
-- Only the columns read later are kept: the table is sorted and written once.
CREATE OR REPLACE TABLE g_person AS
WITH joined AS (
    SELECT p.* REPLACE (
               CASE WHEN r.pid IS NULL THEN p.entry_key ELSE r.entry_key END AS entry_key,
               CASE WHEN r.role = 'student' THEN greatest(p.d0, r.a_key - r.entry_key + 1)
                    WHEN r.pid IS NOT NULL THEN p.d0 ELSE p.terms END AS terms,
               CASE WHEN r.role IN ('converter', 'prospect') THEN true ELSE p.new_to_higher_education END AS new_to_higher_education,
               CASE WHEN r.pid IS NOT NULL AND g_u(p.pid, 'rec_home') < 0.9 THEN r.municipality_code ELSE p.home0 END AS home0,
               CASE WHEN r.pid IS NOT NULL THEN false ELSE p.moves END AS moves,
               CASE WHEN r.pid IS NOT NULL THEN false ELSE p.has_gap END AS has_gap,
               CASE WHEN r.pid IS NULL THEN p.lc ELSE r.role <> 'student' AND g_u(p.pid, 'rec_lc') < 0.5 END AS lc,
               CASE WHEN r.pid IS NULL THEN p.centre_id ELSE r.centre_id END AS centre_id,
               CASE WHEN r.pid IS NOT NULL THEN 0 ELSE p.lc_from_j END AS lc_from_j
           )
    FROM g_person0() AS p
    LEFT JOIN g_rec_participant AS r ON r.pid = p.pid
)
SELECT pid, pnr, pnr_registrations, pnr_results,
       entry_key, terms, has_gap, moves, home0, home1, lc_from_j,
       -- the centre the person studies through (from term lc_from_j of study on)
       CASE WHEN lc THEN centre_id END AS lc_centre_id,
       new_to_higher_education, first_time_quirk,
       long_study, long_study OR full_time_draw AS full_time, long_study AND program_draw AS in_program,
       subject, course_base, distance, ability,
       gender_text, CASE WHEN birth_year_given THEN birth_year END AS given_birth_year,
       parental_education, foreign_background,
       -- the terms a throughput activity takes the person in, with its chance of completion
       -- there, as text ('4048=0.88 4049=': set by 07_throughput.sql, whose UPDATE keeps
       -- the rows in place only for a column of a flat type; a list column's rows move)
       NULL::VARCHAR AS tp_chances
FROM joined
-- in person order: 06_careers.sql keeps it, and the large files are written in it (no
-- join run on several threads keeps the order of the rows it probes)
ORDER BY pid;

DROP TABLE g_pid;
DROP TABLE g_home_bucket;
DROP TABLE g_person_k;
