// `larsam ingest`: every named file into the database, one transaction per file.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { LarsamError } from '../util/errors.ts';
import { discoverInputs, type InputFile } from './discover.ts';
import { guardPseudonymKey, keyInUse } from './key-guard.ts';
import { loadFile, type LoadResult } from './load-file.ts';
import { hmacPads, loadPseudonymKey } from './pseudonym-key.ts';
import { ensureSchema } from './raw-tables.ts';
import { scanFile } from './scan-file.ts';
import { stageTimes } from './stage-times.ts';

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
  const key = loadPseudonymKey(db.path, options.env ?? process.env, await keyInUse(db));
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
  const restoreMemory = await limitMemory(db);
  try {
    for (const file of files) {
      options.onFile?.(file, 'start');
      try {
        const times = stageTimes(file.displayName, options.env ?? process.env);
        const scan = await scanFile(file.path);
        times.mark('scan');
        results.push(await loadFile(db, { ...file, scan }, settings, times));
      } catch (error) {
        if (!(error instanceof LarsamError)) throw error;
        failures.push({ file: file.displayName, error });
      } finally {
        options.onFile?.(file, 'end');
      }
    }
  } finally {
    await restoreMemory();
  }
  return { results, failures, skipped };
}

/**
 * DuckDB may use this much memory while loading (its default is 80 % of the machine's).
 * With 1 GiB a 5-million-row load peaked at 1.48 GB; with 768 MiB at 1.16 GB and as fast
 * (BENCHMARKS.md), under the 1.5 GB a load may take. What does not fit goes to DuckDB's
 * temporary folder beside the database; the staged rows hold no identity numbers, only
 * salted keys and typed values.
 */
export const INGEST_MEMORY_LIMIT_BYTES = 768 * 1024 ** 2;

const UNITS: Record<string, number> = { bytes: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** DuckDB's memory_limit as written by current_setting ('18.7 GiB'), in bytes. */
export function memoryLimitBytes(setting: string): number {
  const match = /^([\d.]+)\s*([a-z]+)$/i.exec(setting.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : Infinity;
}

/** Lowers DuckDB's memory limit for the load; returns how to put it back. */
async function limitMemory(db: Database): Promise<() => Promise<void>> {
  const current = (await db.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))!.v;
  if (memoryLimitBytes(current) <= INGEST_MEMORY_LIMIT_BYTES) return async () => undefined;
  await db.run(`SET memory_limit = '${INGEST_MEMORY_LIMIT_BYTES}B'`);
  return async () => {
    // Database.open sets no memory_limit, so RESET gives back exactly what there was.
    await db.run(`RESET memory_limit`).catch(() => undefined);
  };
}
