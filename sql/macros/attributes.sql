-- Person attributes as the indicators read them (indicators.md).

-- Parental education: first-generation is no parent with post-secondary education (the
-- highest parental level forgymnasial, gymnasial_le2 or gymnasial_3); low parental
-- education is UKÄ's "lågutbildade föräldrar", at most two-year upper secondary. NULL
-- (unknown) gives NULL.
CREATE OR REPLACE TEMP MACRO is_first_generation(parental_education) AS
  parental_education IN ('forgymnasial', 'gymnasial_le2', 'gymnasial_3');

CREATE OR REPLACE TEMP MACRO is_low_parental_education(parental_education) AS
  parental_education IN ('forgymnasial', 'gymnasial_le2');

-- An aggregate: the first non-empty value in the order of sort_key, that is the value
-- of the row with the smallest sort_key among the rows whose value is not NULL (NULL
-- when every value is) — arg_min(value, sort_key) FILTER (WHERE value IS NOT NULL), but
-- much cheaper over millions of groups (int_person_terms' attribute rule). Both are
-- packed in one BIGINT as sort_key × 2^20 + value: a NULL value makes it NULL, which min
-- skips, and the remainder is the value (equal keys take the smaller value). Needs
-- 0 ≤ sort_key < 2^43 and integer values 0 ≤ value < 2^20.
CREATE OR REPLACE TEMP MACRO first_non_empty(value, sort_key) AS
  min(sort_key * 1048576 + value) % 1048576;
