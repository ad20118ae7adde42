// Judge: each staged row's line in the file, and whether it is loaded: it breaks no rule,
// its person is valid and not erased, and for kinds with unique keys it is the first row
// of its key. The line mapping's tables and the judged table are this stage's: they live
// while `work` runs and are dropped when it ends.
import { UNIQUE_KEYS } from '../../contract/keys.ts';
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
import type { FileScan } from '../scan-file.ts';
import { type LineMapping, withLineMapping } from '../sources/line-numbers.ts';
import type { Source } from '../sources/source.ts';
import type { StageTimes } from '../stage-times.ts';
import type { Staged } from './stage-rows.ts';

export interface Judged {
  lines: LineMapping;
  /** FROM clause over the staged rows `s` (with `m`, the person, where the kind has one). */
  from: string;
  /** SQL of a row's line, and whether it is loaded. */
  line: string;
  keep: string;
  /** ' AND NOT <erased>' where rows of erased persons are skipped, else ''. */
  notErased: string;
  skipErased: boolean;
  /** For kinds with unique keys: the key and the table of rec, line, keep, duplicate, first_rec. */
  unique?: { keys: readonly string[]; table: string };
}

export async function withJudged<T>(
  db: Database,
  kind: Kind,
  source: Source,
  staged: Staged,
  file: { scan: FileScan; displayName: string; includeErased: boolean },
  tag: string,
  times: StageTimes,
  work: (judged: Judged) => Promise<T>,
): Promise<T> {
  const facts = { staged: staged.rows, structural: staged.structural, fileLines: file.scan.lines };
  return withLineMapping(db, source.lines, tag, facts, async (lines) => {
    if (staged.structuralTable && staged.structural > 0)
      await assertNothingSwallowed(db, staged.structuralTable, file.scan, lines, file.displayName);

    const s = q(staged.table);
    const person = staged.person;
    const personJoin = person ? `LEFT JOIN ${q(person.ids)} AS m ON m.k = s._pk` : '';
    const skipErased = staged.erasedPersons > 0 && !file.includeErased;
    const notErased = skipErased ? ' AND NOT coalesce(m.erased, false)' : '';
    const personOk = person ? ` AND NOT coalesce(m.invalid, false)${notErased}` : '';
    const keys = UNIQUE_KEYS[kind];
    if (!keys) {
      return work({
        lines,
        from: `${s} AS s ${lines.join('s')} ${personJoin}`,
        line: lines.expression('s'),
        keep: `s._reasons IS NULL${personOk}`,
        notErased,
        skipErased,
      });
    }
    if (person) throw new Error(`unique keys are not supported for ${kind}, which has a person_id`);
    // For unique keys, the first row (of those passing every rule) holding each key.
    const table = `${tag}_judged`;
    try {
      const ok = 's._reasons IS NULL';
      const firstOfKey = `min(s.rowid) OVER (PARTITION BY ${keys.map((k) => `s.${q(k)}`).join(', ')}, ${ok})`;
      await db.run(`CREATE OR REPLACE TEMP TABLE ${q(table)} AS
        SELECT s.rowid AS rec, ${lines.expression('s')} AS line, ${ok} AND ${firstOfKey} = s.rowid AS keep,
               ${ok} AND ${firstOfKey} <> s.rowid AS duplicate, ${firstOfKey} AS first_rec
        FROM ${s} AS s ${lines.join('s')}`);
      times.mark('judged');
      return await work({
        lines,
        from: `${s} AS s JOIN ${q(table)} AS j ON j.rec = s.rowid`,
        line: 'j.line',
        keep: 'j.keep',
        notErased,
        skipErased,
        unique: { keys, table },
      });
    } finally {
      await db.run(`DROP TABLE IF EXISTS ${q(table)}`).catch(() => undefined);
    }
  });
}

/**
 * A quote that never closes makes DuckDB read the rest of the file as one value and
 * reject it as one line. Rows would vanish silently, so the whole file is refused.
 */
async function assertNothingSwallowed(
  db: Database,
  rejectsTable: string,
  scan: FileScan,
  lines: LineMapping,
  displayName: string,
): Promise<void> {
  const last = await db.one<{ line: bigint; error_type: string }>(
    `SELECT line, error_type FROM ${q(rejectsTable)} ORDER BY line DESC LIMIT 1`,
  );
  // Where records span several lines, the line count alone cannot tell: the re-read can.
  const swallowed = lines.records ? lines.records.endedInQuote : scan.lines > Number(last?.line);
  if (last && last.error_type === 'UNQUOTED VALUE' && swallowed) {
    throw userError(ingestMessages.unclosedQuote(scan.lines - Number(last.line)), {
      where: { file: displayName, line: Number(last.line) },
    });
  }
}
