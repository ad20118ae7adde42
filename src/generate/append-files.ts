// Appends files to a file, for putting the parts of a large generated file together.
// GNU cat (coreutils 9) copies between regular files inside the kernel
// (copy_file_range): 1 GB in 0.28 s and 0.27 CPU s here, where a Node stream pipeline
// took 1.85 s and 2.0 CPU s on the core the DuckDB connections need. Without cat (not a
// GNU system), the same bytes go through a stream.
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, openSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function appendFiles(target: string, sources: string[]): Promise<void> {
  if (sources.length === 0) return;
  const fd = openSync(target, 'a');
  let started = false;
  try {
    await new Promise<void>((done, fail) => {
      const cat = spawn('cat', ['--', ...sources], { stdio: ['ignore', fd, 'pipe'] });
      let stderr = '';
      cat.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      cat.on('spawn', () => (started = true));
      cat.on('error', fail);
      cat.on('close', (code) =>
        code === 0 ? done() : fail(new Error(`cat exited with ${code}: ${stderr.trim()}`)),
      );
    });
  } catch (error) {
    if (started) throw error;
    for (const source of sources) {
      await pipeline(
        createReadStream(source, { highWaterMark: 1 << 20 }),
        createWriteStream(target, { flags: 'a' }),
      );
    }
  } finally {
    closeSync(fd);
  }
}
