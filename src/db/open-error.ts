import { databaseMessages } from '../messages/database.ts';
import { userError } from '../messages/message.ts';

// DuckDB's words when a database file cannot be opened, turned into what a user can act
// on: "Could not set lock on file …: Conflicting lock is held in /usr/bin/node (PID 1234)"
// (another larsam writes it), "Cannot open database … in read-only mode: database does
// not exist" (a wrong --db for a reading command), "… exists, but it is not a valid DuckDB
// database file!" (--db names some other file). Anything else stays the engine's error.

export function translateOpenError(error: unknown, dbPath: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock on file/.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return userError(databaseMessages.inUse(dbPath, pid), { cause: error });
  }
  if (/read-only mode: database does not exist/.test(message))
    return userError(databaseMessages.noDatabase(dbPath), { cause: error });
  if (/not a valid DuckDB database file/.test(message))
    return userError(databaseMessages.notADatabase(dbPath), { cause: error });
  return error;
}
