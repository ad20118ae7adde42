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
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KINDS, type Kind } from '../contract/kinds.ts';
import { Database } from '../db/database.ts';
import { kindFromName } from '../ingest/discover.ts';
import { formatOf } from '../ingest/file-format.ts';
import { quoteLiteral } from '../db/sql-text.ts';
import { GENERATE_ERRORS } from '../messages/generate.ts';
import { userError } from '../messages/message.ts';
import { LARGE_KINDS, writeLargeFiles } from './large-files.ts';
import { checkOptions, type CheckedOptions, type GenerateOptions } from './options.ts';
import { GENERATE_SQL, writeWhole, type GeneratedFile, type GenerateStep } from './output-files.ts';

export type { GeneratedFile, GenerateStep } from './output-files.ts';

export interface GenerateReport {
  options: Omit<CheckedOptions, 'fromKey' | 'toKey'>;
  files: GeneratedFile[];
  /** Building the tables (persons, careers, registrations, activities). */
  buildSeconds: number;
  seconds: number;
  /** Data files of a contract kind already in the folder that this run did not write (ingest would read them too). */
  strangers: string[];
}

function buildFiles(): string[] {
  return readdirSync(GENERATE_SQL)
    .filter((name) => name.endsWith('.sql'))
    .sort();
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
  const row = await db.one<{ d: string }>(
    `SELECT (term_end_of_key(${o.toKey}) + 45)::VARCHAR AS d`,
  );
  return row!.d;
}

export async function generate(
  options: GenerateOptions,
  onStep?: (step: GenerateStep) => void,
): Promise<GenerateReport> {
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
    // Joins as written: the left side is probed, the right side is the lookup (build)
    // side, whatever the estimated sizes, so plans do not depend on estimates. On one
    // thread (each part of the large files) an inner join on a unique key of the build
    // side then gives the probed rows in their order; on several threads no join keeps
    // it (hence the one sort of g_person, 05_recruitment.sql).
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
      for (const file of EVERY_CONNECTION)
        await writer.run(readFileSync(join(GENERATE_SQL, file), 'utf8'));
      await writer.run(partSql());
    }
    const large = await writeLargeFiles(
      [{ db, first: writeSmall }, ...writers.map((w) => ({ db: w }))],
      o,
      out,
      onStep,
    );
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

/** The construction in 04_persons.sql is unique up to 182 500 persons per birth year and sex; checked, not assumed. */
async function assertDistinctIdentityNumbers(db: Database): Promise<void> {
  const check = await db.one<{ persons: bigint; numbers: bigint }>(
    `SELECT count(*) AS persons, count(DISTINCT pnr) AS numbers FROM g_person`,
  );
  if (!check || check.persons !== check.numbers) {
    throw userError(GENERATE_ERRORS.tooManyPersons());
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
