// One child process, measured: wall time, CPU time (user + system, all threads) and
// peak RSS from /usr/bin/time -v, or — without it — wall time here and the peak from
// polling /proc/<pid>/status (VmHWM).
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

export interface Measured {
  wallS: number;
  /** NaN when /usr/bin/time is missing. */
  cpuS: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

const hasTime = (() => {
  try {
    return statSync('/usr/bin/time').isFile();
  } catch {
    return false;
  }
})();

export async function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<Measured> {
  const started = performance.now();
  const child = hasTime
    ? spawn('/usr/bin/time', ['-v', command, ...args], {
        env,
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let polledKb = 0;
  const poll = hasTime
    ? undefined
    : setInterval(() => {
        try {
          const kb = Number(
            /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0,
          );
          polledKb = Math.max(polledKb, kb);
        } catch {
          // ended
        }
      }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (poll) clearInterval(poll);
  const wallS = (performance.now() - started) / 1000;
  if (code !== 0)
    throw new Error(
      `${command} ${args.join(' ').slice(0, 300)} exited ${code}:\n${stdout.slice(-2000)}\n${stderr.slice(-4000)}`,
    );
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
  return {
    wallS,
    cpuS: hasTime ? field('User time \\(seconds\\)') + field('System time \\(seconds\\)') : NaN,
    peakRssMb: (hasTime ? field('Maximum resident set size \\(kbytes\\)') : polledKb) / 1024,
    stdout,
    stderr,
  };
}
