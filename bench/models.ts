// npm run bench:models — builds the SQL models on generated data of growing size and
// prints the time of every model, the total, registrations per second, CPU time, the
// peak RSS of the build and, for two sizes or more, the growth ratio (time ratio over
// data ratio: the issue asks 10× data ≤ 12× time).
//   npx tsx bench/models.ts --persons 200000,1650000 [--runs 2] [--threads 1] [--dump DIR]
// (--persons sample builds the bundled data-samples/)
//
// Everything slow is cached in bench/out/ (not committed): the data of `larsam generate
// --seed 7` in persons-N/, and the ingested database in persons-N.ingested.duckdb. Each
// build runs on a fresh copy of that database in a child process of its own, so the
// peak RSS is the build's alone (Node, DuckDB and the models), not the ingest's.
// --dump DIR writes indicators, published_indicators and data_test_results of the
// last build of each size as CSV (DIR/persons-N/*.csv), to compare results exactly
// across changes; --threads sets DuckDB's threads (1 makes float sums deterministic).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from '../src/db/database.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../src/models/build.ts';
import { projectRoot } from '../src/util/paths.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const out = join(projectRoot, 'bench', 'out');
const self = join(projectRoot, 'bench', 'models.ts');

interface ChildReport {
  /** cpuSeconds of the last model also holds the data tests. */
  models: { name: string; seconds: number; cpuSeconds: number }[];
  seconds: number;
  registrations: number;
  cpuSeconds: number;
  peakRssMb: number;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSeconds = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};

async function dump(db: Database, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [table, order] of [
    ['indicators', 'ALL'],
    ['published_indicators', 'ALL'],
    ['data_test_results', 'ALL'],
  ] as const) {
    const file = join(dir, `${table}.csv`).replaceAll("'", "''");
    await db.run(
      `COPY (SELECT * FROM ${table} ORDER BY ${order}) TO '${file}' (HEADER, DELIMITER ',')`,
    );
  }
}

// --child-ingest DATA DB: ingest DATA into a new DB. --child-build DB: build DB, report JSON.
if (process.argv.includes('--child-ingest')) {
  const data = arg('child-ingest', '');
  const dbPath = arg('db', '');
  const db = await Database.open(dbPath);
  try {
    const t0 = performance.now();
    const loaded = await ingest(db, [data], { env: { LARSAM_PSEUDONYM_KEY: 'bench' } });
    const rows = loaded.results.find((r) => r.kind === 'registrations')?.rowsLoaded ?? 0;
    console.log(
      `  ingest ${((performance.now() - t0) / 1000).toFixed(1)} s, ${rows.toLocaleString('en')} registrations, peak RSS ${peakRssMb()} MB`,
    );
  } finally {
    db.close();
  }
  process.exit(0);
}
if (process.argv.includes('--child-build')) {
  const dbPath = arg('child-build', '');
  const db = await Database.open(dbPath);
  try {
    const threads = arg('threads', '');
    if (threads) await db.run(`SET threads = ${Number(threads)}`);
    const registrations = Number(
      (await db.one<{ n: bigint }>('SELECT count(*) AS n FROM raw_registrations'))!.n,
    );
    const cpu0 = cpuSeconds();
    // CPU seconds (all threads) per model: the steadier figure when other work shares the cores
    const marks: number[] = [];
    const build = await buildModels(db, DEFAULT_BUILD_SETTINGS, () => marks.push(cpuSeconds()));
    marks.push(cpuSeconds());
    const report: ChildReport = {
      models: build.models.map((m, i) => ({
        name: m.name,
        seconds: m.seconds,
        cpuSeconds: marks[i + 1]! - marks[i]!,
      })),
      seconds: build.seconds,
      registrations,
      cpuSeconds: cpuSeconds() - cpu0,
      peakRssMb: peakRssMb(),
    };
    const dumpDir = arg('dump', '');
    if (dumpDir) await dump(db, dumpDir);
    console.log(JSON.stringify(report));
  } finally {
    db.close();
  }
  process.exit(0);
}

