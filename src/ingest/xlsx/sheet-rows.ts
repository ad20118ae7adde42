// Reads one sheet's XML in pieces with a SAX parser (saxes) and hands over each row as
// cell texts, in sheet order with its row number: no sheet is held as rows in memory.
// Cell types as Excel stores them: shared strings (t="s"), inline strings, formula
// strings (t="str", the cached value), booleans, errors (#N/A as written), ISO dates
// (t="d"), and numbers (a date when the cell's style shows a date).
import { SaxesParser } from 'saxes';
import { dateText, numberText } from './cell-text.ts';
import type { Workbook } from './workbook-parts.ts';

export interface SheetCellText {
  text: string;
  /** A number cell (not a date): its text is the number's digits. */
  number: boolean;
}

/** Called per row with content, rows in order; `row` is the sheet's 1-based row number. */
export type OnRow = (row: number, cells: (SheetCellText | undefined)[]) => void;

const MS_PER_DAY = 86_400_000;

/** An Excel serial day number as a UTC instant (1900 system: day 25 569 is 1970-01-01). */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24_107 : 25_569)) * MS_PER_DAY));
}

function columnOf(ref: string | undefined): number | undefined {
  const letters = ref ? /^[A-Z]+/.exec(ref)?.[0] : undefined;
  if (!letters) return undefined;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The ISO text of a t="d" cell (`2024-10-08T13:00:00`), as a date text. */
function isoCellText(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return value;
  return dateText(new Date(`${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}Z`));
}

/** `afterPiece` runs after each 1 MiB of XML (to write out the rows handed over so far). */
export async function readSheetRows(
  xml: Uint8Array,
  book: Workbook,
  onRow: OnRow,
  afterPiece: () => Promise<void>,
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let rowNumber = 0;
  let cells: (SheetCellText | undefined)[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  // Where text goes: the value <v>, an inline string's <t> (not its phonetic <rPh>), or nowhere.
  let into: 'v' | 't' | null = null;
  let inPhonetic = false;

  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (name === 'row') {
      rowNumber = a.r ? Number(a.r) : rowNumber + 1;
      cells = [];
      column = -1;
    } else if (name === 'c') {
      column = columnOf(a.r) ?? column + 1;
      type = a.t ?? 'n';
      style = a.s ? Number(a.s) : 0;
      value = '';
      inline = '';
    } else if (name === 'v') {
      into = 'v';
    } else if (name === 'rPh') {
      inPhonetic = true;
    } else if (name === 't' && !inPhonetic) {
      into = 't';
    }
  });
  parser.on('text', (text) => {
    if (into === 'v') value += text;
    else if (into === 't') inline += text;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'v' || name === 't') into = null;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'c') {
      const cell = cellText(type, style, value, inline, book);
      if (cell) cells[column] = cell;
    } else if (name === 'row') {
      if (cells.length) onRow(rowNumber, cells);
    }
  });

  // Pieces of 1 MiB, decoded as a stream (a character may span two pieces).
  const decoder = new TextDecoder('utf-8');
  const piece = 1 << 20;
  for (let at = 0; at < xml.length; at += piece) {
    parser.write(decoder.decode(xml.subarray(at, at + piece), { stream: true }));
    await afterPiece();
  }
  parser.write(decoder.decode());
  parser.close();
  await afterPiece();
}

function cellText(
  type: string,
  style: number,
  value: string,
  inline: string,
  book: Workbook,
): SheetCellText | undefined {
  switch (type) {
    case 's': {
      const text = book.sharedStrings[Number(value)];
      return text === undefined || text === '' ? undefined : { text, number: false };
    }
    case 'inlineStr':
      return inline === '' ? undefined : { text: inline, number: false };
    case 'str':
    case 'e':
      // A formula's cached text, or an error as Excel shows it (#N/A): never empty in silence.
      return value === '' ? undefined : { text: value, number: false };
    case 'b':
      return value === ''
        ? undefined
        : {
            text: value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE',
            number: false,
          };
    case 'd':
      return value === '' ? undefined : { text: isoCellText(value), number: false };
    default: {
      if (value === '') return undefined;
      if (book.dateStyles[style]) {
        const serial = Number(value);
        if (Number.isFinite(serial))
          return { text: dateText(serialDate(serial, book.date1904)), number: false };
      }
      return { text: numberText(value), number: true };
    }
  }
}
