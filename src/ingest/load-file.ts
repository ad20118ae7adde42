// Loads one file as one transaction: stage every row through the contract's rules,
// insert the good rows into the kind's raw table, the others into rejects, replace an
// earlier version of the same file, and write the ledger row. On any error nothing of
// the file is visible.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { BIGINT, BLOB, VARCHAR, INTEGER, blobValue } from '@duckdb/node-api';
import type { Kind } from '../contract/kinds.ts';
import { UNIQUE_KEYS } from '../contract/keys.ts';
import { columnsOf } from '../contract/columns-of.ts';
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import { LarsamError } from '../util/errors.ts';
import type { FileFormat } from './file-format.ts';
import { openSource } from './open-source.ts';
import { rawTable } from './raw-tables.ts';
import type { FileScan } from './scan-file.ts';
import { lineMapping, type LineMapping } from './sources/line-numbers.ts';
import { structuralRejectsSelect } from './structural-rejects.ts';
import { recordKeySql } from './record-key.ts';
import { stageTimes, type StageTimes } from './stage-times.ts';
import { insertValues, personIdColumn, personKeysSql, stagedSelect } from './validation-sql.ts';
import { pseudonymSqlExpression } from './pseudonym-key.ts';
import { INVALID_CHECKSUM_REASON, maskPnrLike } from './personnummer.ts';
import { printable } from './sniff-csv.ts';
import { dropRejectTables } from './sources/read-csv-sql.ts';
import { supersedeFailures } from './failed-loads.ts';
import type { ReplaceMode } from './replace-plan.ts';

