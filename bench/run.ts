// End-to-end benchmark: `npm run bench [-- --sizes 100k,1m,10m --repeat N]`.
//
// For generated data sets of about 100 000, 1 000 000 and 10 000 000 registrations
// (`larsam generate --persons N --seed 7`, about 6 registrations a person; cached under
// bench/out/e2e/, keyed by size and a hash of src/generate and sql/generate) it measures,
// each in its own child process (so the peak RSS is that run's):
//   - `larsam run <pipeline.json>` end to end, with the stage times it prints
//     (ingest, build, report — the report stage includes decide);
//   - `larsam ingest`, `build`, `decide`, `report` as separate commands on a fresh
//     database (each stage's own wall time and peak RSS);
//   - the bare baseline (bench/e2e/bare.ts): the same CSV files read with DuckDB
//     read_csv into raw-shaped tables, then the same SQL models, in one plain process.
// Each repeat runs bare, larsam run, bare, larsam stages, so every larsam figure is
// paired with the bare run just before it (the machine may be shared). It prints the
// figures, the larsam / bare ratios, and the targets: end to end ≤ 1.5 × bare at every
// size, 10 × data → ≤ 12 × time, peak RSS < 4 GB at 10 M, report stage < 10 s.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { bareChildProgram, bareScript } from './e2e/bare.ts';
import { measure, type Measured } from './e2e/measure.ts';

const ROOT = join(import.meta.dirname, '..');
const LARSAM = join(ROOT, 'bin', 'larsam.js');
const OUT = join(ROOT, 'bench', 'out', 'e2e');
const SEED = 7;
/** Persons per registration the generator gives (1 650 000 persons → 10.0 M registrations). */
const PERSONS_PER_REGISTRATION = 0.165;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

/** '100k' → 100 000, '1m' → 1 000 000, '2.5m', or a plain number. */
function parseSize(label: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(label.trim());
  if (!match) throw new Error(`--sizes: '${label}' is not a size like 100k, 1m or 10m`);
  return Math.round(
    Number(match[1]) *
      (match[2]?.toLowerCase() === 'k' ? 1e3 : match[2]?.toLowerCase() === 'm' ? 1e6 : 1),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(join(dir, entry.name))
        : entry.isFile()
          ? [join(dir, entry.name)]
          : [],
    )
    .sort();
}

/** A hash of the generator's code and SQL: a changed generator makes new data. */
function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(join(ROOT, 'src', 'generate')),
    ...filesUnder(join(ROOT, 'sql', 'generate')),
  ]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The data set for a size, generated when missing (into a temporary folder, then renamed). */
