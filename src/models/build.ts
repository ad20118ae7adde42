// `larsam build`: every model in dependency order, each data test as soon as the models
// it reads exist, then one transaction that publishes the build (publish-build.ts).
// Models are first built in a compressed in-memory database attached for the build
// (build-catalog.ts), one autocommitted statement each: DuckDB's planner then sees their
// real row counts (inside one transaction new tables look empty to it and joins get
// planned badly); compression keeps the row-level models small (130 MB instead of 940 MB
// at 1.2 million registrations); and nothing is written to the database file until the
// build has passed its data tests. Publishing copies the table models into the database
// and defines the row-level models (`materialized: view`) as views over it. A failing
// model names its file and line; a failing error-severity data test stops the build; in
// both cases the database keeps the previous build untouched.
import { VARCHAR, DOUBLE, INTEGER, BOOLEAN, LIST, listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q } from '../db/sql-text.ts';
import { ensureSchema } from '../ingest/raw-tables.ts';
import { BUILD_ERRORS, REGION_NAMED_IN } from '../messages/build.ts';
import { userError } from '../messages/message.ts';
import { buildOrder, readModelFiles, type ModelFile } from './model-files.ts';
import { readDataTests, type DataTest, type DataTestResult } from './data-tests.ts';
import { buildSchedule } from './build-schedule.ts';
import { attachBuildCatalog } from './build-catalog.ts';
import { publishBuild } from './publish-build.ts';
import { zForConfidence } from '../stats/normal.ts';
import { memoryLimitBytes } from '../ingest/ingest.ts';
import type { BuildSettings } from './build-settings.ts';
import { DEFAULT_BUILD_SETTINGS } from './build-settings.ts';
import { checkRegion, DEFAULT_REGION } from './region.ts';
import { interruptOnAbort, stopReason, type WorkControl } from '../util/progress.ts';

export { DEFAULT_BUILD_SETTINGS, type BuildSettings };

export interface BuildReport {
  models: { name: string; file: string; seconds: number }[];
  tests: DataTestResult[];
  seconds: number;
}

function lineInFile(message: string): number | undefined {
  const match = /LINE (\d+):/.exec(message);
  // The statement is "CREATE … AS" on one line, then the file from its first line.
  return match ? Number(match[1]) - 1 : undefined;
}

/**
 * Builds one model. `runsInline` are the inline models whose SQL runs inside this one.
 * An inline model is a view in the build catalog: its rows are made inside the model
 * that reads it, never written out (a table of 21 million results cost seconds to write
 * and compress). DuckDB binds a view when it is made, so a wrong name or type in its SQL
 * names its own file and line; but an error while its rows are made (a failed cast, say)
 * comes from its reader's statement with a line of the view's text, so then the message
 * gives no line and names both files.
 */
async function buildModel(db: Database, model: ModelFile, runsInline: ModelFile[]): Promise<void> {
  try {
    if (model.compute) await model.compute(db);
    else
      await db.run(
        `CREATE OR REPLACE ${model.inline ? 'VIEW' : 'TABLE'} ${q(model.name)} AS\n${model.sql}`,
      );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = runsInline.length ? undefined : lineInFile(message);
    const inlineFiles = runsInline.map((m) => m.file).join(' or ');
    throw userError(
      BUILD_ERRORS.modelFailed(model.name, message.split('\n')[0]!, inlineFiles || null),
      { where: { file: model.file, ...(line !== undefined ? { line } : {}) }, cause: error },
    );
  }
}

/**
 * DuckDB may use this much memory while building (its default is 80 % of the machine's):
 * the issue asks under 4 GB RSS at 10 million registrations, and Node and DuckDB itself
 * need about half a gigabyte besides. What does not fit goes to DuckDB's temporary
 * folder beside the database.
 */
export const BUILD_MEMORY_LIMIT_BYTES = 2.5 * 1024 ** 3;

async function limitMemory(db: Database): Promise<() => Promise<void>> {
  const current = (await db.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))!.v;
  if (memoryLimitBytes(current) <= BUILD_MEMORY_LIMIT_BYTES) return async () => undefined;
  await db.run(`SET memory_limit = '${BUILD_MEMORY_LIMIT_BYTES}B'`);
  // Database.open sets no memory_limit, so RESET gives back exactly what there was.
  return async () => {
    await db.run(`RESET memory_limit`).catch(() => undefined);
  };
}

