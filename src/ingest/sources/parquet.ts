// A Parquet file: every column cast to text, so the contract's rules type it exactly as
// they type CSV cells (a DATE becomes 2025-03-14, a DECIMAL 7.5, a BOOLEAN true).
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteLiteral } from '../../db/sql-text.ts';
import { mappedSelect } from './mapped-select.ts';
import type { Source } from './source.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { readOrRefuse } from './unreadable-file.ts';

export async function parquetSource(
  db: Database,
  kind: Kind,
  path: string,
  displayName: string,
): Promise<Source> {
  const relation = `read_parquet(${quoteLiteral(path)})`;
  const described = await readOrRefuse(
    () => db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM ${relation}`),
    displayName,
    'Parquet',
    ingestMessages.parquetFix(),
  );
  const { select, warnings } = mappedSelect(
    kind,
    displayName,
    described.map((d) => d.column_name),
    (name) => `CAST(${name} AS VARCHAR)`,
  );
  return {
    sql: `SELECT ${select} FROM ${relation}`,
    lines: { from: 'rowid', firstLine: 1 },
    format: 'parquet',
    warnings,
    cleanup: async () => undefined,
  };
}
