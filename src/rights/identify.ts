// From an identity number given on the command line to what the database holds: the
// pseudonym ingest would have made of it (the same normalisation and HMAC as ingest,
// src/ingest/personnummer.ts and pseudonym-key.ts), and the tombstone an erasure leaves.
// Neither the number nor the pseudonym is ever put in a message.
import type { Database } from '../db/database.ts';
import { KINDS, type Kind } from '../contract/kinds.ts';
import { classifyPersonId } from '../ingest/personnummer.ts';
import { loadPseudonymKey, pseudonymize, type PseudonymKey } from '../ingest/pseudonym-key.ts';
import { PSEUDONYM_HEX_LENGTH, personIdColumn } from '../ingest/validation-sql.ts';
import type { Text } from '../i18n/text.ts';
import { text, userError } from '../messages/message.ts';
import { RIGHTS_ERRORS } from '../messages/rights.ts';

const FINGERPRINT = 'pseudonym_key_fingerprint';

/** The kinds whose raw table has a person_id column (registrations, results, degrees, participations). */
export const PERSON_KINDS: Kind[] = KINDS.filter((kind) => personIdColumn(kind) !== undefined);

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The pseudonym of one identity number (or already pseudonymous id), exactly as ingest
 * stores it: a personnummer is checked and normalised to 12 digits (a 10-digit form
 * against `date`, as ingest does against its ingest date), then HMAC-SHA-256 with the key,
 * cut to the stored length. `position` names the number in messages (never its digits).
 */
export function pseudonymOf(
  key: Buffer,
  raw: string,
  position: Text | string,
  date = today(),
): string {
  const where = typeof position === 'string' ? text(position, position) : position;
  const id = classifyPersonId(raw, date);
  if (id.kind === 'invalid') {
    throw userError(RIGHTS_ERRORS.badCheckDigit(where));
  }
  if (id.kind === 'empty') throw userError(RIGHTS_ERRORS.emptyNumber(where));
  const value = id.kind === 'personnummer' ? id.normalized : id.value;
  return pseudonymize(key, value).slice(0, PSEUDONYM_HEX_LENGTH);
}

/** The erasure tombstone of a pseudonym: HMAC(key, 'erased:' || pseudonym), full length; it never equals or contains the pseudonym. */
export function tombstoneOf(key: Buffer, pseudonym: string): string {
  return pseudonymize(key, `erased:${pseudonym}`);
}

/**
 * The key the database's ids were hashed with, or null when the database holds no hashed
 * ids yet (nothing to find). A different key is refused: it would find nobody.
 */
export async function keyForDatabase(
  db: Database,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PseudonymKey | null> {
  const hasMeta = await db.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'larsam_meta' AND schema_name = 'main'`,
  );
  if (!hasMeta) return null;
  const stored = await db.one<{ value: string }>(`SELECT value FROM larsam_meta WHERE key = $key`, {
    key: FINGERPRINT,
  });
  if (!stored) return null;
  const key = loadPseudonymKey(db.path, env, true);
  if (key.fingerprint !== stored.value) {
    throw userError(RIGHTS_ERRORS.wrongKey(stored.value, key.fingerprint));
  }
  return key;
}
