// Looks at the first lines of a CSV file to find its header line, delimiter and
// dialect: the contract's own columns, a Ladok "Utdata → Resultat" export (metadata
// lines, then labelled columns) or an SCB statistical-database export (region, years).
import { open } from 'node:fs/promises';
import { detectDelimiter, splitCsvLine } from './split-csv-line.ts';
import { isLadokHeader } from './ladok-columns.ts';
import { isScbHeader } from './scb-columns.ts';

export type Dialect = 'contract' | 'ladok' | 'scb';

export interface CsvSniff {
  dialect: Dialect;
  delimiter: ',' | ';' | '\t';
  /** 0-based index of the header line. */
  headerIndex: number;
  /** Header cells as written (quotes removed, trimmed). */
  header: string[];
}

const HEAD_BYTES = 256 * 1024;
const HEADER_SEARCH_LINES = 50;

export function normaliseColumnName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Header text as a message may show it: control characters (a binary file, a NUL) as
 * '�', so an error stays one printable line, and at most `max` characters.
 */
export function printable(text: string, max = 300): string {
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

export async function readHead(
  path: string,
  encoding: 'utf-8' | 'windows-1252',
): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const text = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead));
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    if (bytesRead === HEAD_BYTES) lines.pop(); // the last line may be cut
    return lines.slice(0, HEADER_SEARCH_LINES);
  } finally {
    await handle.close();
  }
}

/** Finds the header among the first lines; `expected` are the kind's contract column names. */
export function sniffCsv(lines: string[], expected: readonly string[]): CsvSniff {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const delimiter = detectDelimiter(line);
    const header = splitCsvLine(line, delimiter).map((cell) => cell.trim());
    if (isLadokHeader(header)) return { dialect: 'ladok', delimiter, headerIndex: index, header };
    if (isScbHeader(header)) return { dialect: 'scb', delimiter, headerIndex: index, header };
    if (header.some((cell) => expected.includes(normaliseColumnName(cell)))) {
      return { dialect: 'contract', delimiter, headerIndex: index, header };
    }
  }
  // No line looks like a header: take the first non-empty one, so the missing-column
  // error can show the user what was found there.
  const index = Math.max(
    0,
    lines.findIndex((line) => line.trim() !== ''),
  );
  const line = lines[index] ?? '';
  const delimiter = detectDelimiter(line);
  return {
    dialect: 'contract',
    delimiter,
    headerIndex: index,
    header: splitCsvLine(line, delimiter).map((c) => c.trim()),
  };
}
