// DuckDB's CSV reader keeps rows it cannot split in a rejects table; these become our
// rejects with a reason a person can act on (the catalogue's, src/messages/ingest.ts).
// DuckDB's copy of the raw line (csv_line) may hold a personnummer and is never read.
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import { messageSql, rejectPlaces, rejectReasons, rejectSql } from '../messages/rejects.ts';
import type { Text } from '../messages/message.ts';
import { maskPnrLike } from './personnummer.ts';
import { printable } from './sniff-csv.ts';

export function structuralRejectsSelect(
  rejectsTable: string,
  loadIdParam: string,
  fileParam: string,
  header: string[],
): string {
  // Every reject names a column: a header cell, else the field's position. DuckDB's
  // column_idx is 0-based, but for a line with too many fields it is the count found
  // (the position of the extra field); a line too long to read has none.
  const names = header
    .map((name, index) =>
      name.trim() === ''
        ? ''
        : `WHEN ${index} THEN ${quoteLiteral(printable(maskPnrLike(name), 100))}`,
    )
    .filter((when) => when !== '')
    .join(' ');
  const place = (make: (field: string) => Text, field: string) =>
    messageSql(
      (sql) => make(sql(field)),
      (label) => label.en,
    );
  const reason = rejectSql;
  return `SELECT ${loadIdParam}, ${fileParam}, line,
      CASE WHEN column_idx IS NULL THEN ${quoteLiteral(rejectPlaces.wholeLine().en)}
        WHEN error_type = 'TOO MANY COLUMNS' THEN ${place(rejectPlaces.beyondHeader, 'column_idx')}
        ELSE CASE column_idx ${names || 'WHEN -1 THEN NULL'} ELSE ${place(rejectPlaces.field, 'column_idx + 1')} END END,
      'unreadable_line',
      CASE error_type
        WHEN 'MISSING COLUMNS' THEN ${reason((sql) => rejectReasons.fewerFields(sql('error_message')))}
        WHEN 'TOO MANY COLUMNS' THEN ${reason((sql) => rejectReasons.moreFields(sql('error_message')))}
        WHEN 'UNQUOTED VALUE' THEN ${reason(() => rejectReasons.unquotedValue())}
        WHEN 'INVALID ENCODING' THEN ${reason(() => rejectReasons.invalidEncoding())}
        WHEN 'INVALID UNICODE' THEN ${reason(() => rejectReasons.invalidEncoding())}
        WHEN 'LINE SIZE OVER MAXIMUM' THEN ${reason(() => rejectReasons.lineTooLong())}
        ELSE ${reason((sql) => rejectReasons.unreadableLine(sql('error_type')))} END
    FROM ${q(rejectsTable)}`;
}