function ensureData(label: string, persons: number, hash: string): string {
  const dir = join(OUT, `data-${label}-${hash}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  mkdirSync(OUT, { recursive: true });
  for (const stale of readdirSync(OUT).filter((name) => name.startsWith(`data-${label}-`)))
    rmSync(join(OUT, stale), { recursive: true, force: true });
  const pending = `${dir}.pending-${process.pid}`;
  console.log(
    `generating ${label}: larsam generate --persons ${persons} --seed ${SEED} (generator ${hash}) …`,
  );
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      LARSAM,
      'generate',
      '--persons',
      String(persons),
      '--seed',
      String(SEED),
      '--out',
      pending,
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(
    join(pending, '.complete'),
    `${JSON.stringify({ persons, seed: SEED, generator: hash, seconds })}\n`,
  );
  renameSync(pending, dir);
  console.log(`  generated in ${seconds.toFixed(0)} s`);
  return dir;
}

function removeDatabase(path: string): void {
  for (const p of [path, `${path}.wal`, `${path}.tmp`]) rmSync(p, { recursive: true, force: true });
}

interface BareRun {
  m: Measured;
  loadS: number;
  modelsS: number;
  loadCpuS: number;
  modelsCpuS: number;
  registrations: number;
  results: number;
  load: number;
}

interface LarsamRun {
  m: Measured;
  /** Stage seconds as `larsam run` prints them. */
  stages: Record<string, number>;
  load: number;
}

interface Repeat {
  bareA: BareRun;
  run: LarsamRun;
  bareB: BareRun;
  commands: Record<'ingest' | 'build' | 'decide' | 'report', Measured>;
}

async function bareRun(dataDir: string, runDir: string, env: NodeJS.ProcessEnv): Promise<BareRun> {
  const dbPath = join(runDir, 'bare.duckdb');
  removeDatabase(dbPath);
  const load = loadavg()[0]!;
  const m = await measure(
    process.execPath,
    ['--input-type=module', '-e', bareChildProgram(dbPath, bareScript(dataDir))],
    env,
  );
  removeDatabase(dbPath);
  const inner = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as Omit<BareRun, 'm' | 'load'>;
  return {
    m,
    loadS: inner.loadS,
    modelsS: inner.modelsS,
    loadCpuS: inner.loadCpuS,
    modelsCpuS: inner.modelsCpuS,
    registrations: inner.registrations,
    results: inner.results,
    load,
  };
}

async function larsamRun(
  pipeline: string,
  runDir: string,
  env: NodeJS.ProcessEnv,
): Promise<LarsamRun> {
  const dbPath = join(runDir, 'larsam-run.duckdb');
  removeDatabase(dbPath);
  rmSync(join(runDir, 'reports'), { recursive: true, force: true });
  const load = loadavg()[0]!;
  const m = await measure(process.execPath, [LARSAM, 'run', pipeline, '--db', dbPath], env);
  removeDatabase(dbPath);
  const line = /time:\s+(.*)$/m.exec(m.stdout)?.[1] ?? '';
  const stages = Object.fromEntries(
    [...line.matchAll(/(\w+) ([\d.]+) s/g)].map((x) => [x[1]!, Number(x[2])]),
  );
  if (!('ingest' in stages && 'build' in stages && 'report' in stages))
    throw new Error(`larsam run printed no stage times:\n${m.stdout}`);
  return { m, stages, load };
}

async function larsamCommands(
  dataDir: string,
  pipeline: string,
  runDir: string,
  env: NodeJS.ProcessEnv,
): Promise<Repeat['commands']> {
  const dbPath = join(runDir, 'larsam-stages.duckdb');
  removeDatabase(dbPath);
  rmSync(join(runDir, 'stages'), { recursive: true, force: true });
  const db = ['--db', dbPath];
  const ingest = await measure(
    process.execPath,
    [LARSAM, 'ingest', dataDir, ...db, '--quiet'],
    env,
  );
  const build = await measure(process.execPath, [LARSAM, 'build', ...db, '--quiet'], env);
  const decide = await measure(
    process.execPath,
    [
      LARSAM,
      'decide',
      ...db,
      '--pipeline',
      pipeline,
      '--out',
      join(runDir, 'stages', 'decide'),
      '--quiet',
    ],
    env,
  );
  const report = await measure(
    process.execPath,
    [
      LARSAM,
      'report',
      ...db,
      '--pipeline',
      pipeline,
      '--out',
      join(runDir, 'stages', 'report'),
      '--quiet',
    ],
    env,
  );
  removeDatabase(dbPath);
  return { ingest, build, decide, report };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const int = (n: number) => fmt(n, 0);

interface SizeResult {
  label: string;
  persons: number;
  registrations: number;
  results: number;
  repeats: Repeat[];
}

async function main(): Promise<void> {
  const labels = option('sizes', '100k,1m,10m')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const repeat = Math.max(1, Number(option('repeat', '1')));
  const hash = generatorHash();
  const env = { ...process.env, LARSAM_PSEUDONYM_KEY: 'larsam-bench-key' };
  const version = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { DuckDBInstance } from ${JSON.stringify(import.meta.resolve('@duckdb/node-api'))}; const c = await (await DuckDBInstance.create(':memory:')).connect(); console.log((await c.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v);`,
    ],
    { encoding: 'utf8' },
  ).trim();
  const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, DuckDB ${version}`;
  console.log(
    `# larsam end-to-end benchmark, ${new Date().toISOString()}\nmachine: ${machine}\nload average at start: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}\n`,
  );

  const sizes: SizeResult[] = [];
  for (const label of labels) {
    const target = parseSize(label);
    const persons = Math.round(target * PERSONS_PER_REGISTRATION);
    const dataDir = ensureData(label, persons, hash);
    const runDir = join(OUT, `run-${label}`);
    mkdirSync(runDir, { recursive: true });
    const pipeline = join(runDir, 'pipeline.json');
    writeFileSync(
      pipeline,
      `${JSON.stringify({ name: `Benchmark ${label}`, inputs: [relative(runDir, dataDir)], review_term: 'latest', out: 'reports' }, null, 2)}\n`,
    );
    const size: SizeResult = { label, persons, registrations: 0, results: 0, repeats: [] };
    sizes.push(size);
    for (let r = 0; r < repeat; r++) {
      const bareA = await bareRun(dataDir, runDir, env);
      console.log(
        `${label} #${r + 1} bare:   ${fmt(bareA.m.wallS)} s wall (read_csv ${fmt(bareA.loadS)} s, models ${fmt(bareA.modelsS)} s), ${fmt(bareA.m.cpuS)} s CPU, ${int(bareA.m.peakRssMb)} MB, load ${fmt(bareA.load, 2)}`,
      );
      const run = await larsamRun(pipeline, runDir, env);
      console.log(
        `${label} #${r + 1} larsam run: ${fmt(run.m.wallS)} s wall (${Object.entries(run.stages)
          .map(([s, v]) => `${s} ${fmt(v)} s`)
          .join(
            ', ',
          )}), ${fmt(run.m.cpuS)} s CPU, ${int(run.m.peakRssMb)} MB, load ${fmt(run.load, 2)}`,
      );
      const bareB = await bareRun(dataDir, runDir, env);
      console.log(
        `${label} #${r + 1} bare:   ${fmt(bareB.m.wallS)} s wall (read_csv ${fmt(bareB.loadS)} s, models ${fmt(bareB.modelsS)} s), ${fmt(bareB.m.cpuS)} s CPU, ${int(bareB.m.peakRssMb)} MB, load ${fmt(bareB.load, 2)}`,
      );
      const commands = await larsamCommands(dataDir, pipeline, runDir, env);
      console.log(
        `${label} #${r + 1} larsam commands: ${Object.entries(commands)
          .map(([s, m]) => `${s} ${fmt(m.wallS)} s / ${int(m.peakRssMb)} MB`)
          .join(', ')}`,
      );
      size.registrations = bareA.registrations;
      size.results = bareA.results;
      size.repeats.push({ bareA, run, bareB, commands });
    }
    rmSync(join(runDir, 'reports'), { recursive: true, force: true });
    rmSync(join(runDir, 'stages'), { recursive: true, force: true });
  }
  const loadEnd = loadavg();
  writeFileSync(
    join(OUT, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify({ machine, sizes }, null, 1)}\n`,
  );
  printSummary(sizes, machine, loadEnd);
}

function printSummary(sizes: SizeResult[], machine: string, loadEnd: number[]): void {
  console.log(
    `\n## Figures (median of ${sizes[0]?.repeats.length ?? 0} repeat(s); ratios paired with the bare run just before)\n`,
  );
  console.log(
    `machine: ${machine}; load average at end ${loadEnd.map((l) => fmt(l, 2)).join(' ')}\n`,
  );
  console.log(
    '| size | registrations | stage | larsam s | bare s | larsam / bare | registrations/s (larsam) | peak RSS larsam | peak RSS bare |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  const e2eRatio = new Map<string, number>();
  const e2eWall = new Map<string, number>();
  const stageWall = new Map<string, Record<string, number>>();
  for (const size of sizes) {
    const reps = size.repeats;
    const med = (f: (r: Repeat) => number) => median(reps.map(f));
    const row = (
      stage: string,
      larsam: number,
      bare: number,
      ratio: number,
      rssL: number,
      rssB: number,
    ) =>
      console.log(
        `| ${size.label} | ${int(size.registrations)} | ${stage} | ${fmt(larsam)} | ${fmt(bare)} | ${Number.isFinite(ratio) ? fmt(ratio, 2) : '–'} | ${int(size.registrations / larsam)} | ${rssL ? `${int(rssL)} MB` : ''} | ${rssB ? `${int(rssB)} MB` : ''} |`,
      );
    const ingest = med((r) => r.run.stages.ingest!);
    const build = med((r) => r.run.stages.build!);
    const report = med((r) => r.run.stages.report!);
    const e2e = med((r) => r.run.m.wallS);
    row(
      'ingest (in `run`) vs read_csv',
      ingest,
      med((r) => r.bareA.loadS),
      med((r) => r.run.stages.ingest! / r.bareA.loadS),
      med((r) => r.commands.ingest.peakRssMb),
      0,
    );
    row(
      'build (in `run`, models + data tests) vs bare models',
      build,
      med((r) => r.bareA.modelsS),
      med((r) => r.run.stages.build! / r.bareA.modelsS),
      med((r) => r.commands.build.peakRssMb),
      0,
    );
    row(
      '`larsam decide` (own process)',
      med((r) => r.commands.decide.wallS),
      NaN,
      NaN,
      med((r) => r.commands.decide.peakRssMb),
      0,
    );
    row(
      'report (in `run`, decide included)',
      report,
      NaN,
      NaN,
      med((r) => r.commands.report.peakRssMb),
      0,
    );
    row(
      'end to end (process wall)',
      e2e,
      med((r) => r.bareA.m.wallS),
      med((r) => r.run.m.wallS / r.bareA.m.wallS),
      Math.max(...reps.map((r) => r.run.m.peakRssMb)),
      Math.max(...reps.map((r) => r.bareA.m.peakRssMb)),
    );
    row(
      'end to end (CPU s, all threads)',
      med((r) => r.run.m.cpuS),
      med((r) => r.bareA.m.cpuS),
      med((r) => r.run.m.cpuS / r.bareA.m.cpuS),
      0,
      0,
    );
    e2eRatio.set(
      size.label,
      med((r) => r.run.m.wallS / r.bareA.m.wallS),
    );
    e2eWall.set(size.label, e2e);
    stageWall.set(size.label, {
      ingest,
      build,
      report,
      e2e,
      bare: med((r) => r.bareA.m.wallS),
      'ingest command': med((r) => r.commands.ingest.wallS),
      'build command': med((r) => r.commands.build.wallS),
      'decide command': med((r) => r.commands.decide.wallS),
      'report command': med((r) => r.commands.report.wallS),
    });
  }
  // CPU time is steadier than wall time on a shared machine: the separate commands'
  // CPU (Node and tsx start included) against the bare phases' CPU (process.cpuUsage in
  // the bare process, all DuckDB threads), paired with the bare run just before them.
  console.log(
    '\nThe separate commands (own process each, Node and tsx start included): wall s / CPU s (larsam / bare CPU)',
  );
  for (const size of sizes) {
    const reps = size.repeats;
    const med = (f: (r: Repeat) => number) => median(reps.map(f));
    const c = (k: keyof Repeat['commands']) =>
      `${fmt(med((r) => r.commands[k].wallS))} / ${fmt(med((r) => r.commands[k].cpuS))}`;
    console.log(
      `  ${size.label}: ingest ${c('ingest')} (${fmt(
        med((r) => r.commands.ingest.cpuS / r.bareB.loadCpuS),
        2,
      )} × read_csv ${fmt(med((r) => r.bareB.loadCpuS))} s), ` +
        `build ${c('build')} (${fmt(
          med((r) => r.commands.build.cpuS / r.bareB.modelsCpuS),
          2,
        )} × bare models ${fmt(med((r) => r.bareB.modelsCpuS))} s), ` +
        `decide ${c('decide')}, report ${c('report')}`,
    );
  }

  console.log('\n## Targets\n');
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  for (const size of sizes) {
    const ratio = e2eRatio.get(size.label)!;
    const cpu = median(size.repeats.map((r) => r.run.m.cpuS / r.bareA.m.cpuS));
    console.log(
      `- end to end ≤ 1.5 × bare at ${size.label}: ${fmt(ratio, 2)} wall — ${verdict(ratio <= 1.5)}; ${fmt(cpu, 2)} CPU — ${verdict(cpu <= 1.5)}`,
    );
  }
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    const dataRatio = b.registrations / a.registrations;
    const limit = dataRatio * 1.2;
    const wa = stageWall.get(a.label)!;
    const wb = stageWall.get(b.label)!;
    const growth = (k: string) => wb[k]! / wa[k]!;
    console.log(
      `- linear growth ${a.label} → ${b.label} (${fmt(dataRatio, 2)} × data, limit ${fmt(limit, 1)} ×): end to end ${fmt(growth('e2e'), 2)} × — ${verdict(growth('e2e') <= limit)}` +
        ` (ingest ${fmt(growth('ingest'), 2)} ×, build ${fmt(growth('build'), 2)} ×, report ${fmt(growth('report'), 2)} ×, bare ${fmt(growth('bare'), 2)} ×)`,
    );
  }
  for (const size of sizes) {
    const peak = Math.max(
      ...size.repeats.flatMap((r) => [
        r.run.m.peakRssMb,
        ...Object.values(r.commands).map((m) => m.peakRssMb),
      ]),
    );
    const applies = size.registrations >= 9e6;
    console.log(
      `- peak RSS < 4 GB${applies ? '' : ' (the target is for 10 M)'} at ${size.label}: ${int(peak)} MB${applies ? ` — ${verdict(peak < 4096)}` : ''}`,
    );
  }
  for (const size of sizes) {
    const w = stageWall.get(size.label)!;
    // Judged on the stage inside `larsam run`; the command adds starting Node, tsx and DuckDB.
    console.log(
      `- report stage < 10 s at ${size.label}: ${fmt(w.report!)} s in \`run\` — ${verdict(w.report! < 10)} (${fmt(w['report command']!)} s as a command of its own)`,
    );
  }
}

/** Whether a process id is running (a pending data folder of a live run is left alone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Folders of generations that were interrupted.
if (existsSync(OUT)) {
  for (const name of readdirSync(OUT)) {
    const pid = Number(/\.pending-(\d+)$/.exec(name)?.[1] ?? NaN);
    if (Number.isInteger(pid) && !alive(pid) && statSync(join(OUT, name)).isDirectory())
      rmSync(join(OUT, name), { recursive: true, force: true });
  }
}
await main();
