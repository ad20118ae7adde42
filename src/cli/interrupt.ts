// Ctrl-C (SIGINT) and SIGTERM during long work: the work is told to stop (an
// AbortSignal, which also interrupts the DuckDB statement running, so its transaction
// rolls back), the database is closed (its lock released), and one line says what was
// finished, that nothing is left half done, and that the same command continues. Exit
// code 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM. A second Ctrl-C while
// stopping exits at once; that too leaves no half-loaded file (DuckDB's transactions hold
// through a kill, test/faults/run-sigkill.test.ts).
import type { Text } from '../i18n/text.ts';
import { STOPPED_TEXTS } from '../messages/progress.ts';
import type { WorkControl } from '../util/progress.ts';
import type { Context } from './context.ts';
import { setExitCode } from './exit-code.ts';
import { ProgressDisplay, type ProgressState } from './progress.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

export const EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/** The reason the work stops with. */
export class StopRequested extends Error {
  constructor(readonly signal: StopSignal) {
    super(`stopped by ${signal}`);
    this.name = 'StopRequested';
  }
}

/** What a command hands its library call: progress, the stop signal, and the stage a pipeline enters. */
export interface Control extends Required<WorkControl> {
  display: ProgressDisplay;
}

/**
 * Runs a command's work with progress on a terminal and a clean stop on Ctrl-C. Returns
 * the work's result, or undefined when it was stopped: then the line `stoppedLine` gives
 * for what was reached is printed on stderr and the exit code set.
 */
export async function untilStopped<T>(
  context: Context,
  stoppedLine: (state: ProgressState) => Text,
  work: (control: Control) => Promise<T>,
): Promise<T | undefined> {
  const display = new ProgressDisplay(context.output, context.lang);
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const handlers = STOP_SIGNALS.map((name) => {
    const handler = () => {
      if (received) process.exit(EXIT_CODES[received]);
      received = name;
      controller.abort(new StopRequested(name));
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  try {
    return await work({ display, onProgress: display.onProgress, signal: controller.signal });
  } catch (error) {
    if (!received) throw error;
    display.clear();
    process.stderr.write(`${stoppedLine(display.state)[context.lang]}\n`);
    setExitCode(context, EXIT_CODES[received]);
    return undefined;
  } finally {
    display.clear();
    for (const off of handlers) off();
  }
}

/** The stop line of each command, from what its work had reached. */
export const STOPPED_LINES = {
  ingest: (s: ProgressState): Text =>
    s.files ? STOPPED_TEXTS.ingest(s.files.done, s.files.total) : STOPPED_TEXTS.beforeAnything,
  build: (s: ProgressState): Text =>
    STOPPED_TEXTS.build(s.models?.done ?? null, s.models?.total ?? null),
  report: (s: ProgressState): Text =>
    STOPPED_TEXTS.report(s.charts?.done ?? null, s.charts?.total ?? null),
  run: (s: ProgressState): Text => {
    if (s.stage === 'report')
      return STOPPED_TEXTS.runReport(s.charts?.done ?? null, s.charts?.total ?? null);
    if (s.stage === 'build')
      return STOPPED_TEXTS.runBuild(
        s.files?.total ?? 0,
        s.models?.done ?? null,
        s.models?.total ?? null,
      );
    return s.files
      ? STOPPED_TEXTS.runIngest(s.files.done, s.files.total)
      : STOPPED_TEXTS.beforeAnything;
  },
};
