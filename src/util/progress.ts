// Progress of long work (ingest, build, report) as plain data, and how that work is
// stopped. The library emits events through an optional callback and never draws: the
// command line draws one line on a terminal (src/cli/progress.ts), a web page may show
// the same events. Stopping: an AbortSignal, checked between files, models and charts,
// and interrupting the DuckDB statement running when it aborts; the statement's
// transaction then rolls back like after any other error.
import type { Database } from '../db/database.ts';

export type ProgressStage = 'ingest' | 'build' | 'report';
export type ProgressUnit = 'files' | 'rows' | 'models' | 'charts';

export interface ProgressCount {
  unit: ProgressUnit;
  done: number;
  total: number;
}

export interface ProgressEvent extends ProgressCount {
  stage: ProgressStage;
  /** What is worked on now: a file's name, a model, a chart. */
  item?: string;
  /** The count this one is part of: the rows of a file are part of "file 3 of 12". */
  of?: ProgressCount;
}

export type OnProgress = (event: ProgressEvent) => void;

/** What a caller gives long work to follow and to stop it. */
export interface WorkControl {
  onProgress?: OnProgress;
  /** Aborted: the work stops at the next safe point with the signal's reason; nothing half done is kept. */
  signal?: AbortSignal;
}

/**
 * While the signal is not aborted nothing happens; when it aborts, the statement DuckDB
 * runs on this connection is interrupted (DuckDB forgets an interrupt that comes between
 * statements, so work also checks the signal itself). Returns how to stop listening.
 */
export function interruptOnAbort(db: Database, signal: AbortSignal | undefined): () => void {
  if (!signal) return () => undefined;
  const interrupt = () => db.connection.interrupt();
  if (signal.aborted) interrupt();
  signal.addEventListener('abort', interrupt, { once: true });
  return () => signal.removeEventListener('abort', interrupt);
}

/** The reason to stop with, should the signal have aborted (whatever error the stop caused). */
export function stopReason(signal: AbortSignal | undefined, error: unknown): unknown {
  return signal?.aborted ? signal.reason : error;
}

/**
 * Runs one long statement (or several) while reporting DuckDB's own progress of the
 * statement running: rows done of the rows it expects, every `everyMs` once the work has
 * taken `afterMs` (a small file is done before its rows are worth a line). Only when
 * someone listens; DuckDB keeps no progress unless asked (keepStatementProgress).
 */
export async function withStatementProgress<T>(
  db: Database,
  report: ((done: number, total: number) => void) | undefined,
  work: () => Promise<T>,
  { everyMs = 200, afterMs = 500 } = {},
): Promise<T> {
  if (!report) return work();
  const started = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - started < afterMs) return;
    const {
      percentage,
      rows_processed: done,
      total_rows_to_process: total,
    } = db.connection.progress;
    if (percentage >= 0 && total > 0n) report(Number(done), Number(total));
  }, everyMs);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Makes DuckDB keep progress of its statements (never printing it); returns how to put it back. */
export async function keepStatementProgress(db: Database): Promise<() => Promise<void>> {
  await db.run(
    'SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0',
  );
  return async () => {
    await db
      .run('RESET enable_progress_bar; RESET enable_progress_bar_print; RESET progress_bar_time')
      .catch(() => undefined);
  };
}
