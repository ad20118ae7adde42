// Loads one file as one transaction, in three stages that each own what they make:
// stage (load/stage-rows.ts) runs every row through the contract's rules into temporary
// tables, judge (load/judge-rows.ts) gives each row its line and says whether it loads,
// commit (load/commit-load.ts) inserts the good rows into the kind's raw table and the
// others into rejects, replaces an earlier version of the same file and writes the
// ledger row. This file opens the source and owns it (its cleanup, a transcoded copy).
// On any error nothing of the file is visible.
import { rm } from 'node:fs/promises';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { ingestMessages } from '../messages/ingest.ts';
import { userError } from '../messages/message.ts';
import type { LarsamError } from '../util/errors.ts';
import type { FileFormat } from './file-format.ts';
import { commitLoad } from './load/commit-load.ts';
import { withJudged } from './load/judge-rows.ts';
import { withStaged } from './load/stage-rows.ts';
import type { Pads } from './load/tombstones.ts';
import { openSource } from './open-source.ts';
import { maskPnrLike } from './personnummer.ts';
import type { FileScan } from './scan-file.ts';
import { printable } from './sniff-csv.ts';
import { stageTimes, type StageTimes } from './stage-times.ts';
import { supersedeFailures } from './failed-loads.ts';
import type { ReplaceMode } from './replace-plan.ts';

export interface LoadSettings {
  /** HMAC key blocks (never the key itself in SQL). */
  pads: Pads;
  /** YYYY-MM-DD: fixes the century of 10-digit personnummer. */
  ingestDate: string;
  /** Which earlier failures a load supersedes, as its rows replace (replace-plan.ts). */
  replaceMode: ReplaceMode;
  strict: boolean;
  workDir: string;
  /** Load the rows of erased persons (larsam forget) too, and lift their tombstones; also loads a file removed by retention again. */
  includeErased?: boolean;
}

export interface RejectPreview {
  line: number | null;
  column: string | null;
  reason: string;
}

export interface LoadResult {
  file: string;
  kind: Kind;
  status: 'loaded' | 'unchanged' | 'failed_strict';
  loadId: number | null;
  format: string;
  encoding: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  replacedLoads: number;
  /** The earlier loads whose rows this load removed (none unless it committed). */
  replaced: { file: string; path: string; rows: number }[];
  warnings: string[];
  rejects: RejectPreview[];
  /**
   * Rows of erased persons (larsam forget) in the file: skipped (neither loaded nor
   * rejected), or with --include-erased loaded and the persons' tombstones lifted.
   * persons is null for an unchanged file (counted when it was erased). expired: the
   * content was removed by larsam retention and is not loaded again.
   */
  erased?: { rows: number; persons: number | null; restored: boolean };
  expired?: boolean;
}

export async function loadFile(
  db: Database,
  file: {
    path: string;
    displayName: string;
    kind: Kind;
    format: FileFormat;
    scan: FileScan;
    replaces?: readonly number[];
  },
  settings: LoadSettings,
  times: StageTimes = stageTimes(file.displayName),
): Promise<LoadResult> {
  const { kind, scan, displayName } = file;
  const base = {
    file: displayName,
    kind,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    replacedLoads: 0,
    replaced: [],
    rejects: [],
  };
  if (scan.bytes === 0) {
    throw userError(ingestMessages.emptyFile(), { where: { file: displayName } });
  }
  const same = await db.one<{ load_id: number; rows_erased: number }>(
    `SELECT load_id, coalesce(rows_erased, 0)::INTEGER AS rows_erased FROM loads WHERE sha256 = $sha AND kind = $kind AND status = 'loaded' LIMIT 1`,
    { sha: scan.sha256, kind },
  );
  const includeErased = settings.includeErased ?? false;
  let replaces = file.replaces ?? [];
  if (same && same.rows_erased > 0 && includeErased) {
    // The same content, loaded again in full: it takes the place of the load the erasure thinned.
    replaces = [...replaces, same.load_id];
  } else if (same && same.rows_erased > 0) {
    await supersedeFailures(db, { path: file.path, kind, mode: 'path' }, same.load_id);
    return {
      ...base,
      status: 'unchanged',
      loadId: same.load_id,
      format: file.format,
      encoding: null,
      warnings: [],
      erased: { rows: same.rows_erased, persons: null, restored: false },
    };
  } else if (same) {
    // The file is back to content in use: an earlier failure of it is no longer its latest outcome.
    await supersedeFailures(db, { path: file.path, kind, mode: 'path' }, same.load_id);
    return {
      ...base,
      status: 'unchanged',
      loadId: same.load_id,
      format: file.format,
      encoding: null,
      warnings: [],
    };
  }
  if (!same && !includeErased) {
    const expired = await db.one<{ load_id: number }>(
      `SELECT load_id FROM loads WHERE sha256 = $sha AND kind = $kind AND status = 'expired' LIMIT 1`,
      { sha: scan.sha256, kind },
    );
    if (expired)
      return {
        ...base,
        status: 'unchanged',
        loadId: expired.load_id,
        format: file.format,
        encoding: null,
        warnings: [],
        expired: true,
      };
  }

  const tag = `_load_${process.pid}`;
  const opened = await openSource(db, file, settings.workDir, tag);
  times.mark('open');
  const { source } = opened;
  try {
    const stageSettings = { ...settings, displayName };
    const judging = { scan, displayName, includeErased };
    const committed = await withStaged(db, kind, source, stageSettings, tag, times, (staged) =>
      withJudged(db, kind, source, staged, judging, tag, times, (judged) =>
        commitLoad(db, { ...file, replaces }, settings, opened, staged, judged, times),
      ),
    );
    if (committed.status === 'loaded') {
      times.mark('commit');
      times.report();
    }
    return committed;
  } catch (error) {
    throw unreadableCsv(error, displayName) ?? error;
  } finally {
    await source.cleanup(db).catch(() => undefined);
    if (opened.temporaryFile) await rm(opened.temporaryFile, { force: true });
  }
}

/**
 * DuckDB's CSV reader gives up on some byte sequences even in strict mode with rejects
 * kept (e.g. CR NUL LF: "The CSV Parser state machine reached an invalid state"). That is
 * the file's problem, not a bug: one line naming the file, masked and printable.
 */
function unreadableCsv(error: unknown, displayName: string): LarsamError | undefined {
  const first = (error instanceof Error ? error.message : '').split('\n')[0]!;
  if (!/^Invalid Input Error: .*\bCSV\b/.test(first)) return undefined;
  const cause = printable(
    maskPnrLike(first.replace(/^Invalid Input Error: /, '').replace(/[.\s]+$/, '')),
  );
  return userError(ingestMessages.unreadableCsv(cause), {
    where: { file: displayName },
    cause: error,
  });
}
