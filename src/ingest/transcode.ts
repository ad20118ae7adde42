// Windows-1252 (Excel on Swedish Windows) to UTF-8, streamed, before DuckDB reads the
// file: DuckDB's latin-1 reader fails on 0x80–0x9F (€, –, ’), which Excel writes.
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export async function transcodeWindows1252(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder('windows-1252');
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), toUtf8, createWriteStream(to, { mode: 0o600 }));
}
