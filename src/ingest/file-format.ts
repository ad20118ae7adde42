// The format of an input file, from its name.
import { extname } from 'node:path';

export type FileFormat = 'csv' | 'parquet' | 'arrow' | 'json';

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
};

export function formatOf(path: string): FileFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

export const DATA_EXTENSIONS = Object.keys(BY_EXTENSION);
