// The bare baseline of `npm run bench`: the generated CSV files loaded with plain DuckDB
// read_csv into tables of the raw shape the models read (types cast by read_csv,
// person_id brought to 12 digits and hashed with md5, an empty birth_year taken from it,
// gender words mapped to woman/man/other; no validation, no rejects, no ledger), then the same SQL models (sql/macros, then sql/staging, sql/intermediate and
// sql/marts in larsam's build order, materialised as larsam does) — run by a plain
// Node script on @duckdb/node-api in its own process, with nothing of larsam around it.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { columnsOf, duckdbType } from '../../src/contract/columns-of.ts';
import { KINDS } from '../../src/contract/kinds.ts';
import { quoteIdentifier as q, quoteLiteral } from '../../src/db/sql-text.ts';
import { buildOrder, readModelFiles } from '../../src/models/model-files.ts';
import { sqlRoot } from '../../src/util/paths.ts';

export interface BareScript {
  /** The macros, each statement of them in one text (as larsam runs them per connection). */
  macros: string;
  /** One CREATE TABLE raw_<kind> AS SELECT … FROM read_csv(…) per kind. */
  load: string[];
  /** build_settings, then one CREATE TABLE <model> AS … per model in build order. */
  models: string[];
}

/** The header's column names (the generator writes plain `,`-separated UTF-8). */
function headerOf(path: string): string[] {
  // only the first 4 KiB: the big files are larger than a JavaScript string may be
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4096);
  let text: string;
  try {
    text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
  return text
    .split(/\r?\n/)[0]!
    .split(',')
    .map((c) => c.trim());
}

/**
 * 12 digits from the forms the generator writes (YYYYMMDDNNNN, YYMMDD-NNNN,
 * YYYYMMDD-NNNN): the separator dropped and a century put before 10 digits. No check
 * digit, no date check: only so that one person has one hash in every file, and an
 * empty birth_year can be taken from it as the contract says.
 */
function twelveDigitsSql(column: string): string {
  const digits = `replace(replace(${column}, '-', ''), '+', '')`;
  return `CASE WHEN length(${digits}) = 10 THEN (CASE WHEN ${column} LIKE '%+%' OR left(${digits}, 2) > '26' THEN '19' ELSE '20' END) || ${digits} ELSE ${digits} END`;
}

/** The contract's gender words as the raw table keeps them (woman, man, other; unknown is empty). */
function genderSql(cell: string): string {
  return `CASE WHEN ${cell} IS NULL OR lower(${cell}) = 'unknown' THEN NULL WHEN lower(${cell}) IN ('k', 'w', 'f', 'kvinna', 'woman') THEN 'woman'
    WHEN lower(${cell}) IN ('m', 'man') THEN 'man' ELSE 'other' END`;
}

