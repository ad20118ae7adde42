// For self-describing formats (Parquet, JSON, Arrow): match the file's column names to
// the contract's (any case), fail clearly on a missing required one, note extras.
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages, ingestWarnings } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
import { maskPnrLike } from '../personnummer.ts';
import { normaliseColumnName } from '../sniff-csv.ts';

export function mappedSelect(
  kind: Kind,
  displayName: string,
  found: string[],
  asText: (quotedName: string, originalName: string) => string,
): { select: string; warnings: string[] } {
  const normalised = found.map(normaliseColumnName);
  const columns = columnsOf(kind);
  const missing = columns
    .filter((c) => c.required && !normalised.includes(c.name))
    .map((c) => c.name);
  if (missing.length) {
    throw userError(ingestMessages.missingColumn(kind, missing, maskPnrLike(found.join(', '))), {
      where: { file: displayName, column: missing[0]! },
    });
  }
  const known = new Set(columns.map((c) => c.name));
  const extras = found.filter((_, i) => !known.has(normalised[i]!));
  const select = columns
    .map((c) => {
      const index = normalised.indexOf(c.name);
      return index === -1
        ? `NULL::VARCHAR AS ${q(c.name)}`
        : `${asText(q(found[index]!), found[index]!)} AS ${q(c.name)}`;
    })
    .join(', ');
  return {
    select,
    warnings: extras.length
      ? [ingestWarnings.ignoredColumns(extras.length, maskPnrLike(extras.join(', ')), true).en]
      : [],
  };
}
