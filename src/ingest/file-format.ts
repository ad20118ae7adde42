// The format of an input file, from its name; and the spreadsheet formats that are
// refused with what to save them as instead.
import { extname } from 'node:path';
import { refusedFormats } from '../messages/ingest.ts';
import type { Text } from '../messages/message.ts';

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

export function formatOf(path: string): FileFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** What a spreadsheet the reader cannot open is (the catalogue's words), else undefined. */
export function refusedFormatOf(path: string): Text | undefined {
  return refusedFormats[extname(path).toLowerCase()];
}

export const DATA_EXTENSIONS = Object.keys(BY_EXTENSION);