export async function buildModels(
  db: Database,
  settings: BuildSettings = DEFAULT_BUILD_SETTINGS,
  onModel?: (model: ModelFile, index: number, total: number) => void,
  control: WorkControl = {},
): Promise<BuildReport> {
  const { onProgress, signal } = control;
  const started = performance.now();
  await ensureSchema(db);
  const order = buildOrder(readModelFiles());
  const tests = readDataTests();
  // before any work: an unknown code would leave the region silently smaller
  if (settings.region) await checkRegion(db, settings.region, { what: REGION_NAMED_IN.build });
  signal?.throwIfAborted();
  const restoreMemory = await limitMemory(db);
  const catalogs = await attachBuildCatalog(db);
  const stopListening = interruptOnAbort(db, signal);
  try {
    await createSettings(db, settings);
    const schedule = buildSchedule(order, tests);
    const total = schedule.steps.length;
    const progress = (done: number, item?: string) =>
      onProgress?.({ stage: 'build', unit: 'models', done, total, ...(item ? { item } : {}) });
    const results = new Map<DataTest, DataTestResult>();
    for (const test of schedule.testsFirst) results.set(test, await test.run(db));
    const models: BuildReport['models'] = [];
    for (const [index, step] of schedule.steps.entries()) {
      // Stopped between models: nothing is published, the previous build stays.
      signal?.throwIfAborted();
      progress(index, step.model.name);
      onModel?.(step.model, index, order.length);
      const t0 = performance.now();
      // A row-level model's rows have no order anyone reads: not keeping it lets DuckDB
      // write them as they come instead of holding them back (less memory at 10 M). The
      // checkpoint compresses it (in-memory tables are stored uncompressed until then);
      // the other models are small, and each checkpoint has a fixed cost.
      const rowLevel = step.model.materialized === 'view' && !step.model.inline;
      if (rowLevel) await db.run(`SET preserve_insertion_order = false`);
      await buildModel(db, step.model, step.runsInline).finally(() =>
        rowLevel ? db.run(`RESET preserve_insertion_order`) : undefined,
      );
      if (rowLevel) await db.run(`CHECKPOINT ${q(catalogs.build)}`);
      models.push({
        name: step.model.name,
        file: step.model.file,
        seconds: (performance.now() - t0) / 1000,
      });
      for (const test of step.tests) results.set(test, await test.run(db));
      for (const model of step.drop)
        await db.run(
          `DROP ${model.inline ? 'VIEW' : 'TABLE'} ${q(catalogs.build)}.main.${q(model.name)}`,
        );
    }
    progress(total);
    signal?.throwIfAborted();
    const testResults = tests.map((test) => results.get(test)!);
    const broken = testResults.filter((r) => r.severity === 'error' && r.failingRows > 0);
    if (broken.length) {
      throw userError(BUILD_ERRORS.dataTestsFailed(broken, broken[0]!.file), {
        where: { file: broken[0]!.file },
      });
    }
    await catalogs.leave();
    await db.transaction(() => publishBuild(db, catalogs, order, testResults));
    return { models, tests: testResults, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // A model interrupted by a stop fails with DuckDB's "Interrupted": the stop is the news.
    throw stopReason(signal, error);
  } finally {
    stopListening();
    await catalogs.detach();
    await restoreMemory();
  }
}

async function createSettings(db: Database, settings: BuildSettings): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TABLE build_settings AS SELECT
       $grace::INTEGER AS grace_days,
       coalesce($as_of::DATE, (SELECT max(result_date) FROM raw_results)) AS as_of,
       $as_of IS NULL AS as_of_is_default,
       $confidence::DOUBLE AS confidence,
       $z::DOUBLE AS z,
       $min_cell::INTEGER AS min_cell,
       $share_rule::VARCHAR AS share_rule,
       $region_counties AS region_counties,
       $region_municipalities AS region_municipalities,
       $region_named AS region_named`,
    {
      grace: settings.graceDays,
      as_of: settings.asOf ?? null,
      confidence: settings.confidence,
      // indicators.md fixes z = 1.959964 for 95 %: z to six decimals, as the spec writes it.
      z: Number(zForConfidence(settings.confidence).toFixed(6)),
      min_cell: settings.minCell,
      share_rule: settings.shareRule ?? 'denominator',
      region_counties: listValue((settings.region ?? DEFAULT_REGION).counties),
      region_municipalities: listValue((settings.region ?? DEFAULT_REGION).municipalities),
      region_named: settings.region !== undefined,
    },
    {
      grace: INTEGER,
      as_of: VARCHAR,
      confidence: DOUBLE,
      z: DOUBLE,
      min_cell: INTEGER,
      share_rule: VARCHAR,
      region_counties: LIST(VARCHAR),
      region_municipalities: LIST(VARCHAR),
      region_named: BOOLEAN,
    },
  );
}
