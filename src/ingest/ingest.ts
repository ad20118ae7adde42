// `larsam ingest`: every named file into the database, one transaction per file.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { LarsamError } from '../util/errors.ts';
import { discoverInputs, type InputFile } from './discover.ts';
import { guardPseudonymKey } from './key-guard.ts';
import { loadFile, type LoadResult } from './load-file.ts';
import { hmacPads, loadPseudonymKey } from './pseudonym-key.ts';
import { ensureSchema } from './raw-tables.ts';
import { scanFile } from './scan-file.ts';

export interface IngestOptions {
  kind?: string;
  replace?: boolean;
  strict?: boolean;
  /** YYYY-MM-DD; default today. Fixes the century of 10-digit personnummer. */
  ingestDate?: string;
  env?: NodeJS.ProcessEnv;
  /** Called around each file, e.g. to show progress. */
  onFile?: (file: InputFile, phase: 'start' | 'end') => void;
}

export interface FileFailure {
  file: string;
  error: LarsamError;
}

export interface IngestReport {
  results: LoadResult[];
  failures: FileFailure[];
  skipped: string[];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A folder for transcoded copies beside the database; leftovers of killed runs are removed. */
function workDirFor(db: Database): string {
  const dir = db.path === ':memory:' ? join(tmpdir(), `larsam-${process.pid}`) : join(dirname(db.path), 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) {
    const pid = Number(/^_load_(\d+)[._]/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ingest(db: Database, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { files, skipped } = await discoverInputs(paths, options.kind);
  await ensureSchema(db);
  const key = loadPseudonymKey(db.path, options.env ?? process.env);
  await guardPseudonymKey(db, key.fingerprint, key.source);
  const settings = {
    pads: hmacPads(key.key),
    ingestDate: options.ingestDate ?? today(),
    replaceKind: options.replace ?? false,
    strict: options.strict ?? false,
    workDir: workDirFor(db),
  };
  const results: LoadResult[] = [];
  const failures: FileFailure[] = [];
  for (const file of files) {
    options.onFile?.(file, 'start');
    try {
      const scan = await scanFile(file.path);
      results.push(await loadFile(db, { ...file, scan }, settings));
    } catch (error) {
      if (!(error instanceof LarsamError)) throw error;
      failures.push({ file: file.displayName, error });
    } finally {
      options.onFile?.(file, 'end');
    }
  }
  return { results, failures, skipped };
}
