// Terms in the marts (the tables readers query: indicators, mart_*) are stored as an ENUM
// of their own terms in term order, so `ORDER BY term`, min(term), max(term) and
// `term < 'HT2025'` in a reader's own SQL follow the calendar (VT2022 < HT2022 < VT2023)
// rather than the alphabet (HT… before VT…). The values and the columns stay as the spec
// has them: an ENUM reads, prints, compares with and exports as its text (indicators.csv
// is unchanged). It cannot be written in a model's SELECT (an ENUM's values are part of
// its type), so publishing a build casts the column with the terms the table holds.
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import type { ModelFile } from './model-files.ts';

/** The models whose term column is stored in term order: the marts. */
export function inTermOrder(model: ModelFile): boolean {
  return model.file.startsWith('sql/marts/');
}

/** The SELECT list that copies catalog.main.table with its VARCHAR `term` column as an ENUM in term order, or `*`. */
export async function termOrderedColumns(
  db: Database,
  catalog: string,
  table: string,
): Promise<string> {
  const hasTerm = await db.one(
    `SELECT 1 FROM duckdb_columns() WHERE database_name = $catalog AND schema_name = 'main' AND table_name = $table AND column_name = 'term' AND data_type = 'VARCHAR'`,
    { catalog, table },
  );
  if (!hasTerm) return '*';
  const terms = await db.rows<{ term: string }>(
    `SELECT DISTINCT term FROM ${q(catalog)}.main.${q(table)} WHERE term IS NOT NULL ORDER BY canonical_term_key(term), term`,
  );
  if (!terms.length) return '*';
  const values = terms.map((t) => quoteLiteral(t.term)).join(', ');
  return `* REPLACE (CAST(term AS ENUM(${values})) AS term)`;
}
