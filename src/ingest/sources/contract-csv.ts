// A CSV file written in the contract's own columns (any order, any case, extras ignored).
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages, ingestWarnings } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
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
    const found = printable(maskPnrLike(names.join(', ')));
    throw userError(
      ingestMessages.missingColumnInHeader(kind, missing, sniff.headerIndex + 1, found),
      { where: { file: displayName, line: sniff.headerIndex + 1, column: missing[0]! } },
    );
  }
  const known = new Set(columns.map((c) => c.name));
  const warnings: string[] = [];
  const extras = names.filter((name) => !known.has(name));
  if (extras.length)
    warnings.push(
      ingestWarnings.ignoredColumns(extras.length, printable(maskPnrLike(extras.join(', ')))).en,
    );
  const duplicates = names.filter(
    (name, index) => known.has(name) && names.indexOf(name) !== index,
  );
  if (duplicates.length)
    warnings.push(
      ingestWarnings.namedTwice(duplicates.length, printable(maskPnrLike(duplicates.join(', '))))
        .en,
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
