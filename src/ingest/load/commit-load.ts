// Commit: one transaction that replaces the earlier loads the plan gave this file, inserts
// the judged rows into the kind's raw table and the others into rejects, and writes the
// ledger row. It makes no temporary table; on any error (or rejects under --strict) it
// rolls back, and nothing of the file is visible.
import { basename } from 'node:path';
import { BIGINT, BLOB, blobValue, INTEGER, VARCHAR } from '@duckdb/node-api';
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../../db/sql-text.ts';
import { rejectReasons, rejectSql } from '../../messages/rejects.ts';
import { supersedeFailures } from '../failed-loads.ts';
import type { LoadResult, LoadSettings } from '../load-file.ts';
import type { OpenedSource } from '../open-source.ts';
import { rawTable } from '../raw-tables.ts';
import { recordKeySql } from '../record-key.ts';
import type { FileScan } from '../scan-file.ts';
import type { StageTimes } from '../stage-times.ts';
import { structuralRejectsSelect } from '../structural-rejects.ts';
import { insertValues } from '../validation-sql.ts';
import type { Judged } from './judge-rows.ts';
import type { Staged } from './stage-rows.ts';
import { type Pads, tombstoneSql } from './tombstones.ts';

const PREVIEW_REJECTS = 20;

export async function commitLoad(
  db: Database,
  file: {
    path: string;
    displayName: string;
    kind: Kind;
    scan: FileScan;
    replaces: readonly number[];
  },
  settings: LoadSettings,
  opened: OpenedSource,
  staged: Staged,
  judged: Judged,
  times: StageTimes,
): Promise<LoadResult> {
  const { kind, scan, displayName } = file;
  const { source } = opened;
  const { from, line, keep, notErased, skipErased, lines, unique } = judged;
  const includeErased = settings.includeErased ?? false;
  const person = staged.person;
  const { erasedPersons, structural } = staged;
  try {
    return await db.transaction(async () => {
      const loadId = Number(
        (await db.one<{ id: bigint }>(`SELECT nextval('load_id_seq') AS id`))!.id,
      );
      const replaced = await replaceEarlierLoads(db, kind, file.replaces, loadId);
      await supersedeFailures(db, { path: file.path, kind, mode: settings.replaceMode }, loadId);

      const columns = columnsOf(kind).map((c) => q(c.name));
      await db.run(`INSERT INTO ${rawTable(kind)} (_load_id, _line, ${columns.join(', ')})
        SELECT ${loadId}, ${line}, ${insertValues(kind, 's', 'm').join(', ')}
        FROM ${from} WHERE ${keep}`);
      times.mark('insert rows');

      const fileParam = '$file';
      const rejectParams = { file: basename(displayName) };
      if (lines.structuralRejects) {
        await db.run(
          `INSERT INTO rejects (load_id, file_name, line, column_name, rule, reason) ${structuralRejectsSelect(lines.structuralRejects, String(loadId), fileParam, opened.header)}`,
          rejectParams,
        );
      }
      const recordKey = recordKeySql(kind, 's');
      const invalidPerson = person
        ? `UNION ALL SELECT ${line} AS line, ${quoteLiteral(person.column.name)}, 'invalid_personnummer', ${rejectSql(() => rejectReasons.invalidChecksum())}, ${recordKey}
           FROM ${from} WHERE m.invalid`
        : '';
      await db.run(
        `INSERT INTO rejects (load_id, file_name, line, column_name, rule, reason, record_key)
        SELECT ${loadId}, ${fileParam}, line, column_name, rule, reason, record_key FROM (
          SELECT line, entry.column AS column_name, entry.r.rule, entry.r.reason, record_key FROM (
            SELECT ${line} AS line, unnest(s._reasons) AS entry, ${recordKey} AS record_key FROM ${from} WHERE s._reasons IS NOT NULL${notErased}
          )
          ${invalidPerson}
        ) ORDER BY line, column_name`,
        rejectParams,
      );
      if (unique) {
        const { keys, table } = unique;
        await db.run(
          `INSERT INTO rejects (load_id, file_name, line, column_name, rule, reason, record_key)
          SELECT ${loadId}, ${fileParam}, j.line, ${quoteLiteral(keys.join(', '))}, 'duplicate_key',
                 ${rejectSql((sql) => rejectReasons.duplicateKey(keys, sql('f.line')))},
                 ${recordKey}
          FROM ${q(table)} AS j JOIN ${q(table)} AS f ON f.rec = j.first_rec JOIN ${q(staged.table)} AS s ON s.rowid = j.rec
          WHERE j.duplicate ORDER BY j.line`,
          rejectParams,
        );
      }
      times.mark('insert rejects');

      const counts = (await db.one<{ staged: bigint; kept: bigint; erased: bigint }>(
        `SELECT (SELECT count(*) FROM ${q(staged.table)}) AS staged, (SELECT count(*) FROM ${rawTable(kind)} WHERE _load_id = ${loadId}) AS kept,
                ${erasedPersons > 0 && person ? `(SELECT count(*) FROM ${q(staged.table)} AS s JOIN ${q(person.ids)} AS m ON m.k = s._pk WHERE m.erased)` : '0'} AS erased`,
      ))!;
      const rowsLoaded = Number(counts.kept);
      // Rows of erased persons are skipped: neither loaded nor rejected.
      const rowsErased = skipErased ? Number(counts.erased) : 0;
      const rowsRejected = Number(counts.staged) + structural - rowsLoaded - rowsErased;
      if (erasedPersons > 0 && includeErased && person)
        await liftTombstones(db, person.ids, settings.pads);
      const rowsRead = source.rowsRead ?? Number(counts.staged) + structural;
      const rejects = await db.rows<{
        line: bigint | null;
        column_name: string | null;
        reason: string;
      }>(
        `SELECT line, column_name, reason FROM rejects WHERE load_id = ${loadId} ORDER BY line, column_name LIMIT ${PREVIEW_REJECTS}`,
      );
      // In the order of loadFile's other results (the keys of --json).
      const result: LoadResult = {
        file: displayName,
        kind,
        rowsRead,
        rowsLoaded,
        rowsRejected,
        replacedLoads: replaced.length,
        replaced,
        rejects: rejects.map((r) => ({
          line: r.line === null ? null : Number(r.line),
          column: r.column_name,
          reason: r.reason,
        })),
        status: 'loaded',
        loadId,
        format: source.format,
        encoding: opened.encoding,
        warnings: source.warnings,
        ...(erasedPersons > 0
          ? {
              erased: {
                rows: Number(counts.erased),
                persons: erasedPersons,
                restored: includeErased,
              },
            }
          : {}),
      };
      if (settings.strict && rowsRejected > 0) throw new StrictRejects(result);

      await db.run(
        `INSERT INTO loads (load_id, path, file_name, sha256, kind, format, encoding, rows_read, rows_loaded, rows_rejected, loaded_at, status, replaced_by, failure, rows_erased)
         VALUES ($id, $path, $name, $sha, $kind, $format, $encoding, $read, $loaded, $rejected, now()::TIMESTAMP, 'loaded', NULL, NULL, $erased)`,
        {
          id: loadId,
          path: file.path,
          name: basename(displayName),
          sha: scan.sha256,
          kind,
          format: source.format,
          encoding: opened.encoding,
          read: rowsRead,
          loaded: rowsLoaded,
          rejected: rowsRejected,
          erased: rowsErased || null,
        },
        { id: INTEGER, encoding: VARCHAR, erased: BIGINT },
      );
      times.mark('ledger');
      return result;
    });
  } catch (error) {
    // Rolled back: nothing was replaced either.
    if (error instanceof StrictRejects)
      return {
        ...error.result,
        status: 'failed_strict',
        loadId: null,
        rowsLoaded: 0,
        replacedLoads: 0,
        replaced: [],
      };
    throw error;
  }
}

