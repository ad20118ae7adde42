// Rewrites the database file so that deleted rows leave no bytes behind. DuckDB keeps the
// blocks of deleted rows: after DELETE and CHECKPOINT (and VACUUM) a deleted pseudonym can
// still be read from the file (measured; test/rights/forget.test.ts checks the bytes).
// So an erasure or a retention run never deletes in place. The schema is copied into a
// new file beside the database (COPY FROM DATABASE … (SCHEMA): tables, views, sequences
// at their current values), then every table's rows except those to remove, but no
// model table (the build makes them again from the kept rows); then `finish` records
// the change and rebuilds the models in the new file; it is checkpointed, closed,
// fsynced and renamed over the database in one atomic step, and the folder fsynced.
// Killed at any moment before the rename, the database is untouched (the half-written
// new file, which never holds a removed row, is deleted by the next rewrite); after it,
// the change is whole. The old database stays open, and so locked, until the rename.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Database } from '../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';
import { readModelFiles } from '../models/model-files.ts';
import { userError } from '../messages/message.ts';
import { RIGHTS_ERRORS } from '../messages/rights.ts';
import { isAlive } from '../util/process-alive.ts';

export interface RewriteSteps {
  /** A WHERE condition for the rows of a table to keep, or undefined to keep them all. */
  keep: (table: string) => string | undefined;
  /** Runs on the new database before it replaces the old one: record, rebuild. */
  finish: (db: Database) => Promise<void>;
}

export interface RewriteTimes {
  copySeconds: number;
  finishSeconds: number;
  totalSeconds: number;
}

const SUFFIX = '.rewrite-';

/** A line on stderr at each step when LARSAM_STAGE_TIMES is set (the fault tests wait for them). */
function stage(text: string): void {
  if (process.env.LARSAM_STAGE_TIMES) process.stderr.write(`stage times rewrite: ${text}\n`);
}

/** Leftovers of a rewrite that was killed: `<db>.rewrite-<pid>…` of processes no longer running. */
export function removeRewriteLeftovers(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}${SUFFIX}`;
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (pid && (pid === process.pid || !isAlive(pid)))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Tables the build makes (dropped and made again by the rebuild, so never copied). */
export function modelTableNames(): Set<string> {
  const names = readModelFiles().map((m) => m.name);
  return new Set([...names, 'build_settings', 'data_test_results']);
}

export async function rewriteDatabase(db: Database, steps: RewriteSteps): Promise<RewriteTimes> {
  if (db.readOnly || db.path === ':memory:')
    throw new Error('rewriteDatabase needs a database file opened for writing');
  const t0 = performance.now();
  // A database that is a symbolic link is rewritten where it lives; the link stays.
  const path = realpathSync(db.path);
  removeRewriteLeftovers(path);
  const target = `${path}${SUFFIX}${process.pid}.duckdb`;
  // The WAL must be empty: once the new file takes the name, a WAL of the old one would be replayed into it.
  await db.run('CHECKPOINT');
  const home = (await db.one<{ name: string }>(`SELECT current_database() AS name`))!.name;
  const models = modelTableNames();
  const alias = '_larsam_rewrite';
  await db.run(`ATTACH ${quoteLiteral(target)} AS ${q(alias)}`);
  try {
    await db.run(`COPY FROM DATABASE ${q(home)} TO ${q(alias)} (SCHEMA)`);
    const tables = await db.rows<{ schema: string; name: string }>(
      `SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE database_name = $home AND NOT temporary ORDER BY ALL`,
      { home },
    );
    for (const table of tables) {
      if (table.schema === 'main' && models.has(table.name)) continue;
      const keep = table.schema === 'main' ? steps.keep(table.name) : undefined;
      await db.run(
        `INSERT INTO ${q(alias)}.${q(table.schema)}.${q(table.name)} SELECT * FROM ${q(home)}.${q(table.schema)}.${q(table.name)}${keep ? ` WHERE ${keep}` : ''}`,
      );
    }
  } finally {
    await db.run(`DETACH ${q(alias)}`).catch(() => undefined);
  }
  const copied = performance.now();
  stage(`copied in ${Math.round(copied - t0)} ms`);
  const fresh = await Database.open(target);
  try {
    await steps.finish(fresh);
    await fresh.run('CHECKPOINT');
  } catch (error) {
    fresh.close();
    removeRewriteLeftovers(path);
    throw error;
  }
  fresh.close();
  const finished = performance.now();
  if (existsSync(`${target}.wal`)) {
    removeRewriteLeftovers(path);
    throw userError(RIGHTS_ERRORS.walLeft());
  }
  stage(`finished in ${Math.round(finished - copied)} ms`);
  fsyncPath(target);
  renameSync(target, path);
  fsyncPath(dirname(path));
  removeRewriteLeftovers(path);
  return {
    copySeconds: (copied - t0) / 1000,
    finishSeconds: (finished - copied) / 1000,
    totalSeconds: (performance.now() - t0) / 1000,
  };
}
