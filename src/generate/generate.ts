// The synthetic data generator: runs sql/generate/*.sql in name order to build the data
// in DuckDB temporary tables, then writes one file per kind of the data contract with
// COPY (SELECT …) from sql/generate/out/<kind>.sql. The small kinds end in ORDER BY; the
// two large ones (registrations, results) read g_person (sorted by person) through
// SELECT, WHERE, unnest and joins to small tables, which on one thread keep its order, so
// they need no sort of millions of rows: they are written in parts of consecutive
// persons, one thread a part on one connection per thread, and the parts put together in
// order (writeLargeFiles). All randomness is hash() of (seed, row id, salt): the same
// options give byte-identical files whatever the thread count. Nothing here loops over
// rows.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KINDS, type Kind } from '../contract/kinds.ts';
import { Database } from '../db/database.ts';
import { kindFromName } from '../ingest/discover.ts';
import { formatOf } from '../ingest/file-format.ts';
import { quoteIdentifier, quoteLiteral } from '../db/sql-text.ts';
import { sqlRoot } from '../util/paths.ts';
import { LarsamError } from '../util/errors.ts';
import { appendFiles } from './append-files.ts';
import { checkOptions, type CheckedOptions, type GenerateOptions } from './options.ts';

export interface GeneratedFile {
  kind: Kind;
  path: string;
  rows: number;
  bytes: number;
  seconds: number;
}

export interface GenerateReport {
  options: Omit<CheckedOptions, 'fromKey' | 'toKey'>;
  files: GeneratedFile[];
  /** Building the tables (persons, careers, registrations, activities). */
  buildSeconds: number;
  seconds: number;
  /** Data files of a contract kind already in the folder that this run did not write (ingest would read them too). */
  strangers: string[];
}

export type GenerateStep = { phase: 'build'; file: string } | { phase: 'write'; kind: Kind };

const GENERATE_SQL = join(sqlRoot, 'generate');

