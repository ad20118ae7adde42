// The synthetic data generator: runs sql/generate/*.sql in name order to build the data
// in DuckDB temporary tables, then writes one file per kind of the data contract with
// COPY (SELECT …) from sql/generate/out/<kind>.sql. The small kinds end in ORDER BY; the
// two large ones (registrations, results) read one table made with ORDER BY through
// SELECT, WHERE and unnest only, which keep its order, so they need no sort of millions
// of rows. All randomness is hash() of (seed, row id, salt): the same options give
// byte-identical files whatever the thread count. Nothing here loops over rows.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KINDS, type Kind } from '../contract/kinds.ts';
import { Database } from '../db/database.ts';
import { kindFromName } from '../ingest/discover.ts';
import { formatOf } from '../ingest/file-format.ts';
import { quoteLiteral } from '../db/sql-text.ts';
import { sqlRoot } from '../util/paths.ts';
import { LarsamError } from '../util/errors.ts';
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

/** The run's parameters as constant macros (inlined by DuckDB like literals). */
function parameterSql(o: CheckedOptions): string {
  return [
    `CREATE OR REPLACE TEMP MACRO g_seed() AS ${o.seed}::UBIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_persons() AS ${o.persons}::BIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_from() AS ${o.fromKey}::BIGINT`,
    `CREATE OR REPLACE TEMP MACRO g_to() AS ${o.toKey}::BIGINT`,
    // The day the data set is taken out: six weeks after the last term ends.
    `CREATE OR REPLACE TEMP MACRO g_extract() AS (term_end(term_from_key(${o.toKey})) + 45)`,
  ].join(';\n');
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
  const db = await Database.open(':memory:');
  try {
    await db.run(`SET memory_limit = ${quoteLiteral(o.memoryLimit)}`);
    await db.run(`SET temp_directory = ${quoteLiteral(spill)}`);
    // The order the large files rely on (the default, set so that it cannot be changed).
    await db.run(`SET preserve_insertion_order = true`);
    if (o.threads !== null) await db.run(`SET threads = ${o.threads}`);
    await db.run(parameterSql(o));
    for (const file of buildFiles()) {
      onStep?.({ phase: 'build', file });
      await db.run(readFileSync(join(GENERATE_SQL, file), 'utf8'));
    }
    await assertDistinctIdentityNumbers(db);
    const buildSeconds = (performance.now() - started) / 1000;

    const files: GeneratedFile[] = [];
    for (const kind of KINDS) {
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
      files.push({
        kind,
        path,
        rows: Number(copied[0]?.Count ?? 0),
        bytes: statSync(path).size,
        seconds: (performance.now() - fileStarted) / 1000,
      });
    }
    const { out: _out, fromKey: _from, toKey: _to, ...shown } = o;
    return {
      options: { ...shown, out },
      files,
      buildSeconds,
      seconds: (performance.now() - started) / 1000,
      strangers: strangersIn(out, new Set(files.map((f) => f.path))),
    };
  } finally {
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
