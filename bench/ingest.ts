// Ingest benchmark: `npm run bench:ingest [-- --rows 5000000 --runs 3]`.
//
// Writes a registrations CSV (`;`, decimal commas, 12-digit personnummer with valid
// check digits for rows / 10 persons, 500 000 by default) with DuckDB into a temporary folder, then times
//   (a) a bare DuckDB read_csv of the file into a table with the raw table's types,
//   (b) `larsam ingest` of the same file (validation, pseudonymisation, rejects, ledger),
//   (c) `larsam ingest` of a Windows-1252 copy of the file,
// each in its own process, with wall time, CPU time and peak RSS, and prints the figures
// with the machine they were measured on. The folder is removed at the end.
//
// The identity numbers have months 13–24, so none is a real person's.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Database } from '../src/db/database.ts';
import { quoteLiteral } from '../src/db/sql-text.ts';
import { measure, type Measured } from './e2e/measure.ts';

const ROOT = join(import.meta.dirname, '..');
const LARSAM = join(ROOT, 'bin', 'larsam.js');

/** The registrations file's columns with the types a bare read_csv declares (the raw table's). */
const COLUMNS: [string, string][] = [
  ['person_id', 'VARCHAR'],
  ['term', 'VARCHAR'],
  ['course_code', 'VARCHAR'],
  ['course_offering', 'VARCHAR'],
  ['program_code', 'VARCHAR'],
  ['credits', 'DECIMAL(18,4)'],
  ['first_time', 'BOOLEAN'],
  ['home_municipality', 'VARCHAR'],
  ['centre_id', 'VARCHAR'],
  ['registration_date', 'DATE'],
  ['distance', 'BOOLEAN'],
  ['birth_year', 'BIGINT'],
  ['gender', 'VARCHAR'],
  ['parental_education', 'VARCHAR'],
  ['foreign_background', 'BOOLEAN'],
];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Person p's 12-digit number (p < 16 800 000): 19YY, month 13–24, day 1–28, serial, Luhn digit (sql/macros/personnummer.sql). */
function generateSql(path: string, rows: number): string {
  // Ten registrations a person on average: every person the same number of times.
  const persons = Math.max(1, Math.round(rows / 10));
  return `COPY (
    WITH r AS (SELECT i, (hash(i) % 1000000007)::BIGINT AS h, i * 7919 % ${persons} AS person FROM range(${rows}) t(i)),
    n AS (SELECT *, (50 + person % 50) * 10000000 + (13 + person // 50 % 12) * 100000
                    + (1 + person // 600 % 28) * 1000 + person // 16800 % 1000 AS nine FROM r)
    SELECT
      '19' || lpad((nine * 10 + (10 - (pnr_luhn_pair(nine // 10000000) + pnr_luhn_pair(nine // 100000 % 100)
        + pnr_luhn_pair(nine // 1000 % 100) + pnr_luhn_pair(nine // 10 % 100) + pnr_luhn_pair(nine % 10 * 10)) % 10) % 10)::VARCHAR, 10, '0') AS person_id,
      ['VT2023', 'HT2023', 'VT2024', 'HT2024', 'VT2025', 'HT2025'][h % 6 + 1] AS term,
      ['MA', 'DT', 'SV', 'PE', 'OM', 'SJ', 'EK', 'HI'][h // 7 % 8 + 1] || lpad((h // 61 % 150)::VARCHAR, 3, '0') || ['G', 'A'][h // 9001 % 2 + 1] AS course_code,
      (10000 + h // 13 % 9000)::VARCHAR AS course_offering,
      CASE WHEN h // 17 % 3 = 0 THEN '' ELSE ['SSK', 'LÄR', 'DTA', 'EKO', 'SOC'][h // 19 % 5 + 1] || 'GP' END AS program_code,
      ['7,5', '15', '3', '30', '22,5', '6', '1,5'][h // 23 % 7 + 1] AS credits,
      (h // 29 % 5 = 0)::INT::VARCHAR AS first_time,
      ['2380', '2321', '2280', '2284', '2281', '2260', '2262', '2283', '2309', '2361', '2180', '2182', '2184', '2104', '0180'][h // 31 % 15 + 1] AS home_municipality,
      CASE WHEN h // 37 % 4 = 0 THEN ['LC-Härnösand', 'LC-Örnsköldsvik', 'LC-Åre', 'LC-Östersund', 'LC-Söderhamn', 'LC-Strömsund'][h // 41 % 6 + 1] ELSE '' END AS centre_id,
      (DATE '2023-01-02' + (h // 43 % 1000)::INTEGER)::VARCHAR AS registration_date,
      (h // 47 % 3 = 0)::INT::VARCHAR AS distance,
      '' AS birth_year,
      ['K', 'M', 'K', 'M', 'X', ''][h // 53 % 6 + 1] AS gender,
      ['forgymnasial', 'gymnasial_le2', 'gymnasial_3', 'eftergymnasial_lt3', 'eftergymnasial_ge3', 'forskarutbildning', 'unknown', ''][h // 59 % 8 + 1] AS parental_education,
      (h // 67 % 5 = 0)::INT::VARCHAR AS foreign_background
    FROM n ORDER BY i
  ) TO ${quoteLiteral(path)} (FORMAT csv, DELIMITER ';', HEADER true)`;
}

