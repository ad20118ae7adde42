#!/usr/bin/env node
// Starts the compiled CLI (dist/, `npm run build`) when it is at least as new as every
// source file, else the TypeScript sources through tsx, so a checkout or an edit never
// runs old code. The compiled start skips tsx's loader thread: about 0.5 s of the 1.5 s
// `larsam --help` took (npm run bench:start).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function builtAt() {
  try {
    return statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return null;
  }
}

function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

const built = builtAt();
// LARSAM_FROM_SOURCES=1 forces the sources (bench/start.ts compares the two starts).
if (!process.env.LARSAM_FROM_SOURCES && built !== null && built >= newestSource()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
