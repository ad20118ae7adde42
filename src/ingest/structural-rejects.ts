// DuckDB's CSV reader keeps rows it cannot split in a rejects table; these become our
// rejects with a message a person can act on. DuckDB's copy of the raw line (csv_line)
// may hold a personnummer and is never read.
import { quoteIdentifier as q } from '../db/sql-text.ts';
import { maskPnrLike } from './personnummer.ts';

export function structuralRejectsSelect(rejectsTable: string, loadIdParam: string, fileParam: string, header: string[]): string {
  const names = header.map((name, index) => `WHEN ${index} THEN ${quoteText(maskPnrLike(name))}`).join(' ');
  return `SELECT ${loadIdParam}, ${fileParam}, line,
      CASE column_idx ${names || 'WHEN -1 THEN NULL'} ELSE NULL END,
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
