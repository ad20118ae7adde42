-- Key-based twins of the term macros for the models. The text macros of terms.sql parse
-- their argument with regular expressions, and every nesting repeats that parse (one
-- int_terms row took seconds to bind); models work on term keys instead. Stored terms
-- are canonical ('HT2025'), so their key needs no regular expression.

-- Key of a canonical term: year * 2 + (HT ? 1 : 0).
CREATE OR REPLACE TEMP MACRO canonical_term_key(t) AS
    CAST(right(t, 4) AS INTEGER) * 2 + CAST(left(t, 1) = 'H' AS INTEGER);

-- First and last teaching day of the term with key k.
CREATE OR REPLACE TEMP MACRO term_start_of_key(k) AS
    term_iso_monday(k // 2, 3 + 32 * (k % 2));

CREATE OR REPLACE TEMP MACRO term_end_of_key(k) AS
    term_start_of_key(k) + 139;

-- Key of term_of(d): the term whose start is the latest on or before d.
CREATE OR REPLACE TEMP MACRO term_key_of_date(d) AS
    year(d) * 2 - 1
        + CAST(d >= term_iso_monday(year(d), 3) AS INTEGER)
        + CAST(d >= term_iso_monday(year(d), 35) AS INTEGER);
