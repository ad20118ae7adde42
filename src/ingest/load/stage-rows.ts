// Stage: every record of a source through the contract's rules into a temporary table
// (typed cells and the reasons a row breaks a rule), and for kinds with a person_id the
// table of the file's distinct persons (checked, pseudonymised, erased or not). Both are
// this stage's tables: they live while `work` runs and are dropped when it ends.
import { randomBytes } from 'node:crypto';
import { BLOB, blobValue, VARCHAR } from '@duckdb/node-api';
import type { Column } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
import { dropRejectTables } from '../sources/read-csv-sql.ts';
import type { Source } from '../sources/source.ts';
import type { StageTimes } from '../stage-times.ts';
import { personIdColumn, personKeysSql, stagedSelect } from '../validation-sql.ts';
import { type Pads, tombstoneSql } from './tombstones.ts';

export interface Staged {
  /** One row a record (validation-sql.ts stagedSelect); its rowid is the record's index. */
  table: string;
  /** The kind's person_id column and the persons table (personKeysSql), if it has one. */
  person?: { column: Column; ids: string };
  /** Persons of the file erased by larsam forget (the ids table then has `erased`). */
  erasedPersons: number;
  /** Rows in the staged table. */
  rows: number;
  /** Distinct lines DuckDB's CSV reader rejected (in the source's structural rejects table). */
  structural: number;
  /** That table, for a source whose lines are counted by rowid. */
  structuralTable?: string;
}

export async function withStaged<T>(
  db: Database,
  kind: Kind,
  source: Source,
  settings: { pads: Pads; ingestDate: string; displayName: string },
  tag: string,
  times: StageTimes,
  work: (staged: Staged) => Promise<T>,
): Promise<T> {
  const table = `${tag}_staged`;
  const ids = `${tag}_ids`;
  try {
    const passthrough = source.lines.from === 'column' ? ['_line'] : [];
    const structuralTable =
      source.lines.from === 'rowid' ? source.lines.structuralRejects : undefined;
    const column = personIdColumn(kind);
    let erasedPersons = 0;
    const salt = randomBytes(16).toString('hex');
    if (column) {
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
        throw userError(ingestMessages.personKeyClash(), {
          where: { file: settings.displayName },
        });
      erasedPersons = await markErased(db, ids, settings.pads);
      times.mark('persons');
    }

    // Staging runs before the transaction: its temporary tables are this connection's
    // alone, and their rowids count the file's records from 0 only once committed.
    // Nothing may reorder rows here (no join): the rowid is the record's index.
    const select = stagedSelect(kind, source.sql, passthrough);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${q(table)} AS ${select.sql}`,
      column ? { salt } : undefined,
      column ? { salt: VARCHAR } : undefined,
    );
    times.mark('staging');

    const structural = structuralTable
      ? Number(
          (await db.one<{ n: bigint }>(
            `SELECT count(DISTINCT line) AS n FROM ${q(structuralTable)}`,
          ))!.n,
        )
      : 0;
    const rows = Number((await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(table)}`))!.n);
    return await work({
      table,
      ...(column ? { person: { column, ids } } : {}),
      erasedPersons,
      rows,
      structural,
      ...(structuralTable ? { structuralTable } : {}),
    });
  } finally {
    await db
      .run(`DROP TABLE IF EXISTS ${q(table)}; DROP TABLE IF EXISTS ${q(ids)};`)
      .catch(() => undefined);
  }
}

/**
 * Marks the persons of the ids table whose tombstone is in erased_persons (larsam forget):
 * adds the column `erased`. Returns how many; nothing is added when no one was ever erased.
 */
async function markErased(db: Database, ids: string, pads: Pads): Promise<number> {
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
