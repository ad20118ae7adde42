// npx tsx bench/generate.ts — runs `larsam generate` in this process and prints the wall and
// CPU time of every step (each sql/generate file, then the writing of all files), registrations
// written per second end to end, peak RSS, the load average before and after, and an
// md5 of every file (to compare runs for byte-identical output).
//   npx tsx bench/generate.ts --persons 200000 [--seed 1] [--threads 2] [--memory-limit 2GB] [--out DIR] [--keep]
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { generate, type GenerateStep } from '../src/generate/generate.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const persons = Number(arg('persons', '200000'));
const seed = Number(arg('seed', '1'));
const threads = process.argv.includes('--threads') ? Number(arg('threads', '2')) : undefined;
const out = arg('out', '') || mkdtempSync(join(tmpdir(), 'larsam-bench-generate-'));
const keep = process.argv.includes('--keep') || process.argv.includes('--out');

function md5(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('md5');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')))
      .on('error', fail);
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; load before ${load()}`,
);

const steps: { name: string; wall: number; cpu: number }[] = [];
let current: { name: string; t: number; cpu: NodeJS.CpuUsage } | null = null;
const close = () => {
  if (!current) return;
  const cpu = process.cpuUsage(current.cpu);
  steps.push({
    name: current.name,
    wall: (performance.now() - current.t) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
  });
  current = null;
};
// Build steps run one after another; the files are written on several connections at once,
// so the writing is timed as one step (and each file's own seconds come from the report).
const onStep = (step: GenerateStep) => {
  if (current?.name === 'write (all files)') return;
  close();
  current = {
    name: step.phase === 'build' ? step.file : 'write (all files)',
    t: performance.now(),
    cpu: process.cpuUsage(),
  };
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const memoryLimit = process.argv.includes('--memory-limit')
  ? arg('memory-limit', '2GB')
  : undefined;
const report = await generate(
  { out, persons, seed, fromTerm: 'VT2022', toTerm: 'HT2025', format: 'csv', threads, memoryLimit },
  onStep,
);
close();
const wall = (performance.now() - t0) / 1000;
const cpuAll = process.cpuUsage(cpu0);
const registrations = report.files.find((f) => f.kind === 'registrations')!.rows;
const results = report.files.find((f) => f.kind === 'results')!.rows;

console.log(
  `${persons.toLocaleString('en')} persons, seed ${seed}, threads ${threads ?? 'default'}: ${registrations.toLocaleString('en')} registrations, ${results.toLocaleString('en')} results`,
);
for (const s of steps)
  console.log(
    `  ${s.wall.toFixed(2).padStart(7)} s wall ${s.cpu.toFixed(2).padStart(7)} s CPU  ${s.name}`,
  );
for (const f of report.files.filter((f) => f.seconds >= 0.05))
  console.log(
    `  ${f.seconds.toFixed(2).padStart(7)} s wall  (${f.kind}: from its first part to the whole file)`,
  );
console.log(
  `total ${wall.toFixed(1)} s wall, ${((cpuAll.user + cpuAll.system) / 1e6).toFixed(1)} s CPU: ` +
    `${Math.round(registrations / wall).toLocaleString('en')} registrations/s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load after ${load()}`,
);
if (process.argv.includes('--md5')) {
  for (const f of report.files) console.log(`  ${await md5(f.path)}  ${basename(f.path)}`);
}
if (!keep) rmSync(out, { recursive: true, force: true });
