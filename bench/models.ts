// npm run bench:models — builds the SQL models on generated data of growing size and
// prints the time of every model, the total, rows per second and the peak RSS. Data is
// made by `larsam generate` (a child process) into bench/out/, which is not committed.
//   npx tsx bench/models.ts --persons 200000,1800000
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/db/database.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../src/models/build.ts';
import { projectRoot } from '../src/util/paths.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const sizes = arg('persons', '200000').split(',').map(Number);
const out = join(projectRoot, 'bench', 'out');

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
for (const persons of sizes) {
  const data = join(out, `persons-${persons}`);
  if (!existsSync(join(data, 'registrations.csv'))) {
    execFileSync('node', [join(projectRoot, 'bin', 'larsam.js'), 'generate', '--out', data, '--persons', String(persons), '--seed', '7', '--quiet'], { stdio: 'inherit' });
  }
  const dbPath = join(out, `persons-${persons}.duckdb`);
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  const db = await Database.open(dbPath);
  try {
    const t0 = performance.now();
    const loaded = await ingest(db, [data], { env: { LARSAM_PSEUDONYM_KEY: 'bench' } });
    const ingestSeconds = (performance.now() - t0) / 1000;
    const registrations = loaded.results.find((r) => r.kind === 'registrations')?.rowsLoaded ?? 0;
    const build = await buildModels(db, DEFAULT_BUILD_SETTINGS);
    console.log(`\n${persons.toLocaleString('en')} persons, ${registrations.toLocaleString('en')} registrations`);
    console.log(`  ingest ${ingestSeconds.toFixed(1)} s; build ${build.seconds.toFixed(1)} s (${Math.round(registrations / build.seconds).toLocaleString('en')} registrations/s); peak RSS so far ${peakRssMb()} MB`);
    for (const model of [...build.models].sort((a, b) => b.seconds - a.seconds).slice(0, 8)) {
      console.log(`    ${model.seconds.toFixed(2).padStart(7)} s  ${model.name}`);
    }
  } finally {
    db.close();
  }
}
