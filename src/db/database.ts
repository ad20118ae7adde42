// The only code that opens DuckDB. One instance per database file and mode per process
// (DuckDB's file lock is per instance), macros from sql/macros on every connection,
// explicit transactions that always roll back on error, and parameters for values.
// Macro files load in name order; a file may use macros of files sorting before it.
import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBValue,
  type DuckDBType,
} from '@duckdb/node-api';
import { translateOpenError } from './open-error.ts';
import { sqlRoot } from '../util/paths.ts';
import { databaseMessages } from '../messages/database.ts';
import { userError } from '../messages/message.ts';

export type Params = Record<string, DuckDBValue>;
export type ParamTypes = Record<string, DuckDBType | undefined>;
export type Row = Record<string, unknown>;

interface SharedInstance {
  instance: DuckDBInstance;
  users: number;
}

const instances = new Map<string, Promise<SharedInstance>>();

function macroSql(): string {
  const dir = join(sqlRoot, 'macros');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n;\n');
}

export interface OpenOptions {
  readOnly?: boolean;
  /** No file, extension or network access, and settings locked (for user-written SQL). */
  sandboxed?: boolean;
}

export class Database {
  private closed = false;

  private constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private readonly key: string,
    private readonly shared: SharedInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const readOnly = options.readOnly ?? false;
    const sandboxed = options.sandboxed ?? false;
    const absolute = path === ':memory:' ? path : resolve(path);
    if (absolute !== ':memory:' && !readOnly) mkdirSync(dirname(absolute), { recursive: true });
    if (absolute !== ':memory:') refuseLinkedCompanions(absolute);
    // Each :memory: database is its own; file databases are shared per mode.
    const key =
      absolute === ':memory:'
        ? `:memory:${Math.random()}`
        : `${absolute}\u0000${readOnly}\u0000${sandboxed}`;
    let pending = instances.get(key);
    if (!pending) {
      const config: Record<string, string> = {};
      if (readOnly) config.access_mode = 'READ_ONLY';
      if (sandboxed) {
        config.enable_external_access = 'false';
        config.autoload_known_extensions = 'false';
        config.autoinstall_known_extensions = 'false';
      }
      pending = DuckDBInstance.create(absolute, config)
        .then((instance) => ({ instance, users: 0 }))
        .catch((error: unknown) => {
          instances.delete(key);
          throw translateOpenError(error, path);
        });
      instances.set(key, pending);
    }
    const shared = await pending;
    shared.users += 1;
    const connection = await shared.instance.connect();
    const database = new Database(absolute, readOnly, key, shared, connection);
    try {
      await connection.run(macroSql());
      if (sandboxed) await connection.run('SET lock_configuration = true');
    } catch (error) {
      database.close();
      throw error;
    }
    return database;
  }

  async run(sql: string, params?: Params, types?: ParamTypes): Promise<void> {
    await this.connection.run(sql, params, types);
  }

  /** Small results as plain JS objects (BIGINT as bigint, DATE as Date: cast in SQL for other shapes). */
  async rows<T extends object = Row>(
    sql: string,
    params?: Params,
    types?: ParamTypes,
  ): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params, types);
    return reader.getRowObjectsJS() as T[];
  }

  async one<T extends object = Row>(
    sql: string,
    params?: Params,
    types?: ParamTypes,
  ): Promise<T | undefined> {
    return (await this.rows<T>(sql, params, types))[0];
  }

  /** Large results chunk by chunk, so memory stays bounded. */
  async *stream<T extends object = Row>(sql: string, params?: Params): AsyncGenerator<T[]> {
    const result = await this.connection.stream(sql, params);
    for await (const chunk of result.yieldRowObjectJs()) yield chunk as T[];
  }

  /** Any query's rows chunk by chunk with the column names first (even for no rows). */
  async *streamRows(sql: string): AsyncGenerator<{ columns: string[]; rows: unknown[][] }> {
    const result = await this.connection.stream(sql);
    const columns = result.columnNames();
    yield { columns, rows: [] };
    for await (const rows of result.yieldRowsJs()) yield { columns, rows };
  }

  /** Runs fn inside BEGIN … COMMIT; any error rolls back (DuckDB's COMMIT after a failed statement would roll back silently). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await this.connection.run('COMMIT');
    return result;
  }

  /** Closes the connection, and the instance when no one else in this process uses it (that releases the file lock). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.shared.users -= 1;
    if (this.shared.users === 0) {
      instances.delete(this.key);
      this.shared.instance.closeSync();
    }
  }
}

/**
 * The files DuckDB and larsam make beside the database (its write-ahead log, DuckDB's
 * spill folder, larsam's folder for transcoded inputs) must not be symbolic links: the
 * database's content, personal data before hashing included, would be written wherever
 * the link points. The database file itself is the user's to name, link or not.
 */
function refuseLinkedCompanions(dbPath: string): void {
  for (const path of [`${dbPath}.wal`, `${dbPath}.tmp`, join(dirname(dbPath), 'tmp')]) {
    let linked = false;
    try {
      linked = lstatSync(path).isSymbolicLink();
    } catch {
      continue; // absent: DuckDB or larsam creates it
    }
    if (linked) {
      throw userError(databaseMessages.symbolicLink(path));
    }
  }
}

export async function withDatabase<T>(
  path: string,
  options: OpenOptions,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await Database.open(path, options);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
