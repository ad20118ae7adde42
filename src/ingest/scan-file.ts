// One streaming pass over a file before DuckDB sees it: the content hash (for the
// ledger and idempotent re-loads), whether it is valid UTF-8 (else it is read as
// Windows-1252), and its line count (to notice rows a broken quote swallowed).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface FileScan {
  sha256: string;
  bytes: number;
  validUtf8: boolean;
  lines: number;
  hasNul: boolean;
}

/** Bytes at the end of a chunk that may be the start of a multi-byte UTF-8 sequence. */
function incompleteTail(chunk: Buffer): number {
  const end = chunk.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = chunk[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function countByte(chunk: Buffer, byte: number): number {
  let count = 0;
  let at = chunk.indexOf(byte);
  while (at !== -1) {
    count++;
    at = chunk.indexOf(byte, at + 1);
  }
  return count;
}

export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let newlines = 0;
  let returns = 0;
  let validUtf8 = true;
  let hasNul = false;
  let carry: Buffer = Buffer.alloc(0);
  let lastByte = -1;
  for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = piece as Buffer;
    hash.update(chunk);
    bytes += chunk.length;
    newlines += countByte(chunk, 0x0a);
    returns += countByte(chunk, 0x0d);
    if (!hasNul && chunk.indexOf(0) !== -1) hasNul = true;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
    if (validUtf8) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(joined);
      validUtf8 = isUtf8(joined.subarray(0, joined.length - tail));
      carry = Buffer.from(joined.subarray(joined.length - tail));
    }
  }
  if (carry.length) validUtf8 = false;
  // Lines end in LF, CRLF or (old Mac files, which DuckDB reads too) CR alone.
  const lines =
    bytes === 0
      ? 0
      : Math.max(newlines, returns) + (lastByte === 0x0a || lastByte === 0x0d ? 0 : 1);
  return { sha256: hash.digest('hex'), bytes, validUtf8, lines, hasNul };
}