// 'sample' is the bundled data-samples/ (2 000 persons), for quick exact comparisons
const sizes = arg('persons', '200000').split(',');
const runs = Number(arg('runs', '1'));
const threads = arg('threads', '');
const dumpRoot = arg('dump', '') ? resolve(arg('dump', '')) : '';
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}${threads ? `, DuckDB threads ${threads}` : ''}`,
);
const best: { persons: string; registrations: number; seconds: number }[] = [];
for (const persons of sizes) {
  const data =
    persons === 'sample' ? join(projectRoot, 'data-samples') : join(out, `persons-${persons}`);
  if (!existsSync(join(data, 'results.csv'))) {
    console.log(`generating ${persons} persons into ${data} (load ${load()})`);
    execFileSync(
      'node',
      [
        join(projectRoot, 'bin', 'larsam.js'),
        'generate',
        '--out',
        data,
        '--persons',
        String(persons),
        '--seed',
        '7',
        '--quiet',
      ],
      { stdio: 'inherit' },
    );
  }
  const ingested = join(out, `persons-${persons}.ingested.duckdb`);
  if (!existsSync(ingested)) {
    console.log(`ingesting ${data} (load ${load()})`);
    const partial = `${ingested}.partial`;
    rmSync(partial, { force: true });
    rmSync(`${partial}.wal`, { force: true });
    execFileSync(tsx, [self, '--child-ingest', data, '--db', partial], { stdio: 'inherit' });
    copyFileSync(partial, ingested);
    rmSync(partial, { force: true });
  }
  const dbPath = join(out, `persons-${persons}.duckdb`);
  let fastest: ChildReport | undefined;
  for (let run = 1; run <= runs; run += 1) {
    for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
    copyFileSync(ingested, dbPath);
    const loadBefore = load();
    const childArgs = [self, '--child-build', dbPath];
    if (threads) childArgs.push('--threads', threads);
    if (dumpRoot && run === runs) childArgs.push('--dump', join(dumpRoot, `persons-${persons}`));
    const output = execFileSync(tsx, childArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    const report = JSON.parse(output.trim().split('\n').at(-1)!) as ChildReport;
    const perSecond = Math.round(report.registrations / report.seconds);
    console.log(
      `\n${Number(persons).toLocaleString('en')} persons, ${report.registrations.toLocaleString('en')} registrations, run ${run}/${runs}`,
    );
    console.log(
      `  build ${report.seconds.toFixed(1)} s (${perSecond.toLocaleString('en')} registrations/s), CPU ${report.cpuSeconds.toFixed(1)} s, peak RSS ${report.peakRssMb} MB; load before ${loadBefore}, after ${load()}`,
    );
    const modelSeconds = report.models.reduce((sum, m) => sum + m.seconds, 0);
    console.log(
      `    ${(report.seconds - modelSeconds).toFixed(2).padStart(7)} s  data tests and commit (their CPU is counted in the last model's)`,
    );
    for (const model of [...report.models].sort((a, b) => b.seconds - a.seconds)) {
      if (model.seconds >= 0.05)
        console.log(
          `    ${model.seconds.toFixed(2).padStart(7)} s  (CPU ${model.cpuSeconds.toFixed(2).padStart(6)} s)  ${model.name}`,
        );
    }
    if (!fastest || report.seconds < fastest.seconds) fastest = report;
  }
  best.push({ persons, registrations: fastest!.registrations, seconds: fastest!.seconds });
  rmSync(dbPath, { force: true });
}
if (best.length > 1) {
  const first = best[0]!;
  console.log('\ngrowth (fastest run of each size, against the first size):');
  for (const size of best.slice(1)) {
    const dataRatio = size.registrations / first.registrations;
    const timeRatio = size.seconds / first.seconds;
    console.log(
      `  ${dataRatio.toFixed(2)}× registrations → ${timeRatio.toFixed(2)}× time (per 10× data: ${((10 * timeRatio) / dataRatio).toFixed(1)}× time)`,
    );
  }
}
