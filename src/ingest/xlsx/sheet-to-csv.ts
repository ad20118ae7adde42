// An .xlsx sheet as a UTF-8 CSV copy with one line per sheet row (an empty row is an
// empty line), so the CSV path reads it: header detection (Ladok's and SCB's title
// lines), every rule and reject, and line numbers that are the sheet's row numbers.
// Every line has as many fields as the widest row, as Excel's own CSV export writes.
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { ingestMessages, ingestWarnings } from '../../messages/ingest.ts';
import { type Text, userError } from '../../messages/message.ts';
import { LarsamError } from '../../util/errors.ts';
import { sniffCsv } from '../sniff-csv.ts';
import { personColumn, restorePersonnummerZero } from './person-cells.ts';
import { readSheetRows, type SheetCellText } from './sheet-rows.ts';
import {
  partSize,
  readPart,
  readWorkbook,
  readWorkbookBytes,
  type Workbook,
  type WorkbookSheet,
} from './workbook-parts.ts';

export interface SheetChoice {
  name: string;
  /** 1-based position among the workbook's sheets. */
  number: number;
  part: string | undefined;
  /** Why this sheet: it is named like the kind, or it is the first. */
  because: 'named like the kind' | 'the first sheet';
  /** The workbook's other sheets, not read. */
  others: string[];
}

/** The sheet named like the kind (case, spaces and dashes aside), else the first. */
export function chooseSheet(
  sheets: WorkbookSheet[],
  kind: Kind | undefined,
  file: string,
): SheetChoice {
  if (!sheets.length) throw userError(ingestMessages.noSheets(), { where: { file } });
  const normal = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  const named = kind === undefined ? -1 : sheets.findIndex((s) => normal(s.name) === kind);
  const index = named === -1 ? 0 : named;
  return {
    name: sheets[index]!.name,
    number: index + 1,
    part: sheets[index]!.part,
    because: named === -1 ? 'the first sheet' : 'named like the kind',
    others: sheets.filter((_, i) => i !== index).map((s) => s.name),
  };
}

/** `file.xlsx [sheet Blad1]`: how messages and rejects name the sheet read. */
export function sheetDisplayName(displayName: string, sheet: string): string {
  return `${displayName} [sheet ${sheet}]`;
}

/** The workbook's bytes, or a clear refusal when the file is no .xlsx workbook. */
export function workbookBytes(path: string, file: string): Uint8Array {
  const bytes = readWorkbookBytes(path);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.byteLength));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return bytes;
  const binaryExcel = head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  throw userError(binaryExcel ? ingestMessages.oldExcel() : ingestMessages.notAZip(), {
    where: { file },
  });
}

function unreadable(what: Text, error: unknown, file: string): LarsamError {
  const cause = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return userError(ingestMessages.workbookUnreadable(what, cause), {
    where: { file },
    cause: error,
  });
}

/** The workbook's sheets in tab order. */
export function sheetsOf(bytes: Uint8Array, file: string): WorkbookSheet[] {
  return workbookOf(bytes, file).sheets;
}

export function workbookOf(bytes: Uint8Array, file: string): Workbook {
  try {
    return readWorkbook(bytes);
  } catch (error) {
    throw unreadable(ingestMessages.theWorkbook(), error, file);
  }
}

/**
 * The sheet's XML is inflated whole and read in pieces: memory is about the XML's size
 * (bench/XLSX.md). A sheet larger than this is refused before it is inflated.
 */
export const MAX_SHEET_XML_BYTES = 768 * 1024 ** 2;

function sheetXml(bytes: Uint8Array, choice: SheetChoice, file: string): Uint8Array {
  const part = choice.part;
  const size = part ? partSize(bytes, part) : undefined;
  if (!part || size === undefined)
    throw userError(ingestMessages.sheetMissing(choice.name), { where: { file } });
  if (size > MAX_SHEET_XML_BYTES) {
    throw userError(
      ingestMessages.sheetTooLarge(
        choice.name,
        Math.round(size / 1024 ** 2),
        MAX_SHEET_XML_BYTES / 1024 ** 2,
      ),
      { where: { file } },
    );
  }
  return readPart(bytes, part)!;
}

function csvField(text: string): string {
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Fields of a row up to its last cell; line breaks inside cells become spaces (one line per row). */
function csvFields(cells: (SheetCellText | undefined)[], breaks: { count: number }): string[] {
  const fields: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i]?.text ?? '';
    if (/[\r\n]/.test(text)) {
      breaks.count++;
      fields.push(csvField(text.replace(/\r\n|\r|\n/g, ' ')));
    } else fields.push(csvField(text));
  }
  return fields;
}

export interface SheetCsv {
  sheet: SheetChoice;
  /** Lines written: the sheet's rows up to its last non-empty one. */
  lines: number;
  warnings: string[];
}

const HEAD_ROWS = 50;

async function write(out: Writable, text: string): Promise<void> {
  if (text && !out.write(text)) await once(out, 'drain');
}