/** Windows-1252 bytes of a UTF-8 file (every character the generated file holds is in it). */
async function toWindows1252(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const encode = (text: string) => Buffer.from(text.replaceAll('–', '\x96'), 'latin1');
  await pipeline(
    createReadStream(from, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, encode(decoder.decode(chunk, { stream: true })));
      },
      flush(done) {
        done(null, encode(decoder.decode()));
      },
    }),
    createWriteStream(to),
  );
}

/**
 * (a): what DuckDB alone takes to read the file into a typed table and store it: a plain
 * Node script (no TypeScript loader) run in its own process.
 */
function bareLoadScript(csv: string, dbPath: string): string {
  const columns = COLUMNS.map(
    ([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`,
  ).join(', ');
  const sql = `CREATE TABLE registrations AS SELECT * FROM read_csv(${quoteLiteral(csv)},
    delim = ';', header = true, decimal_separator = ',', auto_detect = false, columns = {${columns}})`;
  return `import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from ${JSON.stringify(import.meta.resolve('@duckdb/node-api'))};
mkdirSync(${JSON.stringify(dirname(dbPath))}, { recursive: true });
const instance = await DuckDBInstance.create(${JSON.stringify(dbPath)});
const connection = await instance.connect();
await connection.run(${JSON.stringify(sql)});
connection.closeSync();
instance.closeSync();`;
}

interface IngestRun extends Measured {
  stages: string;
}

/** A measured child process (bench/e2e/measure.ts) with larsam's stage times picked out. */
async function measureIngest(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<IngestRun> {
  const run = await measure(command, args, env);
  return { ...run, stages: /stage times [^:]*: (.*)/.exec(run.stderr)?.[1] ?? '' };
}

const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const min = (values: number[]) => Math.min(...values);
const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const rows = option('rows', 5_000_000);
  const runs = option('runs', 3);
  const dir = mkdtempSync(join(tmpdir(), 'larsam-bench-'));
  try {
    const csv = join(dir, 'registrations.csv');
    const csv1252 = join(dir, 'registrations-w1252.csv');
    const db = await Database.open(':memory:');
    let t = performance.now();
    await db.run(generateSql(csv, rows));
    const generated = (performance.now() - t) / 1000;
    const facts = (await db.one<{ n: bigint; persons: bigint; luhn: bigint; v: string }>(
      `SELECT count(*) AS n, count(DISTINCT person_id) AS persons, count(*) FILTER (WHERE pnr_luhn_ok(person_id)) AS luhn, version() AS v
       FROM read_csv(${quoteLiteral(csv)}, delim = ';', header = true, all_varchar = true)`,
    ))!;
    db.close();
    if (Number(facts.n) !== rows || Number(facts.luhn) !== rows)
      throw new Error(
        `generated file is wrong: ${JSON.stringify(facts, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}`,
      );
    t = performance.now();
    await toWindows1252(csv, csv1252);
    const transcoded = (performance.now() - t) / 1000;
    const mb = statSync(csv).size / 1e6;
    const mb1252 = statSync(csv1252).size / 1e6;
    console.log(`# larsam ingest benchmark\n`);
    console.log(
      `file: ${fmt(rows, 0)} rows, ${fmt(Number(facts.persons), 0)} persons, ${fmt(mb)} MB (Windows-1252 copy ${fmt(mb1252)} MB); generated in ${fmt(generated)} s, copy in ${fmt(transcoded)} s`,
    );
    console.log(
      `machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GiB memory, Node ${process.version}, DuckDB ${facts.v}; load average at start ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')}\n`,
    );

    const env = {
      ...process.env,
      LARSAM_PSEUDONYM_KEY: 'larsam-bench-key',
      LARSAM_STAGE_TIMES: '1',
    };
    const results: Record<'a' | 'b' | 'c', IngestRun[]> = { a: [], b: [], c: [] };
    for (let run = 0; run < runs; run++) {
      for (const which of ['a', 'b', 'c'] as const) {
        const runDir = join(dir, `run-${which}-${run}`);
        const dbPath = join(runDir, 'larsam.duckdb');
        const measured =
          which === 'a'
            ? await measureIngest(
                process.execPath,
                ['--input-type=module', '-e', bareLoadScript(csv, dbPath)],
                env,
              )
            : await measureIngest(
                process.execPath,
                [LARSAM, 'ingest', which === 'b' ? csv : csv1252, '--db', dbPath, '--quiet'],
                env,
              );
        if (which !== 'a') await checkLoaded(dbPath, rows);
        rmSync(runDir, { recursive: true, force: true });
        results[which].push(measured);
        console.log(
          `run ${run + 1} (${which}): ${fmt(measured.wallS, 2)} s wall, ${fmt(measured.cpuS, 2)} s CPU, peak RSS ${fmt(measured.peakRssMb, 0)} MB${measured.stages ? `\n    ${measured.stages}` : ''}`,
        );
      }
    }

    const label = {
      a: '(a) bare DuckDB read_csv',
      b: '(b) larsam ingest, UTF-8',
      c: '(c) larsam ingest, Windows-1252',
    };
    const size = { a: mb, b: mb, c: mb1252 };
    const wall = (which: 'a' | 'b' | 'c', f: (v: number[]) => number) =>
      f(results[which].map((r) => r.wallS));
    console.log(
      `\n| | wall s (median / best) | rows/s (median) | MB/s (median) | CPU s (median) | peak RSS MB (max) |`,
    );
    console.log(`|---|---|---|---|---|---|`);
    for (const which of ['a', 'b', 'c'] as const) {
      const w = wall(which, median);
      console.log(
        `| ${label[which]} | ${fmt(w, 2)} / ${fmt(wall(which, min), 2)} | ${fmt(rows / w, 0)} | ${fmt(size[which] / w)} | ${fmt(median(results[which].map((r) => r.cpuS)), 2)} | ${fmt(Math.max(...results[which].map((r) => r.peakRssMb)), 0)} |`,
      );
    }
    // Other work on the machine slows whole runs down, so each ratio pairs a run of (b) or
    // (c) with the (a) run just before it; CPU time is less sensitive to that than wall time.
    const paired = (x: 'b' | 'c', field: 'wallS' | 'cpuS') =>
      results[x].map((r, i) => r[field] / results.a[i]![field]);
    for (const [x, target] of [
      ['b', 1.5],
      ['c', 2],
    ] as const) {
      const walls = paired(x, 'wallS');
      const cpus = paired(x, 'cpuS');
      console.log(
        `\n${x}/a = ${fmt(median(walls), 2)} wall (runs: ${walls.map((r) => fmt(r, 2)).join(', ')}), ${fmt(median(cpus), 2)} CPU (runs: ${cpus.map((r) => fmt(r, 2)).join(', ')}); target ≤ ${target}`,
      );
    }
    const peak = Math.max(...[...results.b, ...results.c].map((r) => r.peakRssMb));
    console.log(`\npeak RSS of larsam = ${fmt(peak, 0)} MB; target < 1536 MB`);
    console.log(
      `load average at end ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The load is complete and right: every row, one hash per person, lines in file order. */
async function checkLoaded(dbPath: string, rows: number): Promise<void> {
  const db = await Database.open(dbPath, { readOnly: true });
  try {
    const facts = (await db.one<{
      n: bigint;
      lines: bigint;
      min_line: bigint;
      max_line: bigint;
      loads: bigint;
    }>(
      `SELECT count(*) AS n, count(DISTINCT _line) AS lines, min(_line) AS min_line, max(_line) AS max_line,
              (SELECT count(*) FROM loads WHERE status = 'loaded' AND rows_loaded = ${rows}) AS loads
       FROM raw_registrations`,
    ))!;
    const ok =
      Number(facts.n) === rows &&
      Number(facts.lines) === rows &&
      Number(facts.min_line) === 2 &&
      Number(facts.max_line) === rows + 1 &&
      Number(facts.loads) === 1;
    if (!ok)
      throw new Error(
        `larsam's load is not complete: ${JSON.stringify(facts, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}`,
      );
  } finally {
    db.close();
  }
}

await main();
