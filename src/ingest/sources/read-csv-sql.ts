// The read_csv call every CSV source shares: declared VARCHAR columns c0…cN (no type
// guessing; the contract's rules type the cells), the sniffed delimiter and header
// line, and DuckDB's store_rejects so rows it cannot split are kept with their line.
import { quoteIdentifier as q, quoteLiteral } from '../../db/sql-text.ts';
import type { CsvSniff } from '../sniff-csv.ts';

export function cellName(index: number): string {
  return `c${index}`;
}

export function readCsvSql(path: string, sniff: CsvSniff, rejectsTable: string): string {
  const columns = sniff.header
    .map((_, index) => `${quoteLiteral(cellName(index))}: 'VARCHAR'`)
    .join(', ');
  return `read_csv(${quoteLiteral(path)},
    delim = ${quoteLiteral(sniff.delimiter)}, quote = '"', escape = '"',
    header = true, skip = ${sniff.headerIndex}, auto_detect = false,
    columns = {${columns}},
    encoding = 'utf-8', strict_mode = true, null_padding = false,
    store_rejects = true, rejects_table = ${quoteLiteral(rejectsTable)}, rejects_scan = ${quoteLiteral(`${rejectsTable}_scan`)})`;
}

export function dropRejectTables(rejectsTable: string): string {
  return `DROP TABLE IF EXISTS ${q(rejectsTable)}; DROP TABLE IF EXISTS ${q(`${rejectsTable}_scan`)};`;
}
