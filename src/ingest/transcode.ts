// Windows-1252 (Excel on Swedish Windows) to UTF-8, streamed, before DuckDB reads the
// file: DuckDB's latin-1 reader fails on 0x80–0x9F (€, –, ’), which Excel writes.
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';

/** Bytes where Windows-1252 and Latin-1 differ. */
const C1 = /[\x80-\x9f]/;

/**
 * One chunk to UTF-8. Windows-1252 is one byte a character, so chunks convert on their
 * own. Most chunks have no byte in 0x80–0x9F, and for them Latin-1 (which Node decodes
 * natively, twice as fast as TextDecoder) gives the same characters.
 */
function toUtf8(chunk: Buffer, decoder: TextDecoder): Buffer {
  const latin1 = chunk.toString('latin1');
  // { stream: true }: Node 20's decode() without it treats windows-1252 as Latin-1.
  return Buffer.from(C1.test(latin1) ? decoder.decode(chunk, { stream: true }) : latin1, 'utf8');
}

export async function transcodeWindows1252(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder('windows-1252');
  let first = true;
  const convert = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // A UTF-8 BOM is not text: a UTF-8 file with one stray Windows-1252 byte is read as
      // Windows-1252, and its BOM must not become 'ï»¿' in front of the first column name.
      const body =
        first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf
          ? chunk.subarray(3)
          : chunk;
      first = false;
      done(null, toUtf8(body, decoder));
    },
  });
  // The copy holds the input in clear: a file or link already at `to` (a leftover, or a
  // link planted to send the copy elsewhere) is removed, and the copy created anew ('wx').
  rmSync(to, { force: true });
  await pipeline(
    createReadStream(from, { highWaterMark: 1 << 20 }),
    convert,
    createWriteStream(to, { mode: 0o600, flags: 'wx' }),
  );
}
