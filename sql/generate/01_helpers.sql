-- Helpers of the synthetic data generator. The driver (src/generate/generate.ts) first
-- defines the run's parameters as constant macros: g_seed(), g_persons(), g_from() and
-- g_to() (term keys, see term_key in sql/macros/terms.sql) and g_extract() (the date the
-- data set is "extracted": nothing dated later exists in it).
--
-- Every random choice is a pure function of (seed, a row id, a salt) through DuckDB's
-- hash(), never random(): the same seed gives the same data whatever the thread count.

-- A well-mixed 64-bit key from (seed, a, salt) and (seed, a, b, salt). hash() of several
-- values combines the values' hashes with a multiply and XOR, so the same row under two
-- salts gets keys whose high bits agree (correlation 0.88 measured): hashing the
-- combined hash once more mixes them (correlation 0.00).
CREATE OR REPLACE TEMP MACRO g_key(a, salt) AS hash(hash(g_seed(), a, salt));
CREATE OR REPLACE TEMP MACRO g_key2(a, b, salt) AS hash(hash(g_seed(), a, b, salt));

-- Uniform in [0, 1) from (seed, a, salt) and (seed, a, b, salt).
-- (g_unit: the top 53 bits of a key as a DOUBLE in [0, 1).)
CREATE OR REPLACE TEMP MACRO g_unit(key) AS ((key) >> 11)::DOUBLE / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO g_u(a, salt) AS g_unit(g_key(a, salt));
CREATE OR REPLACE TEMP MACRO g_u2(a, b, salt) AS g_unit(g_key2(a, b, salt));

-- A hash modulo n as BIGINT. n is cast to UBIGINT first: UBIGINT % BIGINT would be
-- computed in HUGEINT, many times slower.
CREATE OR REPLACE TEMP MACRO g_mod(h, n) AS (h % (n)::UBIGINT)::BIGINT;

-- Integer in [0, n) from (seed, a, salt) and (seed, a, b, salt).
CREATE OR REPLACE TEMP MACRO g_int(a, salt, n) AS g_mod(g_key(a, salt), n);
CREATE OR REPLACE TEMP MACRO g_int2(a, b, salt, n) AS g_mod(g_key2(a, b, salt), n);

-- The same without the seed, for what stays alike in every run (catalogue, calendar).
CREATE OR REPLACE TEMP MACRO g_fixed(a, salt) AS hash(hash(a, salt));
CREATE OR REPLACE TEMP MACRO g_fixed2(a, b, salt) AS hash(hash(a, b, salt));

