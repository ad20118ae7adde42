// `larsam ingest`: every named file into the database, one transaction per file.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { ingestMessages } from '../messages/ingest.ts';
import { userError } from '../messages/message.ts';
import { LarsamError } from '../util/errors.ts';
import { discoverInputs, type InputFile, type SkippedFile } from './discover.ts';
import { guardPseudonymKey, keyInUse } from './key-guard.ts';
import { loadFile, type LoadResult } from './load-file.ts';
import { hmacPads, loadPseudonymKey } from './pseudonym-key.ts';
import { ensureSchema } from './raw-tables.ts';
import { scanFile } from './scan-file.ts';
import { stageTimes, type StageTimes } from './stage-times.ts';
import type { FileScan } from './scan-file.ts';
import { failureText, recordFailedLoad } from './failed-loads.ts';
import {
  planReplacement,
  readLoadedLedger,
  type ReplaceMode,
  type ReplacePlan,
} from './replace-plan.ts';
import { isAlive } from '../util/process-alive.ts';
import {
  interruptOnAbort,
  keepStatementProgress,
  stopReason,
  withStatementProgress,
  type WorkControl,
} from '../util/progress.ts';

export interface IngestOptions extends WorkControl {
  kind?: string;
  /** 'name' (--replace): also earlier loads of the same file name; 'kind' (--replace-kind): every load of the kind. */
  replace?: Exclude<ReplaceMode, 'path'>;
  strict?: boolean;
  /** Also load the rows of erased persons (lifting their tombstones) and files removed by retention (larsam forget, retention). */
  includeErased?: boolean;
  /** YYYY-MM-DD; default today. Fixes the century of 10-digit personnummer. */
  ingestDate?: string;
  env?: NodeJS.ProcessEnv;
  /** Called around each file, e.g. to show progress. */
  onFile?: (file: InputFile, phase: 'start' | 'end') => void;
  /**
   * Called with what the ingest will remove, before anything changes, when it removes
   * anything: to name it, and to ask. false stops the ingest with nothing changed.
   */
  onReplace?: (plan: ReplacePlan) => boolean | Promise<boolean>;
}

export interface FileFailure {
  file: string;
  error: LarsamError;
  /** Its entry in the ledger (status 'failed'); null when even that could not be written (e.g. a full disk). */
  loadId: number | null;
}