export function bareScript(dataDir: string): BareScript {
  const macroDir = join(sqlRoot, 'macros');
  const macros = readdirSync(macroDir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => readFileSync(join(macroDir, name), 'utf8'))
    .join('\n;\n');

  const load = KINDS.map((kind) => {
    const columns = columnsOf(kind);
    const table = q(`raw_${kind}`);
    const path = join(dataDir, `${kind}.csv`);
    if (!existsSync(path)) {
      const ddl = columns.map((c) => `${q(c.name)} ${duckdbType(c.type)}`).join(', ');
      return `CREATE TABLE ${table} (_load_id INTEGER, _line BIGINT, ${ddl})`;
    }
    const header = headerOf(path);
    const typeOf = new Map(
      columns.map((c) => [c.name, c.type === 'person_id' ? 'VARCHAR' : duckdbType(c.type)]),
    );
    const read = header
      .map((name) => `${quoteLiteral(name)}: ${quoteLiteral(typeOf.get(name) ?? 'VARCHAR')}`)
      .join(', ');
    const person = columns.find((c) => c.type === 'person_id' && header.includes(c.name));
    const select = columns.map((c) => {
      if (!header.includes(c.name)) {
        if (c.name === 'birth_year' && person)
          return `TRY_CAST(left(_pnr, 4) AS BIGINT) AS ${q(c.name)}`;
        return `NULL::${duckdbType(c.type)} AS ${q(c.name)}`;
      }
      const cell = q(c.name);
      let value = cell;
      if (c.type === 'person_id') value = 'md5(_pnr)';
      else if (c.name === 'birth_year' && person)
        value = `coalesce(${cell}, TRY_CAST(left(_pnr, 4) AS BIGINT))`;
      else if (c.gender) value = genderSql(cell);
      else if (c.defaultValue !== undefined)
        value = `coalesce(${cell}, ${quoteLiteral(c.defaultValue)}::${duckdbType(c.type)})`;
      return `${value} AS ${q(c.name)}`;
    });
    const csv = `read_csv(${quoteLiteral(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${read}})`;
    const from = person
      ? `(SELECT *, ${twelveDigitsSql(q(person.name))} AS _pnr FROM ${csv})`
      : csv;
    // _line as larsam keeps it (the record's line: header is line 1); _load_id one per file.
    return `CREATE TABLE ${table} AS SELECT 1::INTEGER AS _load_id, (row_number() OVER () + 1)::BIGINT AS _line, ${select.join(', ')}
      FROM ${from}`;
  });

  // build_settings as larsam's build writes it for the pipeline's settings (grace 30 days,
  // 95 % → z = 1.959964, min_cell 5, as_of the last result date).
  // The models are materialised as larsam materialises them (in a compressed in-memory
  // database while building, then the table models copied into the file and the
  // row-level ones defined as views), so that the ratio measures what larsam adds around
  // the SQL, not a different way to run it. The file's catalog is "bare" (bare.duckdb).
  const order = buildOrder(readModelFiles());
  const models = [
    `ATTACH ':memory:' AS build (COMPRESS)`,
    `USE build`,
    `SET search_path = 'build.main,bare.main'`,
    `CREATE TABLE build_settings AS SELECT 30::INTEGER AS grace_days, (SELECT max(result_date) FROM raw_results) AS as_of,
       true AS as_of_is_default, 0.95::DOUBLE AS confidence, 1.959964::DOUBLE AS z, 5::INTEGER AS min_cell`,
    // an inline model (build: inline) is a view while building, as in larsam
    ...order.flatMap((model) =>
      model.inline
        ? [`CREATE VIEW ${q(model.name)} AS\n${model.sql}`]
        : [`CREATE TABLE ${q(model.name)} AS\n${model.sql}`, `CHECKPOINT build`],
    ),
    `USE bare`,
    `RESET search_path`,
    ...[
      'build_settings',
      ...order.filter((m) => m.materialized === 'table').map((m) => m.name),
    ].map((name) => `CREATE TABLE ${q(name)} AS SELECT * FROM build.main.${q(name)}`),
    ...order
      .filter((m) => m.materialized === 'view')
      .map((model) => `CREATE VIEW ${q(model.name)} AS\n${model.sql}`),
    `DETACH build`,
  ];
  return { macros, load, models };
}

/**
 * The child's program: plain JavaScript (no TypeScript loader), reporting the load and
 * model times (wall and CPU of all threads), row counts and its own peak RSS as one JSON line on stdout.
 */
export function bareChildProgram(dbPath: string, script: BareScript): string {
  return `import { DuckDBInstance } from ${JSON.stringify(import.meta.resolve('@duckdb/node-api'))};
const script = ${JSON.stringify(script)};
const t0 = performance.now();
const instance = await DuckDBInstance.create(${JSON.stringify(dbPath)});
const connection = await instance.connect();
await connection.run(script.macros);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const t1 = performance.now();
const c1 = cpu();
for (const sql of script.load) await connection.run(sql);
const t2 = performance.now();
const c2 = cpu();
for (const sql of script.models) await connection.run(sql);
const t3 = performance.now();
const c3 = cpu();
const counts = (await connection.runAndReadAll("SELECT (SELECT count(*) FROM raw_registrations)::DOUBLE AS registrations, (SELECT count(*) FROM raw_results)::DOUBLE AS results, (SELECT count(*) FROM indicators)::DOUBLE AS indicators")).getRowObjectsJS()[0];
connection.closeSync();
instance.closeSync();
const t4 = performance.now();
console.log(JSON.stringify({ openS: (t1 - t0) / 1000, loadS: (t2 - t1) / 1000, modelsS: (t3 - t2) / 1000, loadCpuS: c2 - c1, modelsCpuS: c3 - c2, closeS: (t4 - t3) / 1000, ...counts, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;
}
