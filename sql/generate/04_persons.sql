-- Persons: where they live, when they start, how long they study, their background and
-- their identity number. Recruitment activities take over some of them in the next file.

-- The person ids as a table: a scan of it runs on every thread, where range() runs on one.
CREATE OR REPLACE TEMP TABLE g_pid AS SELECT range AS pid FROM range(g_persons());

-- The learning centres of each municipality, for picking one.
CREATE OR REPLACE TEMP TABLE g_centre_pick AS
SELECT municipality_code, list(centre_id ORDER BY centre_id) AS centres
FROM g_centre
GROUP BY municipality_code;

-- Where a person lives is the code whose slice of [0, 1) (g_home_pick) holds a uniform
-- draw u. Looked up by the draw's top 16 bits: 65 536 buckets, each with the code at its
-- start and, where a slice starts inside it (at most one: every slice is wider than a
-- bucket, checked below), that start and its code. The same code as an ASOF join on
-- u >= lo gives, without sorting the persons (an ASOF join sorts both sides).
CREATE OR REPLACE TEMP TABLE g_home_bucket AS
WITH b AS (
    -- b as UBIGINT, the type of key >> 48: a join on keys of two types casts both to HUGEINT
    SELECT b::UBIGINT AS b, b / 65536.0 AS start, (b + 1) / 65536.0 AS stop FROM range(65536) AS t(b)
), at_start AS (
    SELECT b.b, b.start, b.stop, h.code FROM b ASOF JOIN g_home_pick AS h ON b.start >= h.lo
), inside AS (
    SELECT b.b, count(*) AS splits, min(h.lo) AS split, min_by(h.code, h.lo) AS split_code
    FROM b JOIN g_home_pick AS h ON h.lo > b.start AND h.lo < b.stop
    GROUP BY b.b
)
SELECT s.b, s.code, i.split, i.split_code,
       -- a bucket with two slice starts would need more than one split: stop the run
       CASE WHEN i.splits > 1 THEN error('a home slice is narrower than a bucket of g_home_bucket') END AS checked
FROM at_start AS s LEFT JOIN inside AS i ON i.b = s.b;

-- The home for a draw given as a key of g_key (the draw is g_unit(key), its bucket key >> 48).
CREATE OR REPLACE TEMP MACRO g_home_of(key, code, split, split_code) AS
    CASE WHEN split IS NOT NULL AND g_unit(key) >= split THEN split_code ELSE code END;

