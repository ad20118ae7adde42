// Raw tables, one per kind, with exactly the contract's columns in their DuckDB types,
// plus the load that brought each row and its line in that file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnsOf, duckdbType } from '../contract/columns-of.ts';
import { KINDS, type Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q } from '../db/sql-text.ts';
import { sqlRoot } from '../util/paths.ts';

export function rawTable(kind: Kind): string {
  return q(`raw_${kind}`);
}

export function rawTableDdl(kind: Kind): string {
  const columns = columnsOf(kind).map((c) => `${q(c.name)} ${duckdbType(c.type)}`);
  return `CREATE TABLE IF NOT EXISTS ${rawTable(kind)} (_load_id INTEGER NOT NULL, _line BIGINT NOT NULL, ${columns.join(', ')})`;
}

/** Creates the ledger and every raw table when missing. */
export async function ensureSchema(db: Database): Promise<void> {
  await db.run(readFileSync(join(sqlRoot, 'schema', 'ledger.sql'), 'utf8'));
  for (const kind of KINDS) {
    await db.run(rawTableDdl(kind));
    // A database made before a column joined the contract gets it (empty for old rows).
    const added = columnsOf(kind).map(
      (c) =>
        `ALTER TABLE ${rawTable(kind)} ADD COLUMN IF NOT EXISTS ${q(c.name)} ${duckdbType(c.type)};`,
    );
    await db.run(added.join('\n'));
  }
}
