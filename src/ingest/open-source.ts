// Chooses and builds the source for one file: its format, for CSV its encoding (a file
// that is not valid UTF-8 is Windows-1252 and is transcoded first) and dialect.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { columnsOf } from '../contract/columns-of.ts';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { ingestMessages } from '../messages/ingest.ts';
import { type Text, userError } from '../messages/message.ts';
import type { LarsamError } from '../util/errors.ts';
import type { FileFormat } from './file-format.ts';
import type { FileScan } from './scan-file.ts';
import { readHead, sniffCsv } from './sniff-csv.ts';
import { arrowSource } from './sources/arrow.ts';
import { contractCsvSource } from './sources/contract-csv.ts';
import { jsonSource } from './sources/json.ts';
import { ladokCsvSource } from './sources/ladok-csv.ts';
import { parquetSource } from './sources/parquet.ts';
import { scbCsvSource } from './sources/scb-csv.ts';
import type { Source } from './sources/source.ts';
import { transcodeWindows1252 } from './transcode.ts';
import { openXlsxSource } from './xlsx/xlsx-source.ts';

export interface OpenedSource {
  source: Source;
  encoding: 'utf-8' | 'windows-1252' | null;
  /** Header cells of a CSV (for naming columns in DuckDB's structural rejects). */
  header: string[];
  /** A transcoded copy to delete after the load. */
  temporaryFile?: string;
}

export async function openSource(
  db: Database,
  file: { path: string; displayName: string; kind: Kind; format: FileFormat; scan: FileScan },
  workDir: string,
  tag: string,
): Promise<OpenedSource> {
  const { path, displayName, kind, format, scan } = file;
  if (format === 'parquet')
    return { source: await parquetSource(db, kind, path, displayName), encoding: null, header: [] };
  if (format === 'json')
    return { source: await jsonSource(db, kind, path, displayName), encoding: 'utf-8', header: [] };
  if (format === 'arrow')
    return {
      source: await arrowSource(db, kind, path, displayName, `${tag}_arrow`),
      encoding: null,
      header: [],
    };
  // An .xlsx sheet is copied to CSV and comes back through this function as that CSV.
  if (format === 'xlsx') return openXlsxSource(db, file, workDir, tag, openSource);

  const encoding = scan.validUtf8 ? 'utf-8' : 'windows-1252';
  if (encoding === 'utf-8') return openCsv(db, file, path, encoding, tag);
  // The UTF-8 copy is this function's until it returns it: refused or not, it is removed.
  const temporaryFile = join(workDir, `${tag}.utf8.csv`);
  try {
    await transcodeWindows1252(path, temporaryFile);
    return { ...(await openCsv(db, file, temporaryFile, encoding, tag)), temporaryFile };
  } catch (error) {
    await rm(temporaryFile, { force: true });
    throw error;
  }
}

async function openCsv(
  db: Database,
  file: { displayName: string; kind: Kind; scan: FileScan },
  readPath: string,
  encoding: 'utf-8' | 'windows-1252',
  tag: string,
): Promise<OpenedSource> {
  const { displayName, kind, scan } = file;
  const sniff = sniffCsv(
    await readHead(readPath, 'utf-8'),
    columnsOf(kind).map((c) => c.name),
  );
  const rejectsTable = `${tag}_csv_rejects`;
  let source: Source;
  if (sniff.dialect === 'ladok') {
    if (kind !== 'results')
      throw dialectError(displayName, ingestMessages.ladokExport(), 'results', kind);
    source = ladokCsvSource(readPath, displayName, sniff, rejectsTable);
  } else if (sniff.dialect === 'scb') {
    if (kind !== 'population')
      throw dialectError(displayName, ingestMessages.scbExport(), 'population', kind);
    source = await scbCsvSource(db, readPath, sniff, rejectsTable, displayName, scan.lines);
  } else {
    source = contractCsvSource(kind, readPath, displayName, sniff, rejectsTable);
  }
  return { source, encoding, header: sniff.header };
}

function dialectError(displayName: string, what: Text, expected: Kind, kind: Kind): LarsamError {
  return userError(ingestMessages.wrongDialect(what, expected, kind), {
    where: { file: displayName },
  });
}