-- Every person's draws, home, start and background, as a table macro: the numbering
-- below reads three of its columns (DuckDB computes only those), g_person0() all of
-- them. (Stored, its 34 columns took longer to write than to compute.)
CREATE OR REPLACE TEMP MACRO g_person_born() AS TABLE
WITH p AS (
    SELECT pid,
           g_u(pid, 'continuing') < 0.30 AS continuing,
           g_u(pid, 'entry') AS u_entry,
           g_u(pid, 'length') AS u_length,
           g_u(pid, 'gender') AS u_gender,
           g_u(pid, 'gender_text') AS u_gender_text,
           g_u(pid, 'age') AS u_age,
           g_u(pid, 'parents') AS u_parents,
           g_u(pid, 'lc') AS u_lc,
           g_u(pid, 'ability') AS ability
    FROM g_pid
), homed AS (
    -- home1: after a move, if any
    SELECT p.*,
           g_home_of(g_key(p.pid, 'home'), h.code, h.split, h.split_code) AS home0,
           g_home_of(g_key(p.pid, 'home2'), h2.code, h2.split, h2.split_code) AS home1
    FROM p
    JOIN g_home_bucket AS h ON h.b = g_key(p.pid, 'home') >> 48
    JOIN g_home_bucket AS h2 ON h2.b = g_key(p.pid, 'home2') >> 48
), placed AS (
    SELECT h.*,
           coalesce(h.u_lc < m.lc_share, false) AS lc,
           c.centres[g_int(h.pid, 'centre', len(c.centres)) + 1] AS centre_id,
           -- entry term key
           CASE WHEN continuing THEN g_from() - 1 - floor(u_entry * 6)::BIGINT
                ELSE g_from() + floor(u_entry * (g_to() - g_from() + 1))::BIGINT END AS e0,
           -- terms of study counted from the entry
           CASE WHEN u_length < 0.25 THEN 1 WHEN u_length < 0.42 THEN 2 WHEN u_length < 0.54 THEN 3
                WHEN u_length < 0.64 THEN 4 WHEN u_length < 0.72 THEN 5 WHEN u_length < 0.84 THEN 6
                WHEN u_length < 0.92 THEN 7 WHEN u_length < 0.97 THEN 8 ELSE 10 END AS d0
    FROM homed AS h
    LEFT JOIN g_muni AS m ON m.municipality_code = h.home0
    LEFT JOIN g_centre_pick AS c ON c.municipality_code = h.home0
), timed AS (
    SELECT * EXCLUDE (e0),
           -- more students start in the autumn
           CASE WHEN NOT continuing AND e0 % 2 = 0 AND e0 < g_to() AND g_u(pid, 'autumn') < 0.4 THEN e0 + 1 ELSE e0 END AS entry_key,
           CASE WHEN u_gender < 0.60 THEN 'woman' WHEN u_gender < 0.994 THEN 'man' ELSE 'other' END AS gender
    FROM placed
), described AS (
    SELECT *,
           CASE WHEN continuing THEN g_from() - entry_key + d0 ELSE d0 END AS terms,
           d0 >= 6 AS long_study,
           -- age when starting: learning-centre students are older
           CASE WHEN u_age < (CASE WHEN lc THEN 0.15 ELSE 0.40 END) THEN 19 + g_int(pid, 'age2', 3)
                WHEN u_age < (CASE WHEN lc THEN 0.30 ELSE 0.60 END) THEN 22 + g_int(pid, 'age2', 3)
                WHEN u_age < (CASE WHEN lc THEN 0.52 ELSE 0.76 END) THEN 25 + g_int(pid, 'age2', 5)
                WHEN u_age < (CASE WHEN lc THEN 0.80 ELSE 0.91 END) THEN 30 + g_int(pid, 'age2', 10)
                ELSE 40 + g_int(pid, 'age2', 19) END AS entry_age,
           -- highest education of either parent; learning-centre students more often first generation
           CASE WHEN u_parents < (CASE WHEN lc THEN 0.07 ELSE 0.04 END) THEN 'forgymnasial'
                WHEN u_parents < (CASE WHEN lc THEN 0.23 ELSE 0.14 END) THEN 'gymnasial_le2'
                WHEN u_parents < (CASE WHEN lc THEN 0.53 ELSE 0.38 END) THEN 'gymnasial_3'
                WHEN u_parents < (CASE WHEN lc THEN 0.70 ELSE 0.56 END) THEN 'eftergymnasial_lt3'
                WHEN u_parents < (CASE WHEN lc THEN 0.84 ELSE 0.85 END) THEN 'eftergymnasial_ge3'
                WHEN u_parents < (CASE WHEN lc THEN 0.85 ELSE 0.88 END) THEN 'forskarutbildning'
                WHEN u_parents < (CASE WHEN lc THEN 0.91 ELSE 0.93 END) THEN 'unknown'
           END AS parental_education,
           CASE WHEN g_u(pid, 'foreign') < 0.15 THEN true WHEN g_u(pid, 'foreign') < 0.95 THEN false END AS foreign_background,
           CASE gender
               WHEN 'woman' THEN CASE WHEN u_gender_text < 0.88 THEN 'K' WHEN u_gender_text < 0.93 THEN 'kvinna' WHEN u_gender_text < 0.95 THEN 'F' END
               WHEN 'man' THEN CASE WHEN u_gender_text < 0.90 THEN 'M' WHEN u_gender_text < 0.95 THEN 'man' END
               ELSE CASE WHEN u_gender_text < 0.70 THEN 'X' END
           END AS gender_text,
           g_u(pid, 'birth_year_given') < 0.08 AS birth_year_given,
           CASE WHEN lc THEN g_u(pid, 'distance') < 0.95 ELSE g_u(pid, 'distance') < 0.45 END AS distance,
           CASE WHEN g_u(pid, 'lc_from') < 0.8 THEN 0 ELSE 1 + g_int(pid, 'lc_from2', 2) END AS lc_from_j,
           g_u(pid, 'first_time') < 0.85 AS new_to_higher_education,
           g_int(pid, 'subject', 12) AS subject,
           g_int(pid, 'course', 40) AS course_base,
           g_u(pid, 'samordning') < 0.02 AS samordning,
           g_u(pid, 'gap') < 0.08 AS has_gap,
           g_u(pid, 'move') < 0.07 AS moves,
           g_u(pid, 'full_time') < 0.30 AS full_time_draw,
           g_u(pid, 'program') < 0.80 AS program_draw,
           g_u(pid, 'quirk') < 0.004 AS first_time_quirk
    FROM timed
)
SELECT *,
       entry_key // 2 - entry_age AS birth_year,
       CASE WHEN gender = 'man' THEN 1 ELSE 0 END AS parity