export interface IngestReport {
  results: LoadResult[];
  failures: FileFailure[];
  skipped: SkippedFile[];
  /** What was planned to be removed before anything changed (each result says what it removed). */
  plan: ReplacePlan;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A folder for transcoded copies beside the database; leftovers of killed runs are removed. */
function workDirFor(db: Database): string {
  const dir =
    db.path === ':memory:'
      ? join(tmpdir(), `larsam-${process.pid}`)
      : join(dirname(db.path), 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) {
    const pid = Number(/^_load_(\d+)[._]/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
  return dir;
}

export async function ingest(
  db: Database,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const { files, skipped } = await discoverInputs(paths, options.kind);
  await ensureSchema(db);
  const key = loadPseudonymKey(db.path, options.env ?? process.env, await keyInUse(db));
  await guardPseudonymKey(db, key.fingerprint, key.source);
  const mode: ReplaceMode = options.replace ?? 'path';
  const settings = {
    pads: hmacPads(key.key),
    ingestDate: options.ingestDate ?? today(),
    replaceMode: mode,
    strict: options.strict ?? false,
    includeErased: options.includeErased ?? false,
    workDir: workDirFor(db),
  };
  const { onProgress, signal } = options;
  const total = files.length;
  const progress = (done: number, item?: string) =>
    onProgress?.({ stage: 'ingest', unit: 'files', done, total, ...(item ? { item } : {}) });
  progress(0);
  // Every file is hashed first: the plan of what will be removed needs to know which
  // inputs are unchanged, and it is told before anything changes.
  const scanned = [];
  for (const file of files) {
    signal?.throwIfAborted();
    scanned.push(await scanInput(file, options.env ?? process.env));
  }
  signal?.throwIfAborted();
  const plan = planReplacement(
    await readLoadedLedger(db),
    scanned.flatMap((s) =>
      s.scan ? [{ path: s.file.path, kind: s.file.kind, sha256: s.scan.sha256 }] : [],
    ),
    mode,
  );
  if (plan.removals.length && options.onReplace && !(await options.onReplace(plan))) {
    throw userError(ingestMessages.replacementNotConfirmed());
  }
  const results: LoadResult[] = [];
  const failures: FileFailure[] = [];
  const restoreMemory = await limitMemory(db);
  const restoreProgress = onProgress ? await keepStatementProgress(db) : async () => undefined;
  const stopListening = interruptOnAbort(db, signal);
  try {
    for (const [index, { file, scan, times, error: scanError }] of scanned.entries()) {
      // between files: what is loaded stays loaded, the next file is not begun
      signal?.throwIfAborted();
      progress(index, file.displayName);
      options.onFile?.(file, 'start');
      try {
        if (scanError) throw scanError;
        times.mark('queued');
        const rows = onProgress
          ? (done: number, all: number) =>
              onProgress({
                stage: 'ingest',
                unit: 'rows',
                done,
                total: all,
                item: file.displayName,
                of: { unit: 'files', done: index, total },
              })
          : undefined;
        const result = await withStatementProgress(db, rows, () =>
          loadFile(
            db,
            { ...file, scan: scan!, replaces: plan.byInput.get(file.path) ?? [] },
            settings,
            times,
          ),
        );
        results.push(result);
        if (result.status === 'failed_strict')
          await recordFailedLoad(db, strictFailure(file, scan!.sha256, result));
      } catch (error) {
        // Stopped (Ctrl-C): the file's transaction rolled back; it is not a failure of the file.
        if (signal?.aborted) throw stopReason(signal, error);
        if (!(error instanceof LarsamError)) throw error;
        // The failure itself is what the user must see: a ledger that cannot take its entry
        // (a full disk) must not turn it into another error.
        const loadId = await recordFailedLoad(db, {
          path: file.path,
          displayName: file.displayName,
          kind: file.kind,
          format: file.format,
          sha256: scan?.sha256 ?? null,
          status: 'failed',
          why: failureText(error),
        }).catch(() => null);
        failures.push({ file: file.displayName, error, loadId });
      } finally {
        options.onFile?.(file, 'end');
      }
      progress(index + 1);
    }
  } finally {
    stopListening();
    await restoreProgress();
    await restoreMemory();
  }
  return { results, failures, skipped, plan };
}

interface ScannedInput {
  file: InputFile;
  times: StageTimes;
  scan?: FileScan;
  error?: LarsamError;
}

async function scanInput(file: InputFile, env: NodeJS.ProcessEnv): Promise<ScannedInput> {
  const times = stageTimes(file.displayName, env);
  try {
    const scan = await scanFile(file.path);
    times.mark('scan');
    return { file, times, scan };
  } catch (error) {
    return { file, times, error: unreadableFile(error, file.displayName) };
  }
}

/** A file the system will not let us read (permissions, gone since it was listed): a failure of that file, not of the run. */
function unreadableFile(error: unknown, displayName: string): LarsamError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof LarsamError) return error;
  if (!code) throw error;
  const cause =
    code === 'EACCES' || code === 'EPERM'
      ? ingestMessages.permissionDenied()
      : code === 'ENOENT'
        ? ingestMessages.fileGone()
        : ingestMessages.systemCode(code);
  return userError(ingestMessages.fileUnreadable(cause), {
    where: { file: displayName },
    cause: error,
  });
}

/** Under --strict a file with rejected rows loads nothing: it is recorded as failed_strict with its counts. */
function strictFailure(file: InputFile, sha256: string, result: LoadResult) {
  return {
    path: file.path,
    displayName: file.displayName,
    kind: file.kind,
    format: result.format,
    sha256,
    status: 'failed_strict' as const,
    encoding: result.encoding,
    rowsRead: result.rowsRead,
    rowsRejected: result.rowsRejected,
    why: `${result.rowsRejected} of ${result.rowsRead} rows rejected under --strict, so nothing of the file was loaded. Fix: correct the rejected rows (larsam ingest without --strict lists them), or load it without --strict`,
  };
}

/**
 * DuckDB may use this much memory while loading (its default is 80 % of the machine's).
 * With 1 GiB a 5-million-row load peaked at 1.48 GB; with 768 MiB at 1.16 GB and as fast
 * (BENCHMARKS.md), under the 1.5 GB a load may take. What does not fit goes to DuckDB's
 * temporary folder beside the database; the staged rows hold no identity numbers, only
 * salted keys and typed values.
 */
export const INGEST_MEMORY_LIMIT_BYTES = 768 * 1024 ** 2;

const UNITS: Record<string, number> = {
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

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
