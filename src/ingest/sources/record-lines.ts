// Where each CSV record starts in the file. DuckDB numbers records, not lines: a
// blank line is skipped without a record and a quoted value with line breaks makes one
// record of several lines, so after either every later row would be reported on a line
// too early. This pass reads the file the way DuckDB splits it and keeps only the
// places where a record's line stops being "first line + record index". It runs only
// for files whose line count shows that such a place exists.
import { createReadStream } from 'node:fs';

/** From record `rec` on (0 = the first after the header), records start `phys - (firstLine + rec)` lines later. */
export interface RecordBreak {
  rec: number;
  /** DuckDB's own line number of the record (blank lines counted, a multi-line record as one). */
  duck: number;
  /** The record's first line in the file, as an editor shows it. */
  phys: number;
}

export interface RecordLines {
  /** Records after the header (blank lines are none). */
  records: number;
  breaks: RecordBreak[];
  /** The file ended inside a quoted value: a quote was never closed. */
  endedInQuote: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * @param skipLines lines before the header (metadata of Ladok exports), skipped as DuckDB's `skip` does
 */
export async function scanRecordLines(
  path: string,
  delimiter: string,
  skipLines: number,
): Promise<RecordLines> {
  const delim = delimiter.charCodeAt(0);
  const firstLine = skipLines + 2;
  let phys = 1; // line of the cursor
  let duck = 1;
  let record = -2; // the header becomes -1, the first record after it 0
  let atRecordStart = true;
  let atFieldStart = true;
  let inQuote = false;
  let quoteInQuote = false; // saw `"` inside a quoted value: closes it, unless another `"` follows
  let afterCr = false;
  let skipped = 0;
  let lastPhysDelta = 0;
  let lastDuckDelta = 0;
  const breaks: RecordBreak[] = [];

  const newline = (): void => {
    phys++;
    if (skipped < skipLines) {
      skipped++;
      return;
    }
    if (inQuote) return; // the value goes on; DuckDB's line does not advance
    duck++;
    atRecordStart = true;
    atFieldStart = true;
  };

  for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = piece as Buffer;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LF && afterCr) {
        afterCr = false; // the LF of a CRLF
        continue;
      }
      afterCr = b === CR;
      if (quoteInQuote) {
        quoteInQuote = false;
        if (b === QUOTE) continue; // "" is a quote inside the value
        inQuote = false;
      }
      if (b === LF || b === CR) {
        newline();
        continue;
      }
      if (skipped < skipLines) continue;
      if (atRecordStart) {
        atRecordStart = false;
        record++;
        if (record >= 0) {
          const physDelta = phys - (firstLine + record);
          const duckDelta = duck - (firstLine + record);
          if (physDelta !== lastPhysDelta || duckDelta !== lastDuckDelta) {
            breaks.push({ rec: record, duck, phys });
            lastPhysDelta = physDelta;
            lastDuckDelta = duckDelta;
          }
        }
      }
      if (inQuote) {
        if (b === QUOTE) quoteInQuote = true;
        continue;
      }
      if (b === QUOTE && atFieldStart) inQuote = true;
      atFieldStart = b === delim;
    }
  }
  return { records: record + 1, breaks, endedInQuote: inQuote && !quoteInQuote };
}
