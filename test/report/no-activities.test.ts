// report.md: a term with no activity data gives a report that says so, not an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { FIXTURE } from '../helpers/report-fixture.ts';
import { Workspace } from '../helpers/workspace.ts';

const ws = new Workspace();
afterAll(() => ws.remove());

describe('a report without activity data', () => {
  it('is written, says there are no activities, and lists the kinds that were not loaded', async () => {
    await ws.ingest([join(FIXTURE, 'registrations.csv')]);
    const db = await Database.open(ws.dbPath);
    let html: string;
    try {
      await buildModels(db, DEFAULT_BUILD_SETTINGS);
      const written = await writeReport(db, {
        out: join(ws.dir, 'out'),
        lang: 'en',
        minN: 10,
        title: 'Term report',
      });
      expect(written.data.decisions).toEqual([]);
      html = readFileSync(join(written.folder, 'index.html'), 'utf8');
      expect(
        readFileSync(join(written.folder, 'decisions.csv'), 'utf8').trim().split('\n'),
      ).toHaveLength(1);
    } finally {
      db.close();
    }
    expect(html).toContain('There are no activities in the data for this term.');
    expect(html).toContain('<code>activities</code>: no activities are judged');
    expect(html).toContain('<code>results</code>: HPR, performance rate and completion are 0');
  });
});
