import { LarsamError } from '../util/errors.ts';

// DuckDB says: "IO Error: Could not set lock on file …: Conflicting lock is held in
// /usr/bin/node (PID 1234) …". Users need the PID and a way out, not the engine's words.

export function translateLockError(error: unknown, dbPath: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file/.test(message)) return error;
  const pid = /PID (\d+)/.exec(message)?.[1];
  return new LarsamError(
    `the database ${dbPath} is in use by ${pid ? `process ${pid}` : 'another process'}`,
    { fix: 'wait for it to finish, or use another --db', cause: error },
  );
}
