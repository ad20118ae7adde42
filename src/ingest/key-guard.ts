// The database remembers a fingerprint of the pseudonym key it was built with (never the
// key). Hashing new files with another key would split every person in two, so a
// different key is refused before anything is written.
import type { Database } from '../db/database.ts';
import { ingestMessages } from '../messages/ingest.ts';
import { userError } from '../messages/message.ts';

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
    throw userError(
      ingestMessages.wrongKey(ingestMessages.keySource(source), stored.value, fingerprint),
    );
  }
}
