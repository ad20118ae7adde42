// Whether the built models answer for the data loaded: the build records the latest load
// it saw (larsam_meta 'built_at_load', publish-build.ts); a later load that changed data
// makes them stale. The one check that status, query, decide, report and run share.
import { withDatabase, type Database } from '../db/database.ts';
import type { Lang } from '../i18n/lang.ts';
import { freshnessMessages } from '../messages/freshness.ts';
import { userError } from '../messages/message.ts';

export type ModelState = 'not_built' | 'stale' | 'fresh';

export async function modelState(db: Database): Promise<ModelState> {
  const ledger = await db.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'larsam_meta' AND schema_name = 'main'`,
  );
  if (!ledger) return 'not_built';
  // A failed load changed no data: it does not make the models stale.
  const row = await db.one<{ built: string | null; latest: number | null }>(
    `SELECT (SELECT value FROM larsam_meta WHERE key = 'built_at_load') AS built,
            (SELECT max(load_id) FROM loads WHERE status NOT IN ('failed', 'failed_strict'))::INTEGER AS latest`,
  );
  if (row?.built === null || row?.built === undefined) return 'not_built';
  return row.latest !== null && Number(row.built) < row.latest ? 'stale' : 'fresh';
}

export interface FreshOptions {
  /** false (--no-build): refuse stale models instead of building them again. */
  build: boolean;
  lang: Lang;
  /** Prints the one line that says the models are built again. */
  say: (line: string) => void;
}

/**
 * Runs fn on the database opened read-only, after building the models again (with the
 * last build's settings) when data was loaded since that build. The database is opened
 * for writing only for that build, so a reader of fresh models needs no write access.
 */
export async function withFreshModels<T>(
  dbPath: string,
  options: FreshOptions,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const state = await withDatabase(dbPath, { readOnly: true }, modelState);
  if (state === 'stale') {
    if (!options.build) throw userError(freshnessMessages.staleNoBuild());
    options.say(freshnessMessages.rebuilding()[options.lang]);
    const { lastBuildSettings } = await import('../rights/rebuild.ts');
    const { buildModels } = await import('./build.ts');
    await withDatabase(dbPath, {}, async (db) => {
      const settings = await lastBuildSettings(db);
      await buildModels(db, settings ?? undefined);
    });
  }
  return withDatabase(dbPath, { readOnly: true }, fn);
}
