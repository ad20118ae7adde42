// The facts `larsam status` shows, read in a few aggregate queries.
import type { Database } from '../db/database.ts';
import { freshnessMessages } from '../messages/freshness.ts';
import { modelState } from '../models/freshness.ts';
import { CURRENT_FAILURE_SQL } from './failed-loads.ts';

export interface Status {
  files: {
    file: string;
    kind: string;
    format: string;
    rows: number;
    rejected: number;
    sha256: string;
  }[];
  /** Files whose latest load failed as a whole (nothing of them is loaded), with why. */
  failed: { file: string; path: string; kind: string; status: string; why: string; at: string }[];
  kinds: { kind: string; files: number; rows: number }[];
  terms: { term: string; registrations: number; results: number; sessions: number }[];
  rejects: { rule: string; column: string | null; rows: number }[];
  models: string;
}

export async function readStatus(db: Database): Promise<Status> {
  const hasLedger = await db.one(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'loads'`);
  if (!hasLedger)
    return { files: [], failed: [], kinds: [], terms: [], rejects: [], models: 'not built' };
  const files = await db.rows<Status['files'][number]>(
    `SELECT file_name AS file, kind, format, rows_loaded::INTEGER AS rows, rows_rejected::INTEGER AS rejected, sha256
     FROM loads WHERE status = 'loaded' ORDER BY kind, file_name`,
  );
  const failed = await db.rows<Status['failed'][number]>(
    `SELECT file_name AS file, path, kind, status, coalesce(failure, '') AS why, strftime(loaded_at, '%Y-%m-%d %H:%M') AS at
     FROM loads WHERE ${CURRENT_FAILURE_SQL} ORDER BY kind, file_name, load_id`,
  );
  const kinds = await db.rows<Status['kinds'][number]>(
    `SELECT kind, count(*)::INTEGER AS files, sum(rows_loaded)::INTEGER AS rows FROM loads WHERE status = 'loaded' GROUP BY kind ORDER BY kind`,
  );
  // Results without a term are placed by the models; here they count under term_of(result_date).
  const terms = await db.rows<Status['terms'][number]>(
    `WITH r AS (SELECT canonical_term_key(term) AS k, count(*) AS n FROM raw_registrations GROUP BY ALL),
          s AS (SELECT coalesce(canonical_term_key(term), term_key_of_date(result_date)) AS k, count(*) AS n FROM raw_results GROUP BY ALL),
          a AS (SELECT term_key_of_date(session_date) AS k, count(*) AS n FROM raw_activity_sessions GROUP BY ALL)
     SELECT term_from_key(k) AS term, coalesce(r.n, 0)::INTEGER AS registrations, coalesce(s.n, 0)::INTEGER AS results, coalesce(a.n, 0)::INTEGER AS sessions
     FROM r FULL JOIN s USING (k) FULL JOIN a USING (k)
     ORDER BY k`,
  );
  const rejects = await db.rows<Status['rejects'][number]>(
    `SELECT rule, column_name AS column, count(DISTINCT (load_id, line))::INTEGER AS rows FROM rejects GROUP BY ALL ORDER BY rows DESC, rule`,
  );
  return { files, failed, kinds, terms, rejects, models: await modelStateText(db) };
}

async function modelStateText(db: Database): Promise<string> {
  const state = await modelState(db);
  if (state === 'not_built') return freshnessMessages.stateNotBuilt().en;
  if (state === 'stale') return freshnessMessages.stateStale().en;
  const builtAt = await db.one<{ value: string }>(
    `SELECT value FROM larsam_meta WHERE key = 'built_at'`,
  );
  return `${freshnessMessages.stateBuilt().en} ${builtAt?.value ?? ''}`.trim();
}
