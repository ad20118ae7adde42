// DuckDB's CSV reader keeps rows it cannot split in a rejects table; these become our
// rejects with a message a person can act on. DuckDB's copy of the raw line (csv_line)
// may hold a personnummer and is never read.
import { quoteIdentifier as q } from '../db/sql-text.ts';
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
        : `WHEN ${index} THEN ${quoteText(printable(maskPnrLike(name), 100))}`,
    )
    .filter((when) => when !== '')
    .join(' ');
  return `SELECT ${loadIdParam}, ${fileParam}, line,
      CASE WHEN column_idx IS NULL THEN '(the whole line)'
        WHEN error_type = 'TOO MANY COLUMNS' THEN 'field ' || column_idx || ' (beyond the header)'
        ELSE CASE column_idx ${names || 'WHEN -1 THEN NULL'} ELSE 'field ' || (column_idx + 1) END END,
      'unreadable_line',
      CASE error_type
        WHEN 'MISSING COLUMNS' THEN 'the line has fewer fields than the header (' || error_message || '): check the delimiter and the quotes on this line'
        WHEN 'TOO MANY COLUMNS' THEN 'the line has more fields than the header (' || error_message || '): a value that contains the delimiter must be in double quotes'
        WHEN 'UNQUOTED VALUE' THEN 'a quote is not closed, or stands inside an unquoted value: put the whole value in double quotes and double any quote inside it ("")'
        WHEN 'INVALID ENCODING' THEN 'the line is not valid text in the file''s encoding: save the file as UTF-8'
        WHEN 'INVALID UNICODE' THEN 'the line is not valid text in the file''s encoding: save the file as UTF-8'
        WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than DuckDB reads (2 MB): a quote is probably not closed'
        ELSE 'the line cannot be read as CSV (' || error_type || '): check its delimiter and quotes' END
    FROM ${q(rejectsTable)}`;
}

function quoteText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