export interface LoadSettings {
  /** HMAC key blocks (never the key itself in SQL). */
  pads: { ipad: Buffer; opad: Buffer };
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

const PREVIEW_REJECTS = 20;

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
    throw new LarsamError('the file is empty (0 bytes)', {
      where: { file: displayName },
      fix: 'export the data again; a file needs at least a header line',
    });
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
  const staged = `${tag}_staged`;
  const opened = await openSource(db, file, settings.workDir, tag);
  times.mark('open');
  const { source } = opened;
  const ids = `${tag}_ids`;
  const judged = `${tag}_judged`;
  try {
    const passthrough = source.lines.from === 'column' ? ['_line'] : [];
    const structuralTable =
      source.lines.from === 'rowid' ? source.lines.structuralRejects : undefined;
    const person = personIdColumn(kind);
    let erasedPersons = 0;
    const salt = randomBytes(16).toString('hex');
    if (person) {
      // Each distinct person_id is checked and hashed once. This reads the source a
      // first time; DuckDB's list of unreadable lines from that read is dropped, the
      // staging read below makes it again.
      await db.run(
        `CREATE OR REPLACE TEMP TABLE ${q(ids)} AS ${personKeysSql(kind, source.sql)}`,
        {
          ipad: blobValue(settings.pads.ipad),
          opad: blobValue(settings.pads.opad),
          ingest_date: settings.ingestDate,
          salt,
        },
        { ipad: BLOB, opad: BLOB, ingest_date: VARCHAR, salt: VARCHAR },
      );
      if (structuralTable) await db.run(dropRejectTables(structuralTable));
      const clash = (await db.one<{ n: bigint }>(
        `SELECT count(*) - count(DISTINCT k) AS n FROM ${q(ids)}`,
      ))!;
      if (Number(clash.n) > 0)
        throw new Error(
          'two different person_id values of this file have the same 64-bit key; load the file again',
        );
      erasedPersons = await markErased(db, ids, settings.pads);
      times.mark('persons');
    }

    // Staging runs before the transaction: its temporary tables are this connection's
    // alone, and their rowids count the file's records from 0 only once committed.
    // Nothing may reorder rows here (no join): the rowid is the record's index.
    const select = stagedSelect(kind, source.sql, passthrough);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${q(staged)} AS ${select.sql}`,
      person ? { salt } : undefined,
      person ? { salt: VARCHAR } : undefined,
    );
    times.mark('staging');

    const structural = structuralTable
      ? Number(
          (await db.one<{ n: bigint }>(
            `SELECT count(DISTINCT line) AS n FROM ${q(structuralTable)}`,
          ))!.n,
        )
      : 0;
    const stagedRows = Number(
      (await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(staged)}`))!.n,
    );
    const lines = await lineMapping(db, source.lines, tag, {
      staged: stagedRows,
      structural,
      fileLines: scan.lines,
    });
    if (structuralTable && structural > 0)
      await assertNothingSwallowed(db, structuralTable, scan, lines, displayName);

    // A staged row `s` with its line (`line`), its person (`m`), and whether it is loaded.
    const personJoin = person ? `LEFT JOIN ${q(ids)} AS m ON m.k = s._pk` : '';
    const skipErased = erasedPersons > 0 && !includeErased;
    const notErased = skipErased ? ' AND NOT coalesce(m.erased, false)' : '';
    const personOk = person ? ` AND NOT coalesce(m.invalid, false)${notErased}` : '';
    const keys = UNIQUE_KEYS[kind];
    let from: string;
    let line: string;
    let keep: string;
    if (keys) {
      if (person)
        throw new Error(`unique keys are not supported for ${kind}, which has a person_id`);
      // For unique keys, the first row (of those passing every rule) holding each key.
      const ok = 's._reasons IS NULL';
      const firstOfKey = `min(s.rowid) OVER (PARTITION BY ${keys.map((k) => `s.${q(k)}`).join(', ')}, ${ok})`;
      await db.run(`CREATE OR REPLACE TEMP TABLE ${q(judged)} AS
        SELECT s.rowid AS rec, ${lines.expression('s')} AS line, ${ok} AND ${firstOfKey} = s.rowid AS keep,
               ${ok} AND ${firstOfKey} <> s.rowid AS duplicate, ${firstOfKey} AS first_rec
        FROM ${q(staged)} AS s ${lines.join('s')}`);
      from = `${q(staged)} AS s JOIN ${q(judged)} AS j ON j.rec = s.rowid`;
      line = 'j.line';
      keep = 'j.keep';
      times.mark('judged');
    } else {
      from = `${q(staged)} AS s ${lines.join('s')} ${personJoin}`;
      line = lines.expression('s');
      keep = `s._reasons IS NULL${personOk}`;
    }

    const committed = await db.transaction(async () => {
      const loadId = Number(
        (await db.one<{ id: bigint }>(`SELECT nextval('load_id_seq') AS id`))!.id,
      );
      const replaced = await replaceEarlierLoads(db, kind, replaces, loadId);
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
        ? `UNION ALL SELECT ${line} AS line, ${quoteLiteral(person.name)}, 'invalid_personnummer', ${quoteLiteral(INVALID_CHECKSUM_REASON)}, ${recordKey}
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
      if (keys) {
        await db.run(
          `INSERT INTO rejects (load_id, file_name, line, column_name, rule, reason, record_key)
          SELECT ${loadId}, ${fileParam}, j.line, '${keys.join(', ')}', 'duplicate_key',
                 'the same ${keys.join(' and ')} as line ' || f.line || ': each must be unique, remove or correct one of the rows',
                 ${recordKey}
          FROM ${q(judged)} AS j JOIN ${q(judged)} AS f ON f.rec = j.first_rec JOIN ${q(staged)} AS s ON s.rowid = j.rec
          WHERE j.duplicate ORDER BY j.line`,
          rejectParams,
        );
      }
      times.mark('insert rejects');

      const counts = (await db.one<{ staged: bigint; kept: bigint; erased: bigint }>(
        `SELECT (SELECT count(*) FROM ${q(staged)}) AS staged, (SELECT count(*) FROM ${rawTable(kind)} WHERE _load_id = ${loadId}) AS kept,
                ${erasedPersons > 0 ? `(SELECT count(*) FROM ${q(staged)} AS s JOIN ${q(ids)} AS m ON m.k = s._pk WHERE m.erased)` : '0'} AS erased`,
      ))!;
      const rowsLoaded = Number(counts.kept);
      // Rows of erased persons are skipped: neither loaded nor rejected.
      const rowsErased = skipErased ? Number(counts.erased) : 0;
      const rowsRejected = Number(counts.staged) + structural - rowsLoaded - rowsErased;
      if (erasedPersons > 0 && includeErased) await liftTombstones(db, ids, settings.pads);
      const rowsRead = source.rowsRead ?? Number(counts.staged) + structural;
      const rejects = await db.rows<{
        line: bigint | null;
        column_name: string | null;
        reason: string;
      }>(
        `SELECT line, column_name, reason FROM rejects WHERE load_id = ${loadId} ORDER BY line, column_name LIMIT ${PREVIEW_REJECTS}`,
      );
      const result: LoadResult = {
        ...base,
        status: 'loaded',
        loadId,
        format: source.format,
        encoding: opened.encoding,
        rowsRead,
        rowsLoaded,
        rowsRejected,
        replacedLoads: replaced.length,
        replaced,
        warnings: source.warnings,
        rejects: rejects.map((r) => ({
          line: r.line === null ? null : Number(r.line),
          column: r.column_name,
          reason: r.reason,
        })),
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
    times.mark('commit');
    times.report();
    return committed;
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
    throw unreadableCsv(error, displayName) ?? error;
  } finally {
    await db
      .run(
        `DROP TABLE IF EXISTS ${q(staged)}; DROP TABLE IF EXISTS ${q(judged)}; DROP TABLE IF EXISTS ${q(ids)}; DROP TABLE IF EXISTS ${q(`${tag}_shift`)}; DROP TABLE IF EXISTS ${q(`${tag}_breaks`)}; DROP TABLE IF EXISTS ${q(`${tag}_rejected_lines`)}; DROP TABLE IF EXISTS ${q(`${tag}_line_of`)}`,
      )
      .catch(() => undefined);
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
  return new LarsamError(`the file cannot be read as CSV (${cause})`, {
    where: { file: displayName },
    fix: 'check its line ends (LF or CRLF, not a mix with CR alone), control characters and quotes; save it again as CSV UTF-8',
    cause: error,
  });
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
    throw new LarsamError(
      `a quote opened on this line is never closed, so the ${scan.lines - Number(last.line)} line(s) after it cannot be read`,
      {
        where: { file: displayName, line: Number(last.line) },
        fix: 'close the quote on that line (a quote inside a value is written twice: "")',
      },
    );
  }
}

/** The erasure tombstone of a pseudonym column, as larsam forget writes it (src/rights/identify.ts tombstoneOf). */
const tombstoneSql = (pidSql: string) =>
  pseudonymSqlExpression(`'erased:' || ${pidSql}`, '$ipad', '$opad');

/**
 * Marks the persons of the ids table whose tombstone is in erased_persons (larsam forget):
 * adds the column `erased`. Returns how many; nothing is added when no one was ever erased.
 */
async function markErased(
  db: Database,
  ids: string,
  pads: { ipad: Buffer; opad: Buffer },
): Promise<number> {
  const any = await db.one(`SELECT 1 FROM erased_persons LIMIT 1`);
  if (!any) return 0;
  await db.run(`ALTER TABLE ${q(ids)} ADD COLUMN erased BOOLEAN DEFAULT false`);
  await db.run(
    `UPDATE ${q(ids)} SET erased = true WHERE pid IS NOT NULL AND ${tombstoneSql('pid')} IN (SELECT tombstone FROM erased_persons)`,
    { ipad: blobValue(pads.ipad), opad: blobValue(pads.opad) },
    { ipad: BLOB, opad: BLOB },
  );
  return Number(
    (await db.one<{ n: bigint }>(`SELECT count(DISTINCT pid) AS n FROM ${q(ids)} WHERE erased`))!.n,
  );
}

/** --include-erased: the persons loaded again lose their tombstones (inside the load's transaction). */
async function liftTombstones(
  db: Database,
  ids: string,
  pads: { ipad: Buffer; opad: Buffer },
): Promise<void> {
  await db.run(
    `DELETE FROM erased_persons WHERE tombstone IN (SELECT ${tombstoneSql('pid')} FROM ${q(ids)} WHERE erased)`,
    { ipad: blobValue(pads.ipad), opad: blobValue(pads.opad) },
    { ipad: BLOB, opad: BLOB },
  );
}
