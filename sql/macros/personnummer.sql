-- Swedish personnummer / samordningsnummer: shape, Luhn check, normalisation to 12 digits.
-- TypeScript twin: src/ingest/personnummer.ts (test/ingest/personnummer.test.ts checks that
-- both agree on generated and hand-picked values). Data contract: "Identifiers and personal data".
--
-- Run on every connection, so every statement is CREATE OR REPLACE TEMP MACRO.
-- Everything is vectorised: one regexp per row plus integer arithmetic, no subqueries.
--
-- Rules (same as the TypeScript side):
--   * Surrounding whitespace is trimmed first. Whitespace = exactly the characters that
--     JavaScript String.prototype.trim removes: U+0009-U+000D, U+0020, U+00A0, U+1680,
--     U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
--   * Shape: 6 or 8 ASCII digits, an optional '-' or '+', then 4 ASCII digits.
--   * Luhn on the last ten digits (weights 2,1,2,1,... on the first nine, digit sums,
--     check digit = (10 - sum mod 10) mod 10). The calendar date is NOT validated.
--   * A 12-digit form keeps its own century, whatever the separator.
--   * A 10-digit form: let t = YYMMDD as a number (day - 60 when the day is above 60,
--     i.e. a samordningsnummer) and i = the ingest date's YYMMDD as a number. Then
--       century = ingest_year // 100 - (1 if t >= i else 0) - (1 if separator is '+' else 0)
--     i.e. '-' or no separator: the birth date is at most 100 years before the ingest date
--     (exactly 100 years counts as "at most", so YYMMDD equal to the ingest date's means
--     born exactly 100 years earlier, never born on the ingest date itself), '+': more than
--     100 years before it. The ingest date must be in years 1000-9999.
--
-- Internal encoding, pnr_code(s) BIGINT:
--   NULL when s is NULL, 1 when s is not personnummer-shaped, otherwise
--   1 0000000000 + the ten digits        for a 10-digit form  (11 digits)
--   1 000000000000 + the twelve digits   for a 12-digit form  (13 digits)
--   plus 10000000000000 (1e13) when the separator is '+'.
--
-- Performance: call the macros in a SELECT list. pnr_code(s) appears several times in the
-- expanded macros, and DuckDB evaluates such a common subexpression once per row in a
-- projection (one regexp per row for any mix of pnr_luhn_ok, pnr_normalize, pnr_birth_year).
-- In a WHERE clause there is no such sharing, so each reference runs the regexp again
-- (about 3-4 times slower, still correct). pnr_shape is a separate, cheaper regexp.
-- (A list-lambda "let" would share it in WHERE too but made projections 4x slower.)

-- The personnummer shape after trimming (full match, cheapest check).
CREATE OR REPLACE TEMP MACRO pnr_shape(s) AS
  coalesce(regexp_full_match(s,
    '[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*(?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4}[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*'),
    false);

-- s without surrounding whitespace (the value a pseudonymous id is used as).
CREATE OR REPLACE TEMP MACRO pnr_trim(s) AS
  regexp_replace(s,
    '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$',
    '', 'g');

-- What a reject table may show of any person_id: the trimmed value with every character
-- except '-' and '+' replaced by '*' (same as maskPersonId in TypeScript).
CREATE OR REPLACE TEMP MACRO pnr_mask(s) AS
  regexp_replace(pnr_trim(s), '[^-+]', '*', 'g');

-- See "Internal encoding" above. The second alternative swallows any non-matching value
-- so that the rewrite leaves just '1'.
CREATE OR REPLACE TEMP MACRO pnr_code(s) AS
  CAST(regexp_replace(s,
    '^(?:[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*([0-9]{2})?([0-9]{6})[-+]?([0-9]{4})[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*|(?s:.*))$',
    '1\1\2\3') AS BIGINT)
  + CASE WHEN contains(s, '+') THEN 10000000000000 ELSE 0 END;

-- Luhn contribution mod 10 of a digit pair (weight-2 digit a, weight-1 digit b), p = 10a + b.
CREATE OR REPLACE TEMP MACRO pnr_luhn_pair(p) AS
  [0,1,2,3,4,5,6,7,8,9, 2,3,4,5,6,7,8,9,0,1, 4,5,6,7,8,9,0,1,2,3, 6,7,8,9,0,1,2,3,4,5,
   8,9,0,1,2,3,4,5,6,7, 1,2,3,4,5,6,7,8,9,0, 3,4,5,6,7,8,9,0,1,2, 5,6,7,8,9,0,1,2,3,4,
   7,8,9,0,1,2,3,4,5,6, 9,0,1,2,3,4,5,6,7,8][p + 1];

-- Luhn check of ten digits given as a BIGINT 0..9999999999.
CREATE OR REPLACE TEMP MACRO pnr_luhn10(x) AS
  (pnr_luhn_pair(x // 100000000) + pnr_luhn_pair(x // 1000000 % 100)
   + pnr_luhn_pair(x // 10000 % 100) + pnr_luhn_pair(x // 100 % 100)
   + pnr_luhn_pair(x % 100)) % 10 = 0;

-- The following take a pnr_code value c.
CREATE OR REPLACE TEMP MACRO pnr_code_luhn_ok(c) AS
  CASE WHEN c % 10000000000000 > 1 THEN pnr_luhn10(c % 10000000000) END;

CREATE OR REPLACE TEMP MACRO pnr_code_normalize(c, ingest_date) AS
  CASE WHEN c % 10000000000000 > 1 AND pnr_luhn10(c % 10000000000) THEN
    lpad(CAST(
      CASE WHEN c % 10000000000000 >= 1000000000000 THEN c % 1000000000000
      ELSE (year(ingest_date) // 100
            - CASE WHEN c % 10000000000 // 10000
                        - CASE WHEN c % 10000000000 // 10000 % 100 > 60 THEN 60 ELSE 0 END
                      >= year(ingest_date) % 100 * 10000 + month(ingest_date) * 100 + day(ingest_date)
                   THEN 1 ELSE 0 END
            - CASE WHEN c >= 10000000000000 THEN 1 ELSE 0 END) * 10000000000
           + c % 10000000000
      END AS VARCHAR), 12, '0')
  END;

CREATE OR REPLACE TEMP MACRO pnr_luhn_ok(s) AS
  pnr_code_luhn_ok(pnr_code(s));

CREATE OR REPLACE TEMP MACRO pnr_normalize(s, ingest_date) AS
  pnr_code_normalize(pnr_code(s), ingest_date);

CREATE OR REPLACE TEMP MACRO pnr_birth_year(s, ingest_date) AS
  CAST(left(pnr_normalize(s, ingest_date), 4) AS INTEGER);
