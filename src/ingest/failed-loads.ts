// A file that fails as a whole is recorded in the ledger too, so `larsam status` and the
// report's data quality name it instead of it vanishing after the command's one line.
// Its rows are never anywhere: a failed entry is 'failed' (the load threw) or
// 'failed_strict' (rows rejected under --strict), with rows_loaded 0 and the why.
import { basename } from 'node:path';
import { INTEGER, VARCHAR } from '@duckdb/node-api';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import type { LarsamError } from '../util/errors.ts';
import { maskPnrLike } from './personnummer.ts';
import type { ReplaceMode } from './replace-plan.ts';

export const FAILED_STATUSES = ['failed', 'failed_strict'] as const;
export type FailedStatus = (typeof FAILED_STATUSES)[number];

/** SQL: a ledger entry that is a failure not yet followed by a later load of its file. */
export const CURRENT_FAILURE_SQL = `status IN ('failed', 'failed_strict') AND replaced_by IS NULL`;

export interface FailedLoad {
  path: string;
  displayName: string;
  kind: Kind;
  format: string;
  /** Null when the file could not even be read to hash it (stored as ''). */
  sha256: string | null;
  status: FailedStatus;
  why: string;
  encoding?: string | null;
  rowsRead?: number;
  rowsRejected?: number;
}

/**
 * The why as stored: the one-line message and fix with its line and column, without the
 * file (the entry names it, and the report should not show the user's folders), with
 * anything shaped like a personnummer masked.
 */
export function failureText(error: LarsamError): string {
  const { line, column } = error.where;
  const place = [
    line !== undefined ? `line ${line}` : undefined,
    column !== undefined ? `column ${column}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return maskPnrLike(`${place ? `${place}: ` : ''}${error.message}. Fix: ${error.fix}`);
}

/**
 * Writes the failed entry in its own short transaction (the failed load's own has been
 * rolled back); an earlier failure of the same path is superseded by it. Returns its id.
 */
export async function recordFailedLoad(db: Database, failed: FailedLoad): Promise<number> {
  return db.transaction(async () => {
    const loadId = Number(
      (await db.one<{ id: bigint }>(`SELECT nextval('load_id_seq') AS id`))!.id,
    );
    await db.run(
      `INSERT INTO loads (load_id, path, file_name, sha256, kind, format, encoding, rows_read, rows_loaded, rows_rejected, loaded_at, status, replaced_by, failure)
       VALUES ($id, $path, $name, $sha, $kind, $format, $encoding, $read, 0, $rejected, now()::TIMESTAMP, $status, NULL, $why)`,
      {
        id: loadId,
        path: failed.path,
        name: basename(failed.displayName),
        sha: failed.sha256 ?? '',
        kind: failed.kind,
        format: failed.format,
        encoding: failed.encoding ?? null,
        read: failed.rowsRead ?? 0,
        rejected: failed.rowsRejected ?? 0,
        status: failed.status,
        why: failed.why,
      },
      { id: INTEGER, encoding: VARCHAR },
    );
    await supersedeFailures(db, { path: failed.path, kind: failed.kind, mode: 'path' }, loadId);
    return loadId;
  });
}

/**
 * Earlier failures this load takes the place of get replaced_by: the same path always,
 * the same file name of the kind with --replace, every failure of the kind with
 * --replace-kind (the same scope as the rows it replaces).
 */
export async function supersedeFailures(
  db: Database,
  scope: { path: string; kind: Kind; mode: ReplaceMode },
  byLoadId: number,
): Promise<void> {
  const match =
    scope.mode === 'kind'
      ? 'kind = $kind'
      : scope.mode === 'name'
        ? 'kind = $kind AND (path = $path OR file_name = $name)'
        : 'kind = $kind AND path = $path';
  const params: Record<string, string | number> = { kind: scope.kind, by: byLoadId };
  if (scope.mode !== 'kind') params.path = scope.path;
  if (scope.mode === 'name') params.name = basename(scope.path);
  await db.run(
    `UPDATE loads SET replaced_by = $by WHERE ${CURRENT_FAILURE_SQL} AND load_id <> $by AND ${match}`,
    params,
    { by: INTEGER },
  );
}
