// `larsam person`: everything the database holds for one person, found through the
// pseudonym: every row of each raw table with a person_id, with the file and load it
// came from. Rejected rows hold no person_id (data contract), so none can be tied to a
// person; the command says how many the person's files have.
import { VARCHAR } from '@duckdb/node-api';
import { columnsOf } from '../contract/columns-of.ts';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q } from '../db/sql-text.ts';
import { rawTable } from '../ingest/raw-tables.ts';
import { PERSON_KINDS } from './identify.ts';

export interface PersonRow {
  /** The contract's columns except person_id, as text (NULL as null). */
  values: Record<string, string | null>;
  file: string;
  path: string;
  loadId: number;
  line: number;
  loadedAt: string;
}

export interface PersonRecord {
  /** Rows per kind (every person kind, empty ones too). */
  tables: { kind: Kind; table: string; rows: PersonRow[] }[];
  rowCount: number;
  /** Rejected rows in the files the person's rows came from: none holds a person_id. */
  rejectsInTheirFiles: { file: string; loadId: number; rejected: number }[];
  /** True when an erasure (larsam forget) left a tombstone for this person. */
  erased: boolean;
}

export async function readPerson(
  db: Database,
  pseudonym: string,
  tombstone: string,
): Promise<PersonRecord> {
  const tables: PersonRecord['tables'] = [];
  for (const kind of PERSON_KINDS) {
    const columns = columnsOf(kind)
      .filter((c) => c.type !== 'person_id')
      .map((c) => c.name);
    const rows = await db.rows<Record<string, unknown>>(
      `SELECT r._load_id AS "_load", r._line AS "_line", l.file_name AS "_file", l.path AS "_path",
              strftime(l.loaded_at, '%Y-%m-%d %H:%M:%S') AS "_at",
              ${columns.map((c) => `CAST(r.${q(c)} AS VARCHAR) AS ${q(c)}`).join(', ')}
       FROM ${rawTable(kind)} AS r LEFT JOIN loads AS l ON l.load_id = r._load_id
       WHERE r.person_id = $pid ORDER BY r._load_id, r._line`,
      { pid: pseudonym },
      { pid: VARCHAR },
    );
    tables.push({
      kind,
      table: `raw_${kind}`,
      rows: rows.map((r) => ({
        values: Object.fromEntries(columns.map((c) => [c, (r[c] as string | null) ?? null])),
        file: String(r._file ?? ''),
        path: String(r._path ?? ''),
        loadId: Number(r._load),
        line: Number(r._line),
        loadedAt: String(r._at ?? ''),
      })),
    });
  }
  const loadIds = [...new Set(tables.flatMap((t) => t.rows.map((r) => r.loadId)))];
  const rejectsInTheirFiles = loadIds.length
    ? await db.rows<{ file: string; loadId: number; rejected: number }>(
        `SELECT file_name AS file, load_id AS "loadId", rows_rejected::INTEGER AS rejected
         FROM loads WHERE load_id IN (${loadIds.join(', ')}) ORDER BY load_id`,
      )
    : [];
  const hasTombstones = await db.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'erased_persons' AND schema_name = 'main'`,
  );
  const erased = hasTombstones
    ? (await db.one(
        `SELECT 1 FROM erased_persons WHERE tombstone = $t`,
        { t: tombstone },
        { t: VARCHAR },
      )) !== undefined
    : false;
  return {
    tables,
    rowCount: tables.reduce((sum, t) => sum + t.rows.length, 0),
    rejectsInTheirFiles,
    erased,
  };
}
