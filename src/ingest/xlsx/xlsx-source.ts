// An .xlsx file opened as its sheet's CSV copy: the copy is read by the CSV path
// (openSource with format 'csv'), so header detection, rules and rejects are exactly
// those of CSV; the load deletes the copy in its `finally`, and so does this on error.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../../contract/kinds.ts';
import type { Database } from '../../db/database.ts';
import type { FileFormat } from '../file-format.ts';
import type { OpenedSource } from '../open-source.ts';
import type { FileScan } from '../scan-file.ts';
import { sheetToCsv } from './sheet-to-csv.ts';

type OpenFile = {
  path: string;
  displayName: string;
  kind: Kind;
  format: FileFormat;
  scan: FileScan;
};
type OpenCsv = (
  db: Database,
  file: OpenFile,
  workDir: string,
  tag: string,
) => Promise<OpenedSource>;

export async function openXlsxSource(
  db: Database,
  file: OpenFile,
  workDir: string,
  tag: string,
  openCsv: OpenCsv,
): Promise<OpenedSource> {
  const copy = join(workDir, `${tag}.xlsx.csv`);
  try {
    const csv = await sheetToCsv(file.path, file.kind, file.displayName, copy);
    // The ledger keeps the workbook's hash and size; the line count is the copy's, which
    // is what DuckDB reads and what the line numbers are checked against.
    file.scan.lines = csv.lines;
    const opened = await openCsv(
      db,
      {
        ...file,
        path: copy,
        format: 'csv',
        scan: { ...file.scan, validUtf8: true, hasNul: false },
      },
      workDir,
      tag,
    );
    const { source } = opened;
    source.warnings.unshift(...csv.warnings);
    if (source.format === 'csv') source.format = 'xlsx';
    return { ...opened, encoding: null, temporaryFile: copy };
  } catch (error) {
    rmSync(copy, { force: true });
    throw error;
  }
}
