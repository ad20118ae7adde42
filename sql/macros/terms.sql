-- The term calendar (data contract, "Terms"), twin of src/terms/term.ts; the two must agree
-- exactly (test/terms/agreement.test.ts checks every day 1995-2045).
-- TEMP macros because this file runs on every connection, read-only ones included.
-- Plain expressions only (no subqueries, no recursion) so they vectorise over millions of rows.

-- Reader for every accepted spelling -> canonical 'HT2025', NULL for anything else. Any case:
-- codes HT2025, ht2025, HT 2025, HT-2025, ht24, HT 24, HT-24, H25, V26; words Höst 2024,
-- Hösten 2024, Hösttermin 2024, Höstterminen 2024, Vår 2025, Våren 2025, Vårtermin 2025,
-- Vårterminen 2025 (one space, a 4-digit year; ö/å precomposed or o/a + combining mark).
-- 2-digit years are 20YY. The same patterns as parseTerm in src/terms/term.ts. [0-9], not
-- \d: ASCII digits only. The words spell out each letter's two cases instead of the 'i'
-- flag, with which RE2 would also take ſ for s and the Ångström sign for å (JavaScript does not).
CREATE OR REPLACE TEMP MACRO term_parse(s VARCHAR) AS
    CASE
        WHEN regexp_full_match(s, '(HT|VT)[ -]?[0-9]{4}', 'i')
            THEN upper(left(s, 1)) || 'T' || right(s, 4)
        WHEN regexp_full_match(s, '(HT|VT)[ -]?[0-9]{2}|[HV][0-9]{2}', 'i')
            THEN upper(left(s, 1)) || 'T20' || right(s, 2)
        WHEN regexp_full_match(s, '([Hh]([Öö]|[Oo]\x{0308})[Ss][Tt]|[Vv]([Åå]|[Aa]\x{030A})[Rr])([Ee][Nn]|[Tt][Ee][Rr][Mm][Ii][Nn]([Ee][Nn])?)? [0-9]{4}')
            THEN CASE WHEN left(s, 1) = 'H' OR left(s, 1) = 'h' THEN 'HT' ELSE 'VT' END || right(s, 4)
    END;

-- Integer with the term order (VT Y < HT Y < VT Y+1): year * 2 + (HT ? 1 : 0). Takes any
-- accepted spelling; NULL when invalid.
CREATE OR REPLACE TEMP MACRO term_key(t VARCHAR) AS
    CAST(right(term_parse(t), 4) AS INTEGER) * 2
        + CAST(starts_with(term_parse(t), 'H') AS INTEGER);

-- Inverse of term_key; NULL outside years 0000-9999 (TypeScript termFromKey throws there).
CREATE OR REPLACE TEMP MACRO term_from_key(k BIGINT) AS
    CASE
        WHEN k BETWEEN 0 AND 19999
            THEN CASE WHEN k % 2 = 1 THEN 'HT' ELSE 'VT' END || lpad(CAST(k // 2 AS VARCHAR), 4, '0')
    END;

-- T + n in term order (n < 0 goes back), so "next term" needs no date arithmetic.
CREATE OR REPLACE TEMP MACRO term_add(t VARCHAR, n BIGINT) AS
    term_from_key(term_key(t) + n);

-- Helper: Monday of ISO week w of year y (week 1 is the week holding 4 January).
-- DATE + INTEGER only: DuckDB has no DATE + BIGINT.
CREATE OR REPLACE TEMP MACRO term_iso_monday(y BIGINT, w BIGINT) AS
    make_date(y, 1, 4) + CAST(7 * (w - 1) + 1 - isodow(make_date(y, 1, 4)) AS INTEGER);

-- First teaching day: Monday of ISO week 3 (VT) or 35 (HT) of the term's year.
CREATE OR REPLACE TEMP MACRO term_start(t VARCHAR) AS
    term_iso_monday(term_key(t) // 2, 3 + 32 * (term_key(t) % 2));

-- Last teaching day: the Sunday that ends the 20 teaching weeks (start + 139 days).
CREATE OR REPLACE TEMP MACRO term_end(t VARCHAR) AS
    term_start(t) + 139;

-- The term whose start is the latest start on or before d: a date of year Y is in
-- HT Y-1 (before VT Y starts), VT Y (incl. the summer) or HT Y. Branch-free: count the
-- starts of year Y already reached.
CREATE OR REPLACE TEMP MACRO term_of(d DATE) AS
    term_from_key(
        year(d) * 2 - 1
            + CAST(d >= term_iso_monday(year(d), 3) AS INTEGER)
            + CAST(d >= term_iso_monday(year(d), 35) AS INTEGER)
    );
