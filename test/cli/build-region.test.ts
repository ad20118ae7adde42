// `larsam build --region-counties / --region-municipalities`: the region reaches the
// build from the command line as from a pipeline definition, and a code that is not
// Swedish is one line with the fix and exit code 1.
import { BUILD_ERRORS, REGION_NAMED_IN } from '../../src/messages/build.ts';
import { userError } from '../../src/messages/message.ts';
import { formatUserError } from '../../src/util/errors.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { runCli } from '../helpers/run-cli.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = new Workspace();
  // HT2024, both new: K in Kiruna (2584, county 25), O in Östersund (2380, county 23)
  await ws.ingest([
    ws.write(
      'in/registrations.csv',
      'person_id,term,course_code,credits,first_time,home_municipality\nstud-K,HT2024,K1,7.5,ja,2584\nstud-O,HT2024,K1,7.5,ja,2380\n',
    ),
  ]);
});
afterAll(() => ws.remove());

async function regionNewStudents(): Promise<unknown[]> {
  return ws.query(
    `SELECT value FROM indicators WHERE scope = 'region' AND term = 'HT2024' AND "group" = 'all' AND indicator = 'new_students'`,
  );
}

describe('larsam build with a region', () => {
  it('takes counties and municipalities as comma-separated codes', async () => {
    const counties = await runCli([
      'build',
      '--db',
      ws.dbPath,
      '--region-counties',
      '25',
      '--quiet',
    ]);
    expect(counties.stderr).toBe('');
    expect(counties.code).toBe(0);
    expect(await regionNewStudents()).toEqual([{ value: 1 }]); // K
    const both = await runCli([
      'build',
      '--db',
      ws.dbPath,
      '--region-counties',
      '25',
      '--region-municipalities',
      '2380',
      '--quiet',
    ]);
    expect(both.code).toBe(0);
    expect(await regionNewStudents()).toEqual([{ value: 2 }]); // K, O
    const none = await runCli(['build', '--db', ws.dbPath, '--quiet']);
    expect(none.code).toBe(0);
    expect(await regionNewStudents()).toEqual([{ value: 1 }]); // O: counties 21, 22, 23
  }, 60_000);

  it('refuses a code that is not Swedish with one line and exit code 1', async () => {
    const run = await runCli(['build', '--db', ws.dbPath, '--region-counties', '23,1']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toBe(
      `error: ${formatUserError(userError(BUILD_ERRORS.regionCounty(REGION_NAMED_IN.build, ['1'])))}\n`,
    );
  }, 30_000);
});