function buildFiles(): string[] {
  return readdirSync(GENERATE_SQL)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

function outputSelect(kind: Kind): string {
  return readFileSync(join(GENERATE_SQL, 'out', `${kind}.sql`), 'utf8').trim().replace(/;$/, '');
}

/** The build files whose macros every connection that writes a large file needs. */
const EVERY_CONNECTION = ['01_helpers.sql', '06_careers.sql'];

/** g_pt_part(): the person-terms of some persons, for writing the large files in parts. */
function partSql(): string {
  return readFileSync(join(GENERATE_SQL, 'part', 'g_pt_part.sql'), 'utf8');
}

/**
 * The run's parameters as constant macros (inlined by DuckDB like literals). extract is
 * g_extract() as a date literal (see extractDate): as an expression of term macros it
 * took some 60 ms to plan in every query that used it.
 */
function parameterSql(o: CheckedOptions, extract: string): string {
  return [
    `CREATE OR REPLACE TEMP MACRO g_seed() AS ${o.seed}::UBIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_persons() AS ${o.persons}::BIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_from() AS ${o.fromKey}::BIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_to() AS ${o.toKey}::BIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_extract() AS DATE ${quoteLiteral(extract)}`,
    // A join whose output batch is small (under 64 rows) keeps it back until more come,
    // and lets larger batches pass first, unless the query must keep its order: a
    // one-thread COPY does not count as such, so rows of a person moved (found at 200 000
    // persons). Off on every connection of the generator.
    `SET enable_caching_operators = false`,
  ].join(';\n');
}

/** The day the data set is taken out: six weeks after the last term ends. */
async function extractDate(db: Database, o: CheckedOptions): Promise<string> {
  const row = await db.one<{ d: string }>(`SELECT (term_end_of_key(${o.toKey}) + 45)::VARCHAR AS d`);
  return row!.d;
}

function copyOptions(format: CheckedOptions['format']): string {
  return format === 'csv' ? `(FORMAT csv, HEADER true, DELIMITER ',')` : `(FORMAT parquet, COMPRESSION zstd)`;
}

export async function generate(options: GenerateOptions, onStep?: (step: GenerateStep) => void): Promise<GenerateReport> {
  const o = checkOptions(options);
  const out = resolve(o.out);
  mkdirSync(out, { recursive: true });
  const spill = mkdtempSync(join(tmpdir(), 'larsam-generate-'));
  const started = performance.now();
  // A database file in the spill folder only so that several connections can share one
  // instance (Database.open shares an instance per file); the tables live in the attached
  // in-memory database g, spilled to the spill folder beyond the memory limit.
  const dbFile = join(spill, 'generate.duckdb');
  const db = await Database.open(dbFile);
  const writers: Database[] = [];
  try {
    await db.run(`ATTACH ':memory:' AS g`);
    await db.run('USE g');
    await db.run(`SET memory_limit = ${quoteLiteral(o.memoryLimit)}`);
    await db.run(`SET temp_directory = ${quoteLiteral(spill)}`);
    // The order the large files rely on (the default, set so that it cannot be changed).
    await db.run(`SET preserve_insertion_order = true`);
    if (o.threads !== null) await db.run(`SET threads = ${o.threads}`);
    // Joins as written: the left side is probed in its order, which the join keeps; the
    // right side is the lookup (build) side, whatever the estimated sizes. g_person and
    // g_pt are in person order, and the large files in theirs, only through this (no
    // sort of millions of rows), and plans do not depend on estimates.
    await db.run(`SET disabled_optimizers = 'join_order,build_side_probe_side'`);
    const extract = await extractDate(db, o);
    await db.run(parameterSql(o, extract));
    for (const file of buildFiles()) {
      onStep?.({ phase: 'build', file });
      await db.run(readFileSync(join(GENERATE_SQL, file), 'utf8'));
    }
    await assertDistinctIdentityNumbers(db);
    await db.run(partSql());
    const buildSeconds = (performance.now() - started) / 1000;

    const files = new Map<Kind, GeneratedFile>();
    const small = KINDS.filter((kind) => !LARGE_KINDS.includes(kind));
    const writeSmall = async () => {
      for (const kind of small) files.set(kind, await writeWhole(db, kind, o, out, onStep));
    };
    // The two large files a part at a time on as many connections as threads, each query
    // on one thread: a one-thread query gives its rows in the order they come (several
    // threads reorder rows at joins, and an ordered multi-thread COPY cost twice the
    // CPU), and the parts are put together in order. The small files read this
    // connection's temporary tables, so it writes them first while the other connections
    // start on the parts.
    const connections = o.threads ?? availableParallelism();
    await db.run('SET threads = 1');
    for (let i = 1; i < connections; i++) {
      const writer = await Database.open(dbFile);
      writers.push(writer);
      await writer.run('USE g');
      await writer.run(parameterSql(o, extract));
      for (const file of EVERY_CONNECTION) await writer.run(readFileSync(join(GENERATE_SQL, file), 'utf8'));
      await writer.run(partSql());
    }
    const large = await writeLargeFiles([{ db, first: writeSmall }, ...writers.map((w) => ({ db: w }))], o, out, onStep);
    for (const file of large) files.set(file.kind, file);
    const { out: _out, fromKey: _from, toKey: _to, ...shown } = o;
    return {
      options: { ...shown, out },
      files: KINDS.map((kind) => files.get(kind)!),
      buildSeconds,
      seconds: (performance.now() - started) / 1000,
      strangers: strangersIn(out, new Set([...files.values()].map((f) => f.path))),
    };
  } finally {
    for (const writer of writers) writer.close();
    db.close();
    rmSync(spill, { recursive: true, force: true });
  }
}

/** Writes one kind's file in one COPY on db (all kinds as Parquet; the small kinds as CSV). */
async function writeWhole(
  db: Database,
  kind: Kind,
  o: CheckedOptions,
  out: string,
  onStep?: (step: GenerateStep) => void,
): Promise<GeneratedFile> {
  onStep?.({ phase: 'write', kind });
  const fileStarted = performance.now();
  const path = join(out, `${kind}.${o.format}`);
  const partial = `${path}.partial`;
  const select = outputSelect(kind);
  let copied: { Count: bigint }[];
  try {
    if (o.format === 'parquet') {
      // Parquet row groups follow the batches that reach the writer, and those depend
      // on the thread count; a table's scan gives the same batches whatever the threads.
      await db.run(`CREATE OR REPLACE TEMP TABLE g_output AS ${select}`);
      copied = await db.rows(`COPY g_output TO ${quoteLiteral(partial)} ${copyOptions(o.format)}`);
      await db.run('DROP TABLE g_output');
    } else {
      copied = await db.rows(`COPY (${select}) TO ${quoteLiteral(partial)} ${copyOptions(o.format)}`);
    }
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  return { kind, path, rows: Number(copied[0]?.Count ?? 0), bytes: statSync(path).size, seconds: (performance.now() - fileStarted) / 1000 };
}

/** The kinds written a part at a time (their SQL reads g_pt_part()). */
const LARGE_KINDS: Kind[] = ['registrations', 'results'];

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
async function writeLargeFiles(
  connections: { db: Database; first?: () => Promise<void> }[],
  o: CheckedOptions,
  out: string,
  onStep?: (step: GenerateStep) => void,
): Promise<GeneratedFile[]> {
  const main = connections[0]!.db;
  const count = Math.max(2, Math.ceil(o.persons / PERSONS_PER_PART));
  const size = Math.ceil(o.persons / count);
  const parts = Array.from({ length: count }, (_, i) => ({ from: i * size, to: Math.min(o.persons, (i + 1) * size) - 1 }));
  const jobs = LARGE_KINDS.flatMap((kind) => parts.map((range, part) => ({ kind, range, part })));
  // each kind's SELECT (as lines for CSV), made once: DESCRIBE plans the whole query
  const selects = new Map<Kind, string>();
  for (const kind of LARGE_KINDS) selects.set(kind, o.format === 'csv' ? await asLines(main, kind) : outputSelect(kind));
  const partPath = (kind: Kind, part: number) => join(out, `${kind}.csv.partial-${part}`);
  const partTable = (kind: Kind, part: number) => `g_part_${kind}_${part}`;
  const state = new Map(LARGE_KINDS.map((kind) => [kind, { started: 0, rows: 0, left: parts.length }]));
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
      await db.run(`SET VARIABLE g_part_from = ${range.from}; SET VARIABLE g_part_to = ${range.to}`);
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
  const assembleCsv = async (kind: Kind, fileStarted: number, rows: number): Promise<GeneratedFile> => {
    const path = join(out, `${kind}.csv`);
    const first = partPath(kind, 0);
    const rest = parts.slice(1).map((_, i) => partPath(kind, i + 1));
    await appendFiles(first, rest);
    for (const part of rest) rmSync(part);
    renameSync(first, path);
    return { kind, path, rows, bytes: statSync(path).size, seconds: (performance.now() - fileStarted) / 1000 };
  };
  const assembleParquet = async (kind: Kind): Promise<GeneratedFile> => {
    const path = join(out, `${kind}.parquet`);
    const partial = `${path}.partial`;
    try {
      // one thread: the table holds the parts' rows in order, and its scan gives the
      // Parquet writer the same batches whatever the thread count
      await main.run(`CREATE OR REPLACE TEMP TABLE g_output AS FROM ${partTable(kind, 0)}`);
      for (let part = 1; part < parts.length; part++) await main.run(`INSERT INTO g_output FROM ${partTable(kind, part)}`);
      const copied = await main.rows<{ Count: bigint }>(`COPY g_output TO ${quoteLiteral(partial)} ${copyOptions('parquet')}`);
      await main.run('DROP TABLE g_output');
      renameSync(partial, path);
      const s = state.get(kind)!;
      return { kind, path, rows: Number(copied[0]?.Count ?? 0), bytes: statSync(path).size, seconds: (performance.now() - s.started) / 1000 };
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
    for (const result of [...settled, ...finished]) if (result.status === 'rejected') throw result.reason;
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
  const columns = (await db.rows<{ column_name: string }>(`DESCRIBE (${select})`)).map((c) => c.column_name);
  const line = columns.map((c) => quoteIdentifier(c)).join(`, ',', `);
  return `SELECT concat(${line}) AS ${quoteIdentifier(columns.join(','))} FROM (${select})`;
}

/** The construction in 04_persons.sql is unique up to 182 500 persons per birth year and sex; checked, not assumed. */
async function assertDistinctIdentityNumbers(db: Database): Promise<void> {
  const check = await db.one<{ persons: bigint; numbers: bigint }>(
    `SELECT count(*) AS persons, count(DISTINCT pnr) AS numbers FROM g_person`,
  );
  if (!check || check.persons !== check.numbers) {
    throw new LarsamError('too many persons for distinct synthetic identity numbers', {
      fix: 'generate fewer persons (--persons), or more terms so that birth years spread',
    });
  }
}

/** Files ingest would take for a kind (`<kind>*.csv` and the like) that this run did not write. */
function strangersIn(out: string, written: Set<string>): string[] {
  return readdirSync(out)
    .filter((name) => formatOf(name) !== undefined && kindFromName(name) !== undefined)
    .map((name) => join(out, name))
    .filter((path) => !written.has(path))
    .sort();
}
