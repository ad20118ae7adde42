// The report's data quality names the files that failed as a whole, with why, and
// report.json lists them; their kind counts as not loaded.
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

describe('a report after a file failed', () => {
  it('names the failed file and why in data quality and report.json, and lists its kind as not loaded', async () => {
    const broken = ws.write('in/results.csv', 'person_id,course_code\nS1,MA001G\n');
    const report = await ws.ingest([join(FIXTURE, 'registrations.csv'), broken]);
    expect(report.failures.map((f) => f.file)).toEqual([broken]);
    const why =
      'line 1, column credits: the required column credits, result_date is missing for results; the header on line 1 has: person_id, course_code. ' +
      'Fix: add the columns credits, result_date to the header (see the data contract for results), or pass the right --kind';
    const db = await Database.open(ws.dbPath);
    let folder: string;
    let failed: { file: string; kind: string; why: string }[];
    try {
      await buildModels(db, DEFAULT_BUILD_SETTINGS);
      const written = await writeReport(db, {
        out: join(ws.dir, 'out'),
        lang: 'en',
        minN: 10,
        title: 'Term report',
      });
      folder = written.folder;
      failed = written.data.quality.failed;
      expect(written.data.quality.missingKinds).toContain('results');
      expect(written.data.quality.files.map((f) => f.kind)).toEqual(['registrations']);
    } finally {
      db.close();
    }
    expect(failed.map((f) => [f.file, f.kind])).toEqual([['results.csv', 'results']]);
    expect(failed[0]!.why).toBe(why);
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).toContain('<h3>Files that could not be loaded (not in the numbers)</h3>');
    expect(html).toContain('results.csv');
    const summary = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as {
      failed_inputs: { file: string; kind: string; why: string }[];
    };
    expect(summary.failed_inputs).toEqual([{ file: 'results.csv', kind: 'results', why }]);
  });
});
