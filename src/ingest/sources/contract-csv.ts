// A CSV file written in the contract's own columns (any order, any case, extras ignored).
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { LarsamError } from '../../util/errors.ts';
import { maskPnrLike } from '../personnummer.ts';
import { normaliseColumnName, printable, type CsvSniff } from '../sniff-csv.ts';
import { cellName, dropRejectTables, readCsvSql } from './read-csv-sql.ts';
import type { Source } from './source.ts';

export function contractCsvSource(
  kind: Kind,
  path: string,
  displayName: string,
  sniff: CsvSniff,
  rejectsTable: string,
): Source {
  const names = sniff.header.map(normaliseColumnName);
  const columns = columnsOf(kind);
  const missing = columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length) {
    throw new LarsamError(
      `the required column ${missing.join(', ')} is missing for ${kind}; the header on line ${sniff.headerIndex + 1} has: ${printable(maskPnrLike(names.join(', '))) || '(nothing)'}`,
      {
        where: { file: displayName, line: sniff.headerIndex + 1, column: missing[0]! },
        fix: `add the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} to the header (see the data contract for ${kind}), or pass the right --kind`,
      },
    );
  }
  const known = new Set(columns.map((c) => c.name));
  const warnings: string[] = [];
  const extras = names.filter((name) => !known.has(name));
  if (extras.length)
    warnings.push(
      `ignored column${extras.length > 1 ? 's' : ''} not in the contract: ${printable(maskPnrLike(extras.join(', ')))}`,
    );
  const duplicates = names.filter(
    (name, index) => known.has(name) && names.indexOf(name) !== index,
  );
  if (duplicates.length)
    warnings.push(
      `column${duplicates.length > 1 ? 's' : ''} named twice, the first is used: ${printable(maskPnrLike(duplicates.join(', ')))}`,
    );

  const select = columns.map((c) => {
    const index = names.indexOf(c.name);
    return index === -1 ? `NULL::VARCHAR AS ${q(c.name)}` : `${q(cellName(index))} AS ${q(c.name)}`;
  });
  return {
    sql: `SELECT ${select.join(', ')} FROM ${readCsvSql(path, sniff, rejectsTable)}`,
    lines: {
      from: 'rowid',
      firstLine: sniff.headerIndex + 2,
      structuralRejects: rejectsTable,
      csv: { path, delimiter: sniff.delimiter, skipLines: sniff.headerIndex },
    },
    format: 'csv',
    warnings,
    cleanup: async (db) => db.run(dropRejectTables(rejectsTable)),
  };
}
