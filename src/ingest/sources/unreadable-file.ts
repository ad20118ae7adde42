// A Parquet or JSON file DuckDB cannot read at all (not Parquet, cut off, malformed) is
// the file's problem, not a bug: one line naming the file, with DuckDB's cause masked,
// so it is refused and recorded as a failed load like any other.
import { ingestMessages } from '../../messages/ingest.ts';
import { type Text, userError } from '../../messages/message.ts';
import { maskPnrLike } from '../personnummer.ts';
import { printable } from '../sniff-csv.ts';

const FILE_PROBLEM = /^(Invalid Input Error|IO Error): /;

export async function readOrRefuse<T>(
  work: () => Promise<T>,
  displayName: string,
  what: string,
  fix: Text,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const first = (error instanceof Error ? error.message : '').split('\n')[0]!;
    if (!FILE_PROBLEM.test(first)) throw error;
    // DuckDB names the file by its full path; the message names it once, as the user did.
    const cause = printable(
      maskPnrLike(
        first
          .replace(FILE_PROBLEM, '')
          .replace(/\s*(in file|at end of file) "?'?[^"']*["']?/g, '')
          .replace(/[.\s]+$/, ''),
      ),
    );
    throw userError(ingestMessages.unreadableFormat(what, cause, fix), {
      where: { file: displayName },
      cause: error,
    });
  }
}
