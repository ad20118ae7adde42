-- Anything shaped like a personnummer (6 or 8 digits, optional - or +, 4 digits) inside
-- a text becomes asterisks. Used on every value a reject message shows and on free-text
-- columns, so an identity number typed in the wrong cell never reaches the database.
CREATE OR REPLACE TEMP MACRO mask_pnr_like(s) AS
  regexp_replace(s, '[0-9]{6}(?:[0-9]{2})?[-+ ]?[0-9]{4}', '**********', 'g');

-- A raw cell as a reject message may quote it: masked, and cut to 40 characters.
CREATE OR REPLACE TEMP MACRO reject_quote(s) AS
  '''' || left(mask_pnr_like(replace(s, chr(0), '')), 40) || CASE WHEN length(s) > 40 THEN '…' ELSE '' END || '''';

-- True when a cell holds something shaped like a personnummer standing alone (not part
-- of a longer run of digits). Such a cell in a code or number column is rejected: an
-- identity number may only arrive in person_id, where it is hashed. The length test
-- keeps the regular expression off the short cells that make up nearly every code.
CREATE OR REPLACE TEMP MACRO looks_like_pnr(s) AS
  length(s) >= 10 AND regexp_matches(s, '(^|[^0-9])[0-9]{6}(?:[0-9]{2})?[-+ ]?[0-9]{4}([^0-9]|$)');
