// `larsam query … | head`: the reader closes the pipe early; larsam stops quietly with
// exit code 0 instead of dying on an unhandled EPIPE with a stack trace.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { LARSAM_BIN, cliEnv } from '../helpers/run-cli.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

describe('a closed pipe', () => {
  it('ends larsam quietly with exit code 0', async () => {
    const lines = [
      'person_id,term,course_code,credits,first_time',
      ...Array.from({ length: 20_000 }, (_, i) => `S${i},HT2025,C${i},7.5,ja`),
    ];
    await ws.ingest([ws.write('registrations.csv', lines.join('\n'))]);
    const run = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; node "${LARSAM_BIN}" query "select * from raw_registrations, range(5)" --format csv --db "${ws.dbPath}" | head -1`,
      ],
      { env: cliEnv(), encoding: 'utf8' },
    );
    expect(run.stdout).toBe(
      '_load_id,_line,person_id,term,course_code,course_offering,program_code,credits,first_time,home_municipality,centre_id,registration_date,distance,birth_year,gender,parental_education,foreign_background,range\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
