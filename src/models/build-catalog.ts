// The database a build makes its models in: an in-memory database attached with
// COMPRESS (checkpointed after each model, which compresses it), made the default so that
// the models' unqualified names mean its tables, with the database file's catalog next
// on the search path (the raw tables) and TEMP (the macros) searched as always.
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql-text.ts';

export interface BuildCatalogs {
  /** The database file's catalog. */
  home: string;
  /** The in-memory catalog the models are built in. */
  build: string;
  /** Makes the home catalog the default again: unqualified names mean the database's objects. */
  leave(): Promise<void>;
  detach(): Promise<void>;
}

export async function attachBuildCatalog(db: Database): Promise<BuildCatalogs> {
  const home = (await db.one<{ name: string }>(`SELECT current_database() AS name`))!.name;
  const build = home === 'larsam_build' ? 'larsam_build_2' : 'larsam_build';
  await db.run(`ATTACH ':memory:' AS ${q(build)} (COMPRESS)`);
  let left = false;
  const leave = async () => {
    if (left) return;
    left = true;
    await db.run(`USE ${q(home)}`);
    await db.run(`RESET search_path`);
  };
  try {
    await db.run(`USE ${q(build)}`);
    await db.run(`SET search_path = ${quoteLiteral(`${q(build)}.main,${q(home)}.main`)}`);
  } catch (error) {
    await leave().catch(() => undefined);
    await db.run(`DETACH ${q(build)}`).catch(() => undefined);
    throw error;
  }
  return {
    home,
    build,
    leave,
    detach: async () => {
      await leave().catch(() => undefined);
      await db.run(`DETACH DATABASE IF EXISTS ${q(build)}`).catch(() => undefined);
    },
  };
}
