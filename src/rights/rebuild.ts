// After an erasure or a retention run the models are built again with the settings of the
// last build (read back from its build_settings table), so nothing derived from removed
// rows remains. A database never built is not built now either.
import type { Database } from '../db/database.ts';
import { DEFAULT_BUILD_SETTINGS, type BuildSettings } from '../models/build-settings.ts';
import { RIGHTS_TEXTS } from '../messages/rights.ts';
import { LarsamError } from '../util/errors.ts';

/** The settings of the last build, or null when the database was never built. */
export async function lastBuildSettings(db: Database): Promise<BuildSettings | null> {
  const built = await db.one(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = 'build_settings' AND schema_name = 'main'`,
  );
  const meta = await db
    .one(`SELECT 1 FROM larsam_meta WHERE key = 'built_at_load'`)
    .catch(() => undefined);
  if (!built || !meta) return null;
  const row = (await db.one<Record<string, unknown>>(
    `SELECT *, strftime(as_of, '%Y-%m-%d') AS as_of_text FROM build_settings`,
  ))!;
  const settings: Record<string, unknown> = {
    ...DEFAULT_BUILD_SETTINGS,
    graceDays: Number(row.grace_days),
    confidence: Number(row.confidence),
    minCell: Number(row.min_cell),
  };
  if (row.as_of_is_default === false && row.as_of_text) settings.asOf = row.as_of_text;
  if (typeof row.share_rule === 'string') settings.shareRule = row.share_rule;
  if (row.region_named === true) {
    settings.region = {
      counties: ((row.region_counties as unknown[] | null) ?? []).map(String),
      municipalities: ((row.region_municipalities as unknown[] | null) ?? []).map(String),
    };
  }
  return settings as unknown as BuildSettings;
}

/** Builds the models of the rewritten database; returns a warning when the build failed (its models are then absent, status says not built). */
export async function rebuild(
  db: Database,
  settings: BuildSettings | null,
): Promise<string | null> {
  if (!settings) return null;
  const { buildModels } = await import('../models/build.ts');
  try {
    await buildModels(db, settings);
    return null;
  } catch (error) {
    if (!(error instanceof LarsamError)) throw error;
    // The copied model tables are empty: drop the build's mark so status says "not built".
    await db.run(`DELETE FROM larsam_meta WHERE key IN ('built_at_load', 'built_at')`);
    return RIGHTS_TEXTS.notRebuilt(error.message).en;
  }
}
