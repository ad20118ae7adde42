// The format of an input file, from its name; and the spreadsheet formats that are
// refused with what to save them as instead.
import { extname } from 'node:path';

export type FileFormat = 'csv' | 'parquet' | 'arrow' | 'json' | 'xlsx';

const BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.xlsx': 'xlsx',
};

/** Spreadsheets the reader cannot open: what they are. */
const REFUSED: Record<string, string> = {
  '.xls': 'an old binary Excel workbook (.xls)',
  '.xlsb': 'a binary Excel workbook (.xlsb)',
  '.xlsm': 'a macro-enabled Excel workbook (.xlsm)',
  '.ods': 'an OpenDocument spreadsheet (.ods)',
  '.numbers': 'a Numbers spreadsheet (.numbers)',
};

export const SAVE_AS_XLSX =
  'open it and save it as Excel workbook (.xlsx) or as CSV UTF-8, then load that file';

export function formatOf(path: string): FileFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** What a refused spreadsheet is (e.g. 'an old binary Excel workbook (.xls)'), else undefined. */
export function refusedFormatOf(path: string): string | undefined {
  return REFUSED[extname(path).toLowerCase()];
}

export const DATA_EXTENSIONS = Object.keys(BY_EXTENSION);
