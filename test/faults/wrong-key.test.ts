// A wrong pseudonym key against a database built with another one would split every
// person in two. `larsam ingest` and `larsam run` refuse it with one clear line before
// they write anything: the database folder is byte for byte as it was, no report is
// written; with the right key the same command goes through. (The fingerprint itself is
// unit-tested in test/ingest/pseudonym-key.test.ts; this is the refusal end to end.)
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { Workspace } from '../helpers/workspace.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'data-samples');
const WRONG = cliEnv({ LARSAM_PSEUDONYM_KEY: 'not-the-key-this-database-was-built-with' });
const NO_ENV_KEY = cliEnv({ LARSAM_PSEUDONYM_KEY: undefined });

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

/** Every file beside the database (recursively): name → sha256 and mode. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else
        out[path.slice(dir.length + 1)] =
          `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${st.mode.toString(8)} ${st.size}`;
    }
  };
  walk(dir);
  return out;
}

function pipeline(): string {
  return ws.write(
    'pipeline.json',
    JSON.stringify({ inputs: [SAMPLES], out: join(ws.dir, 'reports') }),
  );
}

const refusal = (source: string) =>
  new RegExp(
    `^error: the pseudonym key \\(from ${source}\\) is not the one this database was built with \\(fingerprint [0-9a-f]{16}, given [0-9a-f]{16}\\)\\. Fix: use the original key .*\\n$`,
  );

async function expectRefused(
  args: string[],
  env: NodeJS.ProcessEnv,
  source: string,
): Promise<void> {
  const dbDir = join(ws.dir, 'db');
  const before = snapshot(dbDir);
  const run = await runCli([...args, '--db', ws.dbPath], { env });
  expect(run.stderr).toMatch(refusal(source));
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(snapshot(dbDir)).toEqual(before);
  expect(existsSync(join(ws.dir, 'reports'))).toBe(false);
}

describe('a wrong LARSAM_PSEUDONYM_KEY against an existing database', () => {
  it('is refused by larsam ingest and larsam run, which write nothing', async () => {
    const first = await runCli([
      'ingest',
      join(SAMPLES, 'municipalities.csv'),
      join(SAMPLES, 'registrations.csv'),
      '--db',
      ws.dbPath,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const ledger = await runCli([
      'query',
      'select file_name, status, rows_loaded from loads order by load_id',
      '--format',
      'csv',
      '--db',
      ws.dbPath,
    ]);

    await expectRefused(
      ['ingest', join(SAMPLES, 'participations.csv')],
      WRONG,
      'LARSAM_PSEUDONYM_KEY',
    );
    await expectRefused(['run', pipeline()], WRONG, 'LARSAM_PSEUDONYM_KEY');

    expect(
      (
        await runCli([
          'query',
          'select file_name, status, rows_loaded from loads order by load_id',
          '--format',
          'csv',
          '--db',
          ws.dbPath,
        ])
      ).stdout,
    ).toBe(ledger.stdout);
    // the right key loads the file the wrong one could not
    const right = await runCli(['ingest', join(SAMPLES, 'participations.csv'), '--db', ws.dbPath]);
    expect(right.code, right.stderr).toBe(0);
  }, 120_000);

  it('a changed key file beside the database is refused the same way', async () => {
    const first = await runCli(['ingest', join(SAMPLES, 'municipalities.csv'), '--db', ws.dbPath], {
      env: NO_ENV_KEY,
    });
    expect(first.code, first.stderr).toBe(0);
    const keyFile = join(ws.dir, 'db', 'larsam.key');
    const original = readFileSync(keyFile);
    writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });

    await expectRefused(['run', pipeline()], NO_ENV_KEY, 'the key file beside the database');

    writeFileSync(keyFile, original, { mode: 0o600 });
    const right = await runCli(
      ['ingest', join(SAMPLES, 'learning_centres.csv'), '--db', ws.dbPath],
      { env: NO_ENV_KEY },
    );
    expect(right.code, right.stderr).toBe(0);
  }, 120_000);

  it('a missing key file is refused without making a new one', async () => {
    const first = await runCli(['ingest', join(SAMPLES, 'municipalities.csv'), '--db', ws.dbPath], {
      env: NO_ENV_KEY,
    });
    expect(first.code, first.stderr).toBe(0);
    const keyFile = join(ws.dir, 'db', 'larsam.key');
    const original = readFileSync(keyFile);
    rmSync(keyFile);
    const before = snapshot(join(ws.dir, 'db'));

    const run = await runCli(['ingest', join(SAMPLES, 'learning_centres.csv'), '--db', ws.dbPath], {
      env: NO_ENV_KEY,
    });
    expect(run.stderr).toMatch(
      /^error: the pseudonym key file \S+larsam\.key is missing, but this database holds ids hashed with a key\. Fix: put the original larsam\.key back .*\n$/,
    );
    expect(run.code).toBe(1);
    expect(existsSync(keyFile)).toBe(false);
    expect(snapshot(join(ws.dir, 'db'))).toEqual(before);

    writeFileSync(keyFile, original, { mode: 0o600 });
    const right = await runCli(
      ['ingest', join(SAMPLES, 'learning_centres.csv'), '--db', ws.dbPath],
      { env: NO_ENV_KEY },
    );
    expect(right.code, right.stderr).toBe(0);
  }, 120_000);
});
