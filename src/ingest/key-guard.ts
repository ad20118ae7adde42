// The database remembers a fingerprint of the pseudonym key it was built with (never the
// key). Hashing new files with another key would split every person in two, so a
// different key is refused before anything is written.
import type { Database } from '../db/database.ts';
import { LarsamError } from '../util/errors.ts';

const FINGERPRINT = 'pseudonym_key_fingerprint';

/** True when the database already holds a key's fingerprint (ids hashed with it). */
export async function keyInUse(db: Database): Promise<boolean> {
  return (
    (await db.one(`SELECT 1 FROM larsam_meta WHERE key = $key`, { key: FINGERPRINT })) !== undefined
  );
}

export async function guardPseudonymKey(
  db: Database,
  fingerprint: string,
  source: 'env' | 'file' | 'ephemeral',
): Promise<void> {
  const stored = await db.one<{ value: string }>(`SELECT value FROM larsam_meta WHERE key = $key`, {
    key: FINGERPRINT,
  });
  if (!stored) {
    await db.run(`INSERT INTO larsam_meta VALUES ($key, $value)`, {
      key: FINGERPRINT,
      value: fingerprint,
    });
    return;
  }
  if (stored.value !== fingerprint) {
    throw new LarsamError(
      `the pseudonym key (from ${source === 'env' ? 'LARSAM_PSEUDONYM_KEY' : source === 'file' ? 'the key file beside the database' : 'a one-off key'}) is not the one this database was built with (fingerprint ${stored.value}, given ${fingerprint})`,
      {
        fix: 'use the original key (LARSAM_PSEUDONYM_KEY or the larsam.key file beside the database), or load into a new --db',
      },
    );
  }
}
