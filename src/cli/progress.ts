// Progress of a long DuckDB statement on a terminal: percent, rows, rate, time left.
// Silent when stderr is not a terminal, or with --quiet / --json.
import type { Database } from '../db/database.ts';
import type { Output } from './output.ts';

export function startProgress(db: Database, output: Output, label: string): () => void {
  if (!output.interactive) return () => undefined;
  const started = Date.now();
  const timer = setInterval(() => {
    const { percentage, rows_processed: rows } = db.connection.progress;
    if (percentage < 0) return;
    const seconds = (Date.now() - started) / 1000;
    const rate = Number(rows) / Math.max(seconds, 0.001);
    const left = percentage > 0 ? (seconds * (100 - percentage)) / percentage : NaN;
    process.stderr.write(
      `\r${label}: ${percentage.toFixed(0)} %, ${Number(rows).toLocaleString('sv-SE')} rows, ${Math.round(rate).toLocaleString('sv-SE')} rows/s${Number.isFinite(left) ? `, ${Math.ceil(left)} s left` : ''}   `,
    );
  }, 500);
  return () => {
    clearInterval(timer);
    process.stderr.write('\r\x1b[K');
  };
}
