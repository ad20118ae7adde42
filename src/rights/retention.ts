// `larsam retention --keep 10y`: loads of personal data kept longer than the period are
// removed. A load is past the period when the latest date its data speaks of ends before
// today − period: for registrations the end of its latest term, for results its latest
// result_date (or the end of its latest term, whichever is later), for degrees its latest
// degree_date, for participations its latest session_date. Only these four kinds (the
// ones with a person_id) are judged; reference and activity files are not personal data.
// A dry run by default; applied, the loads' rows and rejects leave the database in one
// rewrite (rewrite.ts) with the models built again, the loads are marked 'expired' and
// the ledger `erasures` records the period, the loads and the rows per table.
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { ensureSchema, rawTable } from '../ingest/raw-tables.ts';
import { userError } from '../messages/message.ts';
import { RIGHTS_ERRORS, RIGHTS_TEXTS } from '../messages/rights.ts';
import { PERSON_KINDS } from './identify.ts';
import { lastBuildSettings, rebuild } from './rebuild.ts';
import { rewriteDatabase, type RewriteTimes } from './rewrite.ts';

export interface RetentionPeriod {
  text: string;
  months: number;
}

/** '10y', '18m', '10 years', '18 månader' → months; anything else is a usage error. */
export function parsePeriod(text: string): RetentionPeriod {
  const m = /^\s*(\d+)\s*(y|years?|år|m|months?|mån(?:ad|ader)?)\s*$/i.exec(text);
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n > 0)) {
    throw userError(RIGHTS_ERRORS.badPeriod(text));
  }
  const years = /^(y|years?|år)$/i.test(m[2]!);
  return { text: `${n}${years ? 'y' : 'm'}`, months: years ? n * 12 : n };
}

/** today − period, as YYYY-MM-DD (the day of the month clamped, 29 Feb → 28 Feb). */
export function cutoffDate(period: RetentionPeriod, today: string): string {
  const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (mo - 1) - period.months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The latest date a row of each kind speaks of (SQL over the raw table's row `r`). */
const LATEST: Record<string, string> = {
  registrations: 'max(term_end(r.term))',
  results: 'greatest(max(r.result_date), max(term_end(r.term)))',
  degrees: 'max(r.degree_date)',
  participations: 'max(r.session_date)',
};

export interface RetentionPlan {
  keep: string;
  /** Loads whose data ends before this date are removed. */
  cutoff: string;
  loads: { loadId: number; file: string; kind: Kind; rows: number; latest: string }[];
  rows: { table: string; rows: number }[];
  totalRows: number;
  rebuilds: boolean;
}

export interface RetentionResult extends RetentionPlan {
  applied: boolean;
  times?: RewriteTimes;
  warning?: string | null;
}

export async function planRetention(
  db: Database,
  period: RetentionPeriod,
  today: string,
): Promise<RetentionPlan> {
  await ensureSchema(db);
  const cutoff = cutoffDate(period, today);
  const loads: RetentionPlan['loads'] = [];
  for (const kind of PERSON_KINDS) {
    const latest = LATEST[kind];
    if (!latest) throw new Error(`no retention date for ${kind}`);
    const found = await db.rows<{ load_id: number; file: string; rows: number; latest: string }>(
      `SELECT r._load_id AS load_id, l.file_name AS file, count(*)::INTEGER AS rows, strftime(${latest}, '%Y-%m-%d') AS latest
       FROM ${rawTable(kind)} AS r JOIN loads AS l ON l.load_id = r._load_id AND l.status = 'loaded'
       GROUP BY ALL HAVING ${latest} < $cutoff::DATE ORDER BY load_id`,
      { cutoff },
    );
    for (const f of found)
      loads.push({ loadId: f.load_id, file: f.file, kind, rows: f.rows, latest: f.latest });
  }
  loads.sort((a, b) => a.loadId - b.loadId);
  const rows = PERSON_KINDS.map((kind) => ({
    table: `raw_${kind}`,
    rows: loads.filter((l) => l.kind === kind).reduce((s, l) => s + l.rows, 0),
  }));
  const ids = loads.map((l) => l.loadId);
  const rejects = ids.length
    ? Number(
        (await db.one<{ n: bigint }>(
          `SELECT count(*) AS n FROM rejects WHERE load_id IN (${ids.join(', ')})`,
        ))!.n,
      )
    : 0;
  rows.push({ table: 'rejects', rows: rejects });
  return {
    keep: period.text,
    cutoff,
    loads,
    rows,
    totalRows: loads.reduce((s, l) => s + l.rows, 0),
    rebuilds: (await lastBuildSettings(db)) !== null,
  };
}

export async function applyRetention(db: Database, plan: RetentionPlan): Promise<RetentionResult> {
  if (!plan.loads.length) return { ...plan, applied: false };
  const ids = plan.loads.map((l) => l.loadId);
  const list = ids.join(', ');
  const settings = await lastBuildSettings(db);
  let warning: string | null = null;
  const times = await rewriteDatabase(db, {
    keep: (table) =>
      table === 'rejects'
        ? `load_id NOT IN (${list})`
        : PERSON_KINDS.some((k) => `raw_${k}` === table)
          ? `_load_id NOT IN (${list})`
          : undefined,
    finish: async (fresh) => {
      await ensureSchema(fresh);
      await fresh.transaction(async () => {
        await fresh.run(
          `INSERT INTO erasures (erased_at, reason, persons, keep, load_ids, rows_removed)
           VALUES (now()::TIMESTAMP, 'retention', NULL, $keep, $loads, MAP($tables, $counts))`,
          {
            keep: plan.keep,
            loads: listValue(ids),
            tables: listValue(plan.rows.map((r) => r.table)),
            counts: listValue(plan.rows.map((r) => BigInt(r.rows))),
          },
          { keep: VARCHAR, loads: LIST(INTEGER), tables: LIST(VARCHAR), counts: LIST(BIGINT) },
        );
        await fresh.run(
          `UPDATE loads SET status = 'expired', failure = $why WHERE load_id IN (${list})`,
          {
            why: RIGHTS_TEXTS.expiredWhy(plan.keep, plan.cutoff).en,
          },
        );
      });
      warning = await rebuild(fresh, settings);
    },
  });
  return { ...plan, applied: true, times, warning };
}
