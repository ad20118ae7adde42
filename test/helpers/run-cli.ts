// Runs `node bin/larsam.js …` as a child process, as a user would, and collects its
// exit code and output.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_KEY } from './workspace.ts';

export const LARSAM_BIN = join(import.meta.dirname, '..', '..', 'bin', 'larsam.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a test run gets: the test key, no terminal colours, nothing else of ours. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LARSAM_PSEUDONYM_KEY: TEST_KEY,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  return env;
}

/** Starts larsam; the caller waits with `finished`. */
export function startCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; finished: Promise<CliRun> } {
  const child = spawn(process.execPath, [LARSAM_BIN, ...args], {
    cwd: options.cwd,
    env: options.env ?? cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, finished };
}

export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return startCli(args, options).finished;
}
