// The data-quality facts of the report: every loaded file, the files that failed as a
// whole (nothing of them is in the numbers), rejects by reason, coverage
// per term and kind, unknown background values, data-test findings, suppressed cells,
// and the kinds that were not loaded (with the indicators that therefore are missing).
import type { Database } from '../../db/database.ts';
import { KINDS } from '../../contract/kinds.ts';
import { CURRENT_FAILURE_SQL } from '../../ingest/failed-loads.ts';

export interface DataQuality {
  files: {
    file: string;
    kind: string;
    format: string;
    rowsRead: number;
    rowsLoaded: number;
    rowsRejected: number;
    sha256: string;
  }[];
  /** Files whose latest load failed as a whole, with why (masked). */
  failed: { file: string; kind: string; why: string }[];
  rejects: { file: string; column: string | null; rule: string; rows: number }[];
  coverage: {
    term: string;
    registrations: number;
    results: number;
    sessions: number;
    participations: number;
  }[];
  unknown: { attribute: string; unknown: number; total: number }[];
  tests: { name: string; severity: string; rows: number; description: string }[];
  suppressedCells: number;
  /** Of suppressedCells, those hidden to protect another value (secondary suppression). */
  secondaryCells: number;
  publishedCells: number;
  /** The information loss of secondary suppression per term and scope (terms up to the review term). */
  suppressionByScope: {
    term: string;
    scope: string;
    primary: number;
    secondary: number;
    total: number;
  }[];
  missingKinds: string[];
}

export async function readDataQuality(db: Database, reviewTerm: string): Promise<DataQuality> {
  const files = await db.rows<DataQuality['files'][number]>(
    `SELECT file_name AS file, kind, format, rows_read::INTEGER AS "rowsRead", rows_loaded::INTEGER AS "rowsLoaded",
            rows_rejected::INTEGER AS "rowsRejected", sha256
     FROM loads WHERE status = 'loaded' ORDER BY kind, file_name`,
  );
  const failed = await db.rows<DataQuality['failed'][number]>(
    `SELECT file_name AS file, kind, coalesce(failure, '') AS why FROM loads WHERE ${CURRENT_FAILURE_SQL} ORDER BY kind, file_name, load_id`,
  );
  const rejects = await db.rows<DataQuality['rejects'][number]>(
    `SELECT file_name AS file, column_name AS "column", rule, count(DISTINCT (load_id, line))::INTEGER AS rows
     FROM rejects WHERE load_id IN (SELECT load_id FROM loads WHERE status = 'loaded')
     GROUP BY ALL ORDER BY file, rows DESC, rule, "column"`,
  );
  // Both from small marts of the build, not the row-level views (which would recompute).
  const coverage = await db.rows<DataQuality['coverage'][number]>(
    `SELECT term, registrations, results, sessions, participations
     FROM mart_data_coverage WHERE term_key <= term_key($r) ORDER BY term_key`,
    { r: reviewTerm },
  );
  // Unknown values among the persons registered in the review term (after the attribute rule).
  const unknown = await db.rows<DataQuality['unknown'][number]>(
    `SELECT attribute, unknown, total FROM mart_unknown_attributes WHERE term = $r ORDER BY attribute`,
    { r: reviewTerm },
  );
  const tests = await db.rows<DataQuality['tests'][number]>(
    `SELECT name, severity, failing_rows::INTEGER AS rows, description FROM data_test_results ORDER BY name`,
  );
  const cells = (await db.one<{ suppressed: number; secondary: number; total: number }>(
    `SELECT count(*) FILTER (WHERE suppressed)::INTEGER AS suppressed, count(*) FILTER (WHERE suppression = 'secondary')::INTEGER AS secondary,
            count(*)::INTEGER AS total FROM published_indicators WHERE term_key <= term_key($r)`,
    { r: reviewTerm },
  ))!;
  const suppressionByScope = await db.rows<DataQuality['suppressionByScope'][number]>(
    `SELECT term, scope, count(*) FILTER (WHERE suppression = 'primary')::INTEGER AS primary,
            count(*) FILTER (WHERE suppression = 'secondary')::INTEGER AS secondary, count(*)::INTEGER AS total
     FROM published_indicators WHERE term_key <= term_key($r)
     GROUP BY term, term_key, scope
     ORDER BY term_key, list_position(['region', 'county', 'municipality', 'centre', 'activity'], scope)`,
    { r: reviewTerm },
  );
  const loadedKinds = new Set(files.map((f) => f.kind));
  // municipalities has a built-in default, so it is never missing.
  const missingKinds = KINDS.filter((kind) => kind !== 'municipalities' && !loadedKinds.has(kind));
  return {
    files,
    failed,
    rejects,
    coverage,
    unknown,
    tests,
    suppressedCells: cells.suppressed,
    secondaryCells: cells.secondary,
    publishedCells: cells.total,
    suppressionByScope,
    missingKinds,
  };
}