-- Luhn check digit of nine digits given as a number: with the check digit 0 in tenth
-- place, the digit that makes the Luhn sum of sql/macros/personnummer.sql a multiple of 10.
CREATE OR REPLACE TEMP MACRO g_luhn9(x) AS
    (10 - (pnr_luhn_pair(x // 10000000) + pnr_luhn_pair(x // 100000 % 100) + pnr_luhn_pair(x // 1000 % 100)
           + pnr_luhn_pair(x // 10 % 100) + pnr_luhn_pair(x % 10 * 10)) % 10) % 10;

-- A 12-digit identity number (as a number) written in one of the accepted forms:
-- 0 = 199001011234, 1 = 19900101-1234, 2 = 900101-1234.
CREATE OR REPLACE TEMP MACRO g_pnr_text(n, form) AS
    CASE form
        WHEN 0 THEN lpad(n::VARCHAR, 12, '0')
        WHEN 1 THEN left(lpad(n::VARCHAR, 12, '0'), 8) || '-' || right(lpad(n::VARCHAR, 12, '0'), 4)
        ELSE substr(lpad(n::VARCHAR, 12, '0'), 3, 6) || '-' || right(lpad(n::VARCHAR, 12, '0'), 4)
    END;

-- The course catalogue: 40 courses per subject, course index = subject * 40 + i, e.g.
-- MA001G; 7.5 credits (55 %), 15 (33 %), 30, 22.5 or 3; the module credits (an empty
-- list: results only for the whole course); the grading scale (UG: U/G/VG, AF: A-F with
-- F and FX failing). Alike in every run. The rules are evaluated once for the 480
-- courses into two small tables (g_course, g_course_slot) that millions of rows join.
CREATE OR REPLACE TEMP MACRO g_subject_prefix(s) AS
    ['MA', 'DT', 'FE', 'OM', 'PE', 'PS', 'SV', 'EN', 'SA', 'MK', 'RV', 'BI'][s + 1];
CREATE OR REPLACE TEMP MACRO g_program_code(s) AS
    ['NGMAT', 'TGDAT', 'SGEKO', 'VGSSK', 'LGGRU', 'SGPSY', 'LGSVA', 'HGENG', 'SGSOC', 'SGMKV', 'SGRAT', 'NGBIO'][s + 1];
CREATE OR REPLACE TEMP MACRO g_credits_rule(idx) AS
    CASE WHEN g_mod(g_fixed(idx, 'credits'), 100) < 55 THEN 7.5 WHEN g_mod(g_fixed(idx, 'credits'), 100) < 88 THEN 15
         WHEN g_mod(g_fixed(idx, 'credits'), 100) < 96 THEN 30 WHEN g_mod(g_fixed(idx, 'credits'), 100) < 98 THEN 22.5
         ELSE 3 END::DECIMAL(4, 1);
CREATE OR REPLACE TEMP MACRO g_modules_rule(idx) AS
    CASE g_credits_rule(idx)
        WHEN 7.5 THEN CASE WHEN g_mod(g_fixed(idx, 'modules'), 100) >= 65 THEN [4.5, 3.0] ELSE [] END
        WHEN 15 THEN CASE WHEN g_mod(g_fixed(idx, 'modules'), 100) >= 80 THEN [6.0, 4.5, 4.5]
                          WHEN g_mod(g_fixed(idx, 'modules'), 100) >= 35 THEN [7.5, 7.5] ELSE [] END
        WHEN 30 THEN [7.5, 7.5, 7.5, 7.5]
        WHEN 22.5 THEN [7.5, 7.5, 7.5]
        ELSE []
    END::DECIMAL(4, 1)[];
-- The catalogue as small tables, joined on the course index (course_idx): a join with a
-- table of 480 rows costs less per row than taking elements out of constant lists, which
-- DuckDB copies into every batch (and into every plan).
CREATE OR REPLACE TEMP TABLE g_course AS
SELECT idx AS course_idx,
       g_subject_prefix(idx // 40) || lpad((idx % 40 + 1)::VARCHAR, 3, '0') || CASE WHEN idx % 40 < 28 THEN 'G' ELSE 'A' END AS course_code,
       g_credits_rule(idx) AS credits,
       g_mod(g_fixed(idx, 'scale'), 100) < 70 AS pass_fail_scale,
       len(g_modules_rule(idx))::INTEGER AS module_count
FROM range(12 * 40) AS r(idx)
ORDER BY idx;
-- The credits of each slot of a course's results (slot_key = course index * 8 + slot):
-- its module's for a module, the course's for the whole-course grade (and the slots after).
CREATE OR REPLACE TEMP TABLE g_course_slot AS
SELECT idx * 8 + slot AS slot_key,
       CASE WHEN slot < len(g_modules_rule(idx)) THEN g_modules_rule(idx)[slot + 1] ELSE g_credits_rule(idx) END::DECIMAL(4, 1) AS credits
FROM range(12 * 40) AS r(idx), range(8) AS s(slot)
ORDER BY slot_key;

-- The course of a person's i-th registration in their j-th term of study: a different
-- course of their subject each time (for the first ten terms).
CREATE OR REPLACE TEMP MACRO g_course_of(subject, course_base, j, i) AS
    subject * 40 + (course_base + j * 4 + i) % 40;

-- A registration's id (unique: at most 8 courses a term, 32 terms of study).
CREATE OR REPLACE TEMP MACRO g_rid(pid, j, i) AS (pid * 32 + j) * 8 + i;

-- The offering (kurstillfälle) code of a course in a term, campus or distance.
CREATE OR REPLACE TEMP MACRO g_offering(course_idx, term_key, distance) AS
    (10000 + g_mod(g_fixed2(course_idx, term_key, distance::INTEGER), 90000))::VARCHAR;

-- Results of a registration's module (or course) in slot k of mm (see out/results.sql):
-- whether the first try passes, and the days of the first try (module k at the end of
-- the k-th mm-th of the term), of a retake (after the term, before its cutoff at term
-- end + 30 days) and of a late pass (after the cutoff).
CREATE OR REPLACE TEMP MACRO g_first_pass(rid, k) AS g_u2(rid, k, 'first_pass') < 0.85;
CREATE OR REPLACE TEMP MACRO g_first_day(rid, k, starts, mm) AS starts + ((k + 1) * 134 // mm - g_int2(rid, k, 'first_day', 5))::INTEGER;
CREATE OR REPLACE TEMP MACRO g_retake_day(rid, k, ends) AS ends + (7 + g_int2(rid, k, 'retake_day', 20))::INTEGER;
CREATE OR REPLACE TEMP MACRO g_late_day(rid, k, ends) AS ends + (31 + g_int2(rid, k, 'late_day', 200))::INTEGER;

-- The result pattern (11_result_patterns.sql) of a registration: the course's module
-- count (0, 2, 3 or 4), the registration's outcome (0-3) and a variant below
-- g_result_variants().
CREATE OR REPLACE TEMP MACRO g_result_variants() AS 1024;
CREATE OR REPLACE TEMP MACRO g_result_pattern(modules, outcome, variant) AS (modules * 4 + outcome) * g_result_variants() + variant;

-- Module codes as Ladok writes them: 0010, 0020, ...
CREATE OR REPLACE TEMP MACRO g_module_code(k) AS ['0010', '0020', '0030', '0040', '0050', '0060'][k + 1];

-- A weekday on or after d (Saturday and Sunday move to Monday).
CREATE OR REPLACE TEMP MACRO g_weekday(d) AS
    d + CASE isodow(d) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END;

-- The terms the generator may touch, with their calendar (a small table joined instead of
-- parsing term names on millions of rows).
CREATE OR REPLACE TEMP TABLE g_terms AS
SELECT k AS term_key,
       term_from_key(k) AS term,
       term_start(term_from_key(k)) AS starts,
       term_end(term_from_key(k)) AS ends
FROM range(g_from() - 12, g_to() + 8) AS t(k);