FROM described;

-- Identity numbers: the k-th person of a birth year and sex gets a distinct (day of the
-- year, serial) pair, so no two persons share a number. The window runs on narrow rows
-- (over a CTE of the whole rows it took ten times as long).
CREATE OR REPLACE TEMP TABLE g_person_k AS
SELECT pid, row_number() OVER (PARTITION BY birth_year, parity ORDER BY g_key(pid, 'pnr'), pid) - 1 AS k
FROM g_person_born();

-- A table macro: 05_recruitment.sql stores it once, as g_person, with the recruitment
-- activities' changes.
CREATE OR REPLACE TEMP MACRO g_person0() AS TABLE
WITH numbered AS (
    SELECT b.*, r.k
    FROM g_person_born() AS b
    JOIN g_person_k AS r ON r.pid = b.pid
), scrambled AS (
    -- k -> x is a bijection of 0..182499 (7919 is prime to 182500 = 2^2 * 5^4 * 73), and
    -- x -> (day of the year x % 365, serial x // 365) another one: distinct k, distinct pairs.
    SELECT *, (k * 7919 + g_mod(g_fixed2(birth_year, parity, 'serials'), 182500)) % 182500 AS x
    FROM numbered
), dated AS (
    SELECT *,
           make_date(birth_year::BIGINT, 1, 1) + (x % 365)::INTEGER AS birth_date,
           -- three serial digits; the last of them odd for men, even for women (as issued)
           (x // 365) % 100 * 10 + 2 * ((x // 365) // 100) + parity AS serial
    FROM scrambled
), nined AS (
    -- YYMMDDNNN with the month + 20 (never issued, so never a real person's number) and
    -- the day + 60 for a samordningsnummer
    SELECT * EXCLUDE (u_entry, u_length, u_gender, u_gender_text, u_age, u_parents, u_lc, x, birth_date, serial),
           (birth_year % 100) * 10000000 + (month(birth_date) + 20) * 100000
               + (day(birth_date) + CASE WHEN samordning THEN 60 ELSE 0 END) * 1000 + serial AS nine
    FROM dated
), numbers AS (
    -- then the Luhn digit, then the century
    SELECT * EXCLUDE (nine), (birth_year // 100) * 10000000000 + nine * 10 + g_luhn9(nine) AS pnr
    FROM nined
)
-- The forms the big files write it in, once per person: registrations 82 % 12 digits,
-- 8 % 19900101-1234, 10 % 900101-1234; results (Ladok) 90 % 12 digits, 10 % with '-'.
SELECT *,
       g_pnr_text(pnr, CASE WHEN g_u(pid, 'form_registrations') < 0.82 THEN 0
                            WHEN g_u(pid, 'form_registrations') < 0.90 THEN 1 ELSE 2 END) AS pnr_registrations,
       g_pnr_text(pnr, CASE WHEN g_u(pid, 'form_results') < 0.9 THEN 0 ELSE 1 END) AS pnr_results
FROM numbers;
