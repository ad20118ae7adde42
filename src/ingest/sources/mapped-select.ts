// For self-describing formats (Parquet, JSON, Arrow): match the file's column names to
// the contract's (any case), fail clearly on a missing required one, note extras.
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { LarsamError } from '../../util/errors.ts';
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
    throw new LarsamError(
      `the required column ${missing.join(', ')} is missing for ${kind}; the file has: ${maskPnrLike(found.join(', ')) || '(nothing)'}`,
      {
        where: { file: displayName, column: missing[0]! },
        fix: `add ${missing.join(', ')} (see the data contract for ${kind}), or pass the right --kind`,
      },
    );
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
      ? [`ignored column(s) not in the contract: ${maskPnrLike(extras.join(', '))}`]
      : [],
  };
}
