// Wall time of each stage of a load, written to stderr when LARSAM_STAGE_TIMES is set
// (for `npm run bench:ingest` and for finding where a slow load spends its time).
// Silent otherwise.

export interface StageTimes {
  /** Ends the current stage under `name` and starts the next. */
  mark(name: string): void;
  /** Writes the stages as one line: `stage times <file>: scan 812 ms (cpu 790 ms), …` (cpu: all threads). */
  report(): void;
}

export function stageTimes(label: string, env: NodeJS.ProcessEnv = process.env): StageTimes {
  if (!env.LARSAM_STAGE_TIMES) return { mark: () => undefined, report: () => undefined };
  const stages: [string, number, number][] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return {
    mark(name) {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      stages.push([name, now - last, (cpu.user + cpu.system) / 1000]);
      last = now;
      lastCpu = process.cpuUsage();
    },
    report() {
      const text = stages
        .map(([name, ms, cpu]) => `${name} ${Math.round(ms)} ms (cpu ${Math.round(cpu)} ms)`)
        .join(', ');
      process.stderr.write(`stage times ${label}: ${text}\n`);
    },
  };
}
