// Builds the report for the small fixed data set (test/fixtures/report-small) into a
// temporary workspace: ingest, build, report. Used by the golden, small-cell and browser
// tests.
import { join } from 'node:path';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { writeReport, type WrittenReport } from '../../src/report/write-report.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import type { Workspace } from './workspace.ts';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'report-small');

export async function buildFixtureDatabase(ws: Workspace): Promise<void> {
  const report = await ws.ingest([FIXTURE]);
  if (report.failures.length || report.results.some((r) => r.rowsRejected > 0)) {
    throw new Error(`the report fixture did not load cleanly: ${JSON.stringify(report.failures)}`);
  }
  const db = await Database.open(ws.dbPath);
  try {
    // as-of fixed so that preliminary flags do not depend on the day the test runs
    await buildModels(db, { ...DEFAULT_BUILD_SETTINGS, asOf: '2026-06-30' });
  } finally {
    db.close();
  }
}

export async function writeFixtureReport(
  ws: Workspace,
  lang: Lang,
  out: string,
): Promise<WrittenReport> {
  const db = await Database.open(ws.dbPath, { readOnly: true });
  try {
    return await writeReport(db, {
      out,
      lang,
      minN: 10,
      title: lang === 'sv' ? 'Terminsrapport' : 'Term report',
    });
  } finally {
    db.close();
  }
}
