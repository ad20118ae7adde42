// The two large files (registrations, results), written in parts of consecutive persons
// on several connections at once, one thread a part, and put together in order.
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { quoteIdentifier, quoteLiteral } from '../db/sql-text.ts';
import { appendFiles } from './append-files.ts';
import type { CheckedOptions } from './options.ts';
import {
  copyOptions,
  outputSelect,
  type GeneratedFile,
  type GenerateStep,
} from './output-files.ts';

/** The kinds written a part at a time (their SQL reads g_pt_part()). */
export const LARGE_KINDS: Kind[] = ['registrations', 'results'];

/** Persons a part of the large files holds (at most; the parts are equal ranges of person ids). */
const PERSONS_PER_PART = 65536;

/**
 * Writes registrations and results in parts of consecutive persons, the parts shared out
 * to the connections in order, each part one query on one thread. As CSV a part is a file
 * (the header on the first part only), and a file's parts are appended to its first part
 * in order as soon as all are written, while the other file's parts are still being
 * written. As Parquet a part is a table, and the first connection copies the parts into
 * one table in order and writes that. The bytes do not depend on the number of
 * connections or parts: every part is the rows of its persons in the order the whole
 * file has them.
 */
export async function writeLargeFiles(
  connections: { db: Database; first?: () => Promise<void> }[],
  o: CheckedOptions,
  out: string,
  onStep?: (step: GenerateStep) => void,
): Promise<GeneratedFile[]> {
  const main = connections[0]!.db;
  const count = Math.max(2, Math.ceil(o.persons / PERSONS_PER_PART));
  const size = Math.ceil(o.persons / count);
  const parts = Array.from({ length: count }, (_, i) => ({
    from: i * size,
    to: Math.min(o.persons, (i + 1) * size) - 1,
  }));
  const jobs = LARGE_KINDS.flatMap((kind) => parts.map((range, part) => ({ kind, range, part })));
  // each kind's SELECT (as lines for CSV), made once: DESCRIBE plans the whole query
  const selects = new Map<Kind, string>();
  for (const kind of LARGE_KINDS)
    selects.set(kind, o.format === 'csv' ? await asLines(main, kind) : outputSelect(kind));
  const partPath = (kind: Kind, part: number) => join(out, `${kind}.csv.partial-${part}`);
  const partTable = (kind: Kind, part: number) => `g_part_${kind}_${part}`;
  const state = new Map(
    LARGE_KINDS.map((kind) => [kind, { started: 0, rows: 0, left: parts.length }]),
  );
  const assembled: Promise<GeneratedFile>[] = [];
  const removeParts = async () => {
    for (const kind of LARGE_KINDS) {
      for (let part = 0; part < parts.length; part++) {
        rmSync(partPath(kind, part), { force: true });
        if (o.format === 'parquet') await main.run(`DROP TABLE IF EXISTS ${partTable(kind, part)}`);
      }
    }
  };
  let next = 0;
  let failed = false;
  const work = async (db: Database, first?: () => Promise<void>) => {
    await first?.();
    while (!failed && next < jobs.length) {
      const { kind, range, part } = jobs[next++]!;
      const s = state.get(kind)!;
      if (part === 0) {
        s.started = performance.now();
        onStep?.({ phase: 'write', kind });
      }
      await db.run(
        `SET VARIABLE g_part_from = ${range.from}; SET VARIABLE g_part_to = ${range.to}`,
      );
      if (o.format === 'csv') {
        const copied = await db.rows<{ Count: bigint }>(
          `COPY (${selects.get(kind)!}) TO ${quoteLiteral(partPath(kind, part))} (FORMAT csv, HEADER ${part === 0}, QUOTE '')`,
        );
        s.rows += Number(copied[0]?.Count ?? 0);
        if (--s.left === 0) assembled.push(assembleCsv(kind, s.started, s.rows));
      } else {
        await db.run(`CREATE OR REPLACE TABLE ${partTable(kind, part)} AS ${selects.get(kind)!}`);
      }
    }
  };
  const assembleCsv = async (
    kind: Kind,
    fileStarted: number,
    rows: number,
  ): Promise<GeneratedFile> => {
    const path = join(out, `${kind}.csv`);
    const first = partPath(kind, 0);
    const rest = parts.slice(1).map((_, i) => partPath(kind, i + 1));
    await appendFiles(first, rest);
    for (const part of rest) rmSync(part);
    renameSync(first, path);
    return {
      kind,
      path,
      rows,
      bytes: statSync(path).size,
      seconds: (performance.now() - fileStarted) / 1000,
    };
  };
  const assembleParquet = async (kind: Kind): Promise<GeneratedFile> => {
    const path = join(out, `${kind}.parquet`);
    const partial = `${path}.partial`;
    try {
      // one thread: the table holds the parts' rows in order, and its scan gives the
      // Parquet writer the same batches whatever the thread count
      await main.run(`CREATE OR REPLACE TEMP TABLE g_output AS FROM ${partTable(kind, 0)}`);
      for (let part = 1; part < parts.length; part++)
        await main.run(`INSERT INTO g_output FROM ${partTable(kind, part)}`);
      const copied = await main.rows<{ Count: bigint }>(
        `COPY g_output TO ${quoteLiteral(partial)} ${copyOptions('parquet')}`,
      );
      await main.run('DROP TABLE g_output');
      renameSync(partial, path);
      const s = state.get(kind)!;
      return {
        kind,
        path,
        rows: Number(copied[0]?.Count ?? 0),
        bytes: statSync(path).size,
        seconds: (performance.now() - s.started) / 1000,
      };
    } finally {
      rmSync(partial, { force: true });
    }
  };
  try {
    // every connection's query has ended before a failure is reported (and the parts removed)
    const settled = await Promise.allSettled(
      connections.map(({ db, first }) =>
        work(db, first).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const finished = await Promise.allSettled(assembled);
    for (const result of [...settled, ...finished])
      if (result.status === 'rejected') throw result.reason;
    if (o.format === 'parquet') {
      const files: GeneratedFile[] = [];
      for (const kind of LARGE_KINDS) files.push(await assembleParquet(kind));
      return files;
    }
    return finished.map((result) => (result as PromiseFulfilledResult<GeneratedFile>).value);
  } finally {
    await removeParts();
  }
}

/**
 * A large kind's rows as one text column holding the whole CSV line, named by the whole
 * header line: the same bytes as COPY of the columns writes (concat writes NULL as empty,
 * and casts values to text as the CSV writer does), but DuckDB's CSV writer costs about
 * 30 ns a value, so one value a row takes it from 0.60 to 0.37 CPU s for 2.6 million
 * results (measured). Valid only because no value of these kinds holds a comma, a quote
 * or a line break (codes, numbers, dates; the tests ingest every column back), which is
 * also why the COPY needs no quoting (QUOTE '').
 */
async function asLines(db: Database, kind: Kind): Promise<string> {
  const select = outputSelect(kind);
  const columns = (await db.rows<{ column_name: string }>(`DESCRIBE (${select})`)).map(
    (c) => c.column_name,
  );
  const line = columns.map((c) => quoteIdentifier(c)).join(`, ',', `);
  return `SELECT concat(${line}) AS ${quoteIdentifier(columns.join(','))} FROM (${select})`;
}
