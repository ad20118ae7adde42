// An Arrow IPC file (.arrow, .feather v2). DuckDB's arrow extension cannot be installed
// offline, so apache-arrow reads it and each record batch goes into a temporary text
// table in chunks through DuckDB's appender; from there the contract's rules type it.
import { readFile } from 'node:fs/promises';
import { DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import { tableFromIPC, type Vector, type Field, DataType } from 'apache-arrow';
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
import { mappedSelect } from './mapped-select.ts';
import type { Source } from './source.ts';

const CHUNK = 2048; // DuckDB's vector size

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateText(value: Date | number): string {
  const d = typeof value === 'number' ? new Date(value) : value;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight
    ? day
    : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function decimalText(unscaled: bigint, scale: number): string {
  if (scale === 0) return unscaled.toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** One Arrow cell as the text a CSV export would hold. */
function cellText(field: Field, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const type = field.type;
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return dateText(value as Date | number);
  if (DataType.isDecimal(type)) {
    const words = value as Uint32Array;
    let unscaled = 0n;
    for (let i = words.length - 1; i >= 0; i--) unscaled = (unscaled << 32n) | BigInt(words[i]!);
    const bits = BigInt(words.length * 32);
    if (unscaled >= 1n << (bits - 1n)) unscaled -= 1n << bits; // two's complement
    return decimalText(unscaled, type.scale);
  }
  return String(value);
}

export async function arrowSource(
  db: Database,
  kind: Kind,
  path: string,
  displayName: string,
  tempTable: string,
): Promise<Source> {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(await readFile(path));
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw userError(
      ingestMessages.unreadableFormat('Arrow IPC', cause, ingestMessages.arrowFix()),
      {
        where: { file: displayName },
        cause: error,
      },
    );
  }
  const fields = table.schema.fields;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${q(tempTable)} (${fields.map((f) => `${q(f.name)} VARCHAR`).join(', ')})`,
  );
  const appender = await db.connection.createAppender(tempTable, 'main', 'temp');
  try {
    const types = fields.map(() => VARCHAR);
    const vectors = fields.map((_, i) => table.getChildAt(i) as Vector);
    for (let start = 0; start < table.numRows; start += CHUNK) {
      const size = Math.min(CHUNK, table.numRows - start);
      const chunk = DuckDBDataChunk.create(types, size);
      chunk.setColumns(
        fields.map((field, i) => {
          const column: (string | null)[] = new Array(size);
          const vector = vectors[i]!;
          for (let row = 0; row < size; row++)
            column[row] = cellText(field, vector.get(start + row));
          return column;
        }),
      );
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const { select, warnings } = mappedSelect(
    kind,
    displayName,
    fields.map((f) => f.name),
    (name) => name,
  );
  return {
    sql: `SELECT ${select} FROM ${q(tempTable)}`,
    lines: { from: 'rowid', firstLine: 1 },
    format: 'arrow',
    warnings,
    cleanup: async (database) => database.run(`DROP TABLE IF EXISTS ${q(tempTable)}`),
  };
}
