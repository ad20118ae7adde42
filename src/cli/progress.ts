// Progress of long work on a terminal: one line on stderr, redrawn in place at most four
// times a second and cleared at the end — stage, done of total, rate, time left. Silent
// when stderr is not a terminal, or with --quiet / --json. The library sends plain events
// (src/util/progress.ts); the words are in src/messages/progress.ts.
import { basename } from 'node:path';
import type { Lang } from '../i18n/lang.ts';
import type { Text } from '../i18n/text.ts';
import { PROGRESS_TEXTS } from '../messages/progress.ts';
import type { ProgressCount, ProgressEvent, ProgressStage } from '../util/progress.ts';
import type { Output } from './output.ts';

/** At most this often the line is redrawn. */
export const REDRAW_MS = 250;

/** The rate and time left need this long and one thing done since the count began. */
const MIN_SECONDS = 0.5;

/**
 * The line for an event, `seconds` after its count began at `doneAtStart`:
 * "bygger modeller: 12 av 36, 8 per s, cirka 3 s kvar". Rows of a file give a percent
 * and the time left (DuckDB's row count of a statement is an estimate, not the file's).
 */
export function progressLine(event: ProgressEvent, seconds: number, doneAtStart = 0): Text {
  const { done, total } = event;
  const rate = seconds >= MIN_SECONDS ? (done - doneAtStart) / seconds : 0;
  const left = rate > 0 && total > done ? (total - done) / rate : null;
  const parts: Text[] = [];
  if (event.unit === 'rows') {
    const file = event.of ?? { unit: 'files', done: 0, total: 1 };
    const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
    // the file's own name: a path would fill the line
    const name = basename(event.item ?? '');
    parts.push(PROGRESS_TEXTS.fileRows(name, file.done + 1, file.total, percent));
  } else {
    parts.push(PROGRESS_TEXTS.counted(event.unit, done, total));
    if (rate > 0) parts.push(PROGRESS_TEXTS.rate(rate));
  }
  if (left !== null) parts.push(PROGRESS_TEXTS.left(left));
  return { en: parts.map((p) => p.en).join(', '), sv: parts.map((p) => p.sv).join(', ') };
}

/** What the work had reached, per stage: what a stop reports as finished. */
export interface ProgressState {
  /** The stage of the latest event (or the one a pipeline said it entered). */
  stage: ProgressStage | null;
  files?: ProgressCount;
  models?: ProgressCount;
  charts?: ProgressCount;
}

interface Series {
  key: string;
  started: number;
  doneAtStart: number;
  lastDone: number;
}

/** Follows the events of one command: keeps its state, and draws the line on a terminal. */
export class ProgressDisplay {
  readonly state: ProgressState = { stage: null };
  private readonly series = new Map<string, Series>();
  private latest: { event: ProgressEvent; series: Series } | null = null;
  private drawnAt = 0;
  private drawn = false;
  private pending: NodeJS.Timeout | null = null;

  constructor(
    private readonly output: Output,
    private readonly lang: Lang,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The callback the library is given. */
  readonly onProgress = (event: ProgressEvent): void => {
    this.state.stage = event.stage;
    if (event.unit !== 'rows') this.state[event.unit] = { ...event };
    const unitKey = `${event.stage}:${event.unit}`;
    const key = event.unit === 'rows' ? `${unitKey}:${event.item ?? ''}` : unitKey;
    let series = this.series.get(unitKey);
    // a new count (another file's rows, DuckDB's next statement) starts its rate anew
    if (!series || series.key !== key || event.done < series.lastDone) {
      series = { key, started: this.now(), doneAtStart: event.done, lastDone: event.done };
      this.series.set(unitKey, series);
    }
    series.lastDone = event.done;
    this.latest = { event, series };
    this.draw();
  };

  /** A pipeline entering a stage (before the stage's first event). */
  enter(stage: ProgressStage): void {
    this.state.stage = stage;
  }

  private draw(): void {
    if (!this.output.interactive || !this.latest) return;
    const since = this.now() - this.drawnAt;
    if (this.drawn && since < REDRAW_MS) {
      this.pending ??= setTimeout(() => {
        this.pending = null;
        this.draw();
      }, REDRAW_MS - since).unref();
      return;
    }
    const { event, series } = this.latest;
    const line = progressLine(event, (this.now() - series.started) / 1000, series.doneAtStart)[
      this.lang
    ];
    const width = Math.max(20, (process.stderr.columns || 80) - 1);
    process.stderr.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
    this.drawn = true;
    this.drawnAt = this.now();
  }

  /** Removes the line (before other output, and at the end). */
  clear(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}
