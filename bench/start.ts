// npm run bench:start [-- --runs 9]: the wall time of starting larsam, compiled (dist/,
// what bin/larsam.js runs after `npm run build`) against the sources through tsx
// (LARSAM_FROM_SOURCES=1), run alternately so both see the same machine. Prints the median
// and the range of each, paired, for `--help` and for `status` on a small database.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/util/paths.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const bin = join(projectRoot, 'bin', 'larsam.js');
const dir = mkdtempSync(join(tmpdir(), 'larsam-bench-start-'));
const db = join(dir, 'bench.duckdb');
const env = { ...process.env, LARSAM_PSEUDONYM_KEY: 'bench-start-key-0123456789abcdef' };

function seconds(args: string[], fromSources: boolean): number {
  const started = performance.now();
  execFileSync(process.execPath, [bin, ...args], {
    stdio: 'ignore',
    env: fromSources ? { ...env, LARSAM_FROM_SOURCES: '1' } : env,
  });
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

try {
  execFileSync(
    process.execPath,
    [bin, 'ingest', join(projectRoot, 'test', 'fixtures', 'report-small'), '--db', db],
    {
      stdio: 'ignore',
      env,
    },
  );
  console.log(`larsam start, wall seconds over ${runs} alternating runs: median (range)`);
  for (const args of [['--help'], ['status', '--db', db]]) {
    const compiled: number[] = [];
    const sources: number[] = [];
    for (let i = 0; i < runs; i++) {
      compiled.push(seconds(args, false));
      sources.push(seconds(args, true));
    }
    console.log(
      `  larsam ${args[0]}: compiled ${median(compiled).toFixed(2)} (${range(compiled)}), tsx ${median(sources).toFixed(2)} (${range(sources)}), saved ${(median(sources) - median(compiled)).toFixed(2)} s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
