// decide never answers from models older than the data: it builds them again first (one
// line says so) or, under --no-build, refuses with the fix. A review term without
// registrations is an error naming the terms that have them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, buildFixtureDatabase } from '../helpers/report-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = new Workspace();
  await buildFixtureDatabase(ws);
}, 60_000);
afterAll(() => ws.remove());

const cli = (args: string[]) => runCli([...args, '--db', ws.dbPath], { cwd: ws.dir });

describe('an empty review term', () => {
  it('decide --term VT2030 is an error listing the terms with data', async () => {
    const run = await cli(['decide', '--term', 'VT2030', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // The fixture's registrations run HT2024, VT2025, HT2025, VT2026 without a gap.
    expect(run.stderr).toMatch(
      /^error: VT2030 has no registrations; terms with data: HT2024–VT2026\. Fix: /,
    );
    expect(run.stderr).not.toMatch(/looks like a bug/);
  });

  it('a badly written term gets the term-format message', async () => {
    const run = await cli(['decide', '--term', '2025HT', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/2025HT/);
    expect(run.stderr).not.toMatch(/has no registrations|looks like a bug/);
  });
});

describe('models older than the data', () => {
  it('--no-build refuses; without it decide builds again and answers for the new data', async () => {
    // R1's reach is the sum of its session participants: 30 + 20 = 50 (≥ 40, met).
    // The new version of the file has 30 + 5 = 35 (< 40, not met).
    const sessions = readFileSync(join(FIXTURE, 'activity_sessions.csv'), 'utf8');
    const changed = ws.write(
      'activity_sessions.csv',
      sessions.replace('2025-09-15,20,3', '2025-09-15,5,3'),
    );
    await ws.ingest([changed], { replace: 'name' });

    const refused = await cli(['decide', '--no-build', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'error: data was loaded after the models were last built, so the answer would be out of date. Fix: run  larsam build  first, or leave out --no-build\n',
    );

    const sv = await cli(['decide']);
    expect(sv.code).toBe(0);
    expect(sv.stdout + sv.stderr).toContain(
      'Data har lästs in sedan modellerna byggdes senast: bygger om dem först.',
    );
    expect(sv.stdout).toContain('Antal deltagare (huvudräkning) ≥ 40: 35 – inte uppnått.');
    expect(sv.stdout).not.toContain(': 50 – uppnått');

    // Built now: no second rebuild, and --no-build answers.
    const again = await cli(['decide', '--no-build']);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).not.toContain('bygger om');
  }, 120_000);
});
