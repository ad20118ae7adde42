// Publishing a build: one transaction on the database file, after every model was built
// and the data tests passed in the build catalog (build-catalog.ts).
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q } from '../db/sql-text.ts';
import type { BuildCatalogs } from './build-catalog.ts';
import type { DataTestResult } from './data-tests.ts';
import type { ModelFile } from './model-files.ts';
import { inTermOrder, termOrderedColumns } from './term-order.ts';

/** Drops home.main.name if it exists as the other kind of object (a table where a view is wanted, or the reverse). */
async function clearOtherKind(
  db: Database,
  home: string,
  name: string,
  kind: 'table' | 'view',
): Promise<void> {
  const found = await db.one(
    kind === 'view'
      ? `SELECT 1 FROM duckdb_tables() WHERE database_name = $home AND schema_name = 'main' AND table_name = $name`
      : `SELECT 1 FROM duckdb_views() WHERE database_name = $home AND schema_name = 'main' AND view_name = $name`,
    { home, name },
  );
  if (found) await db.run(`DROP ${kind === 'view' ? 'TABLE' : 'VIEW'} ${q(home)}.main.${q(name)}`);
}

/**
 * Inside one transaction on the database file: the table models and the settings are
 * copied from the build catalog, the view models are defined in dependency order (their
 * names now resolve to the database file's objects), then the data test results and the
 * load the build saw are recorded.
 */
export async function publishBuild(
  db: Database,
  catalogs: BuildCatalogs,
  order: ModelFile[],
  results: DataTestResult[],
): Promise<void> {
  const { home, build } = catalogs;
  const ordered = new Set(order.filter(inTermOrder).map((m) => m.name));
  for (const name of [
    'build_settings',
    ...order.filter((m) => m.materialized === 'table').map((m) => m.name),
  ]) {
    await clearOtherKind(db, home, name, 'table');
    const columns = ordered.has(name) ? await termOrderedColumns(db, build, name) : '*';
    await db.run(
      `CREATE OR REPLACE TABLE ${q(home)}.main.${q(name)} AS SELECT ${columns} FROM ${q(build)}.main.${q(name)}`,
    );
  }
  for (const model of order.filter((m) => m.materialized === 'view')) {
    await clearOtherKind(db, home, model.name, 'view');
    await db.run(`CREATE OR REPLACE VIEW ${q(home)}.main.${q(model.name)} AS\n${model.sql}`);
  }
  await db.run(
    `CREATE OR REPLACE TABLE data_test_results (name VARCHAR, file VARCHAR, severity VARCHAR, failing_rows BIGINT, description VARCHAR)`,
  );
  for (const r of results) {
    await db.run(
      `INSERT INTO data_test_results VALUES ($name, $file, $severity, $rows, $description)`,
      {
        name: r.name,
        file: r.file,
        severity: r.severity,
        rows: r.failingRows,
        description: r.description,
      },
    );
  }
  await db.run(
    `INSERT OR REPLACE INTO larsam_meta VALUES ('built_at_load', (SELECT coalesce(max(load_id), 0)::VARCHAR FROM loads))`,
  );
}
