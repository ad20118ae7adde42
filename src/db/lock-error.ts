import { databaseMessages } from '../messages/database.ts';
import { userError } from '../messages/message.ts';

// DuckDB says: "IO Error: Could not set lock on file …: Conflicting lock is held in
// /usr/bin/node (PID 1234) …". Users need the PID and a way out, not the engine's words.

export function translateLockError(error: unknown, dbPath: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file/.test(message)) return error;
  const pid = /PID (\d+)/.exec(message)?.[1];
  return userError(databaseMessages.inUse(dbPath, pid), { cause: error });
}
