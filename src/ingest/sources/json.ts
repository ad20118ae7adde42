// A JSON array of objects (or one object per line). Each value is read as text with
// ->> so numbers, booleans and strings all meet the contract's rules as CSV cells do.
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import { quoteLiteral } from '../../db/sql-text.ts';
import { mappedSelect } from './mapped-select.ts';
import type { Source } from './source.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { readOrRefuse } from './unreadable-file.ts';

export async function jsonSource(
  db: Database,
  kind: Kind,
  path: string,
  displayName: string,
): Promise<Source> {
  const relation = `read_json_objects(${quoteLiteral(path)}, format = 'auto')`;
  const keys = await readOrRefuse(
    () =>
      db.rows<{ key: string }>(
        `SELECT DISTINCT unnest(json_keys(json)) AS key FROM ${relation} ORDER BY key`,
      ),
    displayName,
    'JSON',
    ingestMessages.jsonFix(),
  );
  const { select, warnings } = mappedSelect(
    kind,
    displayName,
    keys.map((k) => k.key),
    (_name, original) => `json ->> ${quoteLiteral(original)}`,
  );
  return {
    sql: `SELECT ${select} FROM ${relation}`,
    lines: { from: 'rowid', firstLine: 1 },
    format: 'json',
    warnings,
    cleanup: async () => undefined,
  };
}