/** Writes the chosen sheet of `path` as CSV to `to` (mode 0600, created anew). */
export async function sheetToCsv(
  path: string,
  kind: Kind,
  file: string,
  to: string,
): Promise<SheetCsv> {
  const bytes = workbookBytes(path, file);
  const book = workbookOf(bytes, file);
  const sheet = chooseSheet(book.sheets, kind, file);
  const xml = sheetXml(bytes, sheet, file);
  const warnings: string[] = [];
  if (sheet.others.length) {
    const because =
      sheet.because === 'the first sheet'
        ? ingestWarnings.firstSheet()
        : ingestWarnings.namedLikeKind();
    warnings.push(ingestWarnings.otherSheets(sheet.name, because, sheet.others, kind).en);
  }

  // The copy holds the sheet in clear (personnummer too): a file or link already at `to`
  // is removed and the copy created anew ('wx'); the load deletes it when done.
  rmSync(to, { force: true });
  const out = createWriteStream(to, { mode: 0o600, flags: 'wx' });
  const breaks = { count: 0 };
  // The first rows wait until the header is known (to find the person column).
  let head: { row: number; cells: (SheetCellText | undefined)[] }[] | undefined = [];
  let person: number | undefined;
  let restored = 0;
  let lines = 0;
  let text = '';
  const widths: number[] = [];
  let widest = 0;
  const emit = (row: number, cells: (SheetCellText | undefined)[]) => {
    if (person !== undefined && restorePersonnummerZero(cells, person)) restored++;
    const fields = csvFields(cells, breaks);
    // Rows Excel does not write (empty ones) are empty lines: line number = row number.
    while (lines < row - 1) {
      text += '\n';
      widths.push(0);
      lines++;
    }
    text += `${fields.join(',')}\n`;
    widths.push(fields.length);
    widest = Math.max(widest, fields.length);
    lines++;
  };
  const releaseHead = () => {
    if (!head) return;
    const headLines: string[] = [];
    for (const { row, cells } of head) {
      while (headLines.length < row - 1) headLines.push('');
      headLines.push(csvFields(cells, { count: 0 }).join(','));
    }
    const sniff = sniffCsv(
      headLines,
      columnsOf(kind).map((c) => c.name),
    );
    person = personColumn(kind, sniff);
    const held = head;
    head = undefined;
    for (const { row, cells } of held) emit(row, cells);
  };
  try {
    await readSheetRows(
      xml,
      book,
      (row, cells) => {
        if (head && row > HEAD_ROWS) releaseHead();
        if (head) head.push({ row, cells });
        else emit(row, cells);
      },
      async () => {
        await write(out, text);
        text = '';
      },
    );
    releaseHead();
    await write(out, text);
  } catch (error) {
    throw error instanceof LarsamError
      ? error
      : unreadable(ingestMessages.theSheet(sheet.name), error, file);
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (widths.some((w) => w > 0 && w < widest)) await padLines(to, widths, widest);
  if (restored) warnings.push(ingestWarnings.leadingZeroRestored(restored).en);
  if (breaks.count) warnings.push(ingestWarnings.lineBreaksInCells(breaks.count).en);
  return { sheet, lines, warnings };
}

/** Gives every non-empty line `width` fields (rows end at their last cell in the sheet). */
async function padLines(path: string, widths: number[], width: number): Promise<void> {
  const padded = `${path}.padded`;
  rmSync(padded, { force: true });
  const out = createWriteStream(padded, { mode: 0o600, flags: 'wx' });
  try {
    let index = 0;
    let text = '';
    for await (const line of createInterface({
      input: createReadStream(path),
      crlfDelay: Infinity,
    })) {
      const w = widths[index++] ?? 0;
      text += w > 0 && w < width ? `${line}${','.repeat(width - w)}\n` : `${line}\n`;
      if (text.length > 1 << 20) {
        await write(out, text);
        text = '';
      }
    }
    await write(out, text);
  } catch (error) {
    out.destroy();
    rmSync(padded, { force: true });
    throw error;
  } finally {
    if (!out.destroyed) {
      out.end();
      await once(out, 'close');
    }
  }
  renameSync(padded, path);
}

/** The first rows of the first sheet as CSV lines (to tell a Ladok or SCB export by its header). */
export async function firstSheetHead(path: string, file: string, count: number): Promise<string[]> {
  const bytes = workbookBytes(path, file);
  const book = workbookOf(bytes, file);
  const sheet = chooseSheet(book.sheets, undefined, file);
  const lines: string[] = [];
  const enough = new Error('enough rows');
  try {
    await readSheetRows(
      sheetXml(bytes, sheet, file),
      book,
      (row, cells) => {
        if (row > count) throw enough;
        while (lines.length < row - 1) lines.push('');
        lines.push(csvFields(cells, { count: 0 }).join(','));
      },
      async () => undefined,
    );
  } catch (error) {
    if (error !== enough)
      throw error instanceof LarsamError
        ? error
        : unreadable(ingestMessages.theSheet(sheet.name), error, file);
  }
  return lines;
}
