// Test helper: an in-memory DuckDB connection with every sql/macros/*.sql file loaded,
// so SQL macros can be checked against their TypeScript twins.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const macroDir = join(import.meta.dirname, '..', '..', 'sql', 'macros');

export async function withMacroConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const file of readdirSync(macroDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      await connection.run(readFileSync(join(macroDir, file), 'utf8'));
    }
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
