import { databaseMessages } from '../messages/database.ts';
import { userError } from '../messages/message.ts';
import { LarsamError } from '../util/errors.ts';

// A full disk (ENOSPC), a full quota (EDQUOT) or a file size limit (EFBIG, `ulimit -f`)
// is something the user fixes, not a bug. DuckDB says: 'TransactionContext Error:
// Failed to commit: Could not write file "/x/larsam.duckdb.wal": File too large' (or
// "No space left on device"); Node's fs says so in the error's code and path.

const DISK_FULL = /No space left on device|File too large|Disk quota exceeded/i;
const DISK_FULL_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

/** The one-line error for a write that found no room, or the error unchanged. */
export function translateDiskFull(error: unknown): unknown {
  if (error instanceof LarsamError || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (!(code && DISK_FULL_CODES.has(code)) && !DISK_FULL.test(error.message)) return error;
  const path =
    (error as NodeJS.ErrnoException).path ??
    /Could not write file "([^"]+)"/.exec(error.message)?.[1];
  const limit = /File too large/i.test(error.message) || code === 'EFBIG';
  return userError(databaseMessages.diskFull(limit, path), { cause: error });
}