class StrictRejects extends Error {
  constructor(readonly result: LoadResult) {
    super('rejected rows under --strict');
  }
}

/**
 * Rows of the earlier loads the plan gave this file are deleted; the ledger keeps them as
 * 'replaced'. Only those still loaded: another input of the same run may have taken them.
 */
async function replaceEarlierLoads(
  db: Database,
  kind: Kind,
  ids: readonly number[],
  loadId: number,
): Promise<LoadResult['replaced']> {
  if (!ids.length) return [];
  const earlier = await db.rows<{ load_id: number; file_name: string; path: string; rows: number }>(
    `SELECT load_id, file_name, path, rows_loaded::INTEGER AS rows FROM loads
     WHERE kind = $kind AND status = 'loaded' AND load_id IN (${ids.map(Number).join(', ')}) ORDER BY load_id`,
    { kind },
  );
  if (!earlier.length) return [];
  const list = earlier.map((e) => e.load_id).join(', ');
  await db.run(`DELETE FROM ${rawTable(kind)} WHERE _load_id IN (${list})`);
  await db.run(`DELETE FROM rejects WHERE load_id IN (${list})`);
  await db.run(
    `UPDATE loads SET status = 'replaced', replaced_by = ${loadId} WHERE load_id IN (${list})`,
  );
  return earlier.map((e) => ({ file: e.file_name, path: e.path, rows: e.rows }));
}

/** --include-erased: the persons loaded again lose their tombstones (inside the load's transaction). */
async function liftTombstones(db: Database, ids: string, pads: Pads): Promise<void> {
  await db.run(
    `DELETE FROM erased_persons WHERE tombstone IN (SELECT ${tombstoneSql('pid')} FROM ${q(ids)} WHERE erased)`,
    { ipad: blobValue(pads.ipad), opad: blobValue(pads.opad) },
    { ipad: BLOB, opad: BLOB },
  );
}
