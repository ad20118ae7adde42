-- The load ledger, the rejects and a small key-value table of database facts. Raw
-- tables (one per kind) are created from the contract by src/ingest/raw-tables.ts.

CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1;

-- One row per load: the truth about what is in the raw tables. status is 'loaded',
-- 'replaced' once a newer version of the same file (or --replace) took its place, or
-- 'failed' / 'failed_strict' for a file that loaded nothing (the why in failure; no
-- rows of it anywhere). A failed entry gets replaced_by once a later load of the same
-- file (or --replace) took its place, so status shows only the latest outcome.
CREATE TABLE IF NOT EXISTS loads (
  load_id INTEGER PRIMARY KEY,
  path VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  encoding VARCHAR,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  status VARCHAR NOT NULL,
  replaced_by INTEGER,
  failure VARCHAR
);
-- Databases made before failed loads were recorded get the why (a no-op, writing
-- nothing, once it is there). A file that could not even be read has sha256 ''.
ALTER TABLE loads ADD COLUMN IF NOT EXISTS failure VARCHAR;

-- One row per broken rule: a row that breaks two rules has two entries. Cells are
-- quoted masked; a person_id is never quoted.
CREATE TABLE IF NOT EXISTS rejects (
  load_id INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  line BIGINT,
  column_name VARCHAR,
  rule VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  -- The activity_id the rejected row names, for the four activity kinds (never a
  -- person_id): the decision sheet says which activity a row that could not be read
  -- belonged to. NULL for other kinds and for lines that could not be split.
  record_key VARCHAR
);
-- Databases made before record_key existed get it (NULL for their earlier rejects).
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS record_key VARCHAR;

CREATE TABLE IF NOT EXISTS larsam_meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- The data subject's rights (src/rights/): one row per `larsam forget` or `larsam
-- retention` that changed the database. Never an identity number or a pseudonym: how
-- many persons, which loads, how many rows of each table, and when.
CREATE TABLE IF NOT EXISTS erasures (
  erased_at TIMESTAMP NOT NULL,
  -- 'forget' (erasure on request) or 'retention' (loads past the retention period)
  reason VARCHAR NOT NULL,
  persons INTEGER,
  -- retention: the period (e.g. '10y') and the loads removed
  keep VARCHAR,
  load_ids INTEGER[],
  rows_removed MAP(VARCHAR, BIGINT) NOT NULL
);
-- Tombstones of erased persons, so that a later ingest does not bring one back
-- silently: HMAC-SHA-256(key, 'erased:' || pseudonym), never the pseudonym itself, so
-- only someone holding the key and the identity number can match one.
CREATE TABLE IF NOT EXISTS erased_persons (
  tombstone VARCHAR PRIMARY KEY
);
-- Rows a load skipped because they belong to an erased person (neither loaded nor
-- rejected); rows a later `larsam forget` removed are counted here too.
ALTER TABLE loads ADD COLUMN IF NOT EXISTS rows_erased BIGINT;
