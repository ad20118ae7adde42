// `larsam forget`: the right to erasure. The persons' rows leave every raw table with a
// person_id, the models are built again without them, the ledger `erasures` records how
// many persons and rows (never who), and a tombstone per person (tombstoneOf: a keyed
// hash of the pseudonym, not the pseudonym) lets a later ingest skip them and say so.
// All of it in one rewrite of the database file (rewrite.ts): no byte of a removed row
// stays in the file, and a kill leaves the database wholly before or wholly after.
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { quoteLiteral } from '../db/sql-text.ts';
import { ensureSchema, rawTable } from '../ingest/raw-tables.ts';
import { userError } from '../messages/message.ts';
import { numberPosition, RIGHTS_ERRORS } from '../messages/rights.ts';
import { keyForDatabase, PERSON_KINDS, pseudonymOf, tombstoneOf } from './identify.ts';
import { lastBuildSettings, rebuild } from './rebuild.ts';
import { rewriteDatabase, type RewriteTimes } from './rewrite.ts';

export interface ForgetPlan {
  /** Persons asked for (distinct after normalisation). */
  persons: number;
  /** Of them, those with at least one row. */
  found: number;
  /** Of them, those erased before (a tombstone exists). */
  alreadyErased: number;
  rows: { kind: Kind; table: string; rows: number }[];
  totalRows: number;
  /** The loads whose rows are removed, with how many each. */
  loads: { loadId: number; file: string; rows: number }[];
  rebuilds: boolean;
}

export interface ForgetResult extends ForgetPlan {
  applied: boolean;
  times?: RewriteTimes;
  warning?: string | null;
}

interface Prepared {
  plan: ForgetPlan;
  pseudonyms: string[];
  tombstones: string[];
}

async function prepare(
  db: Database,
  numbers: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Prepared> {
  await ensureSchema(db);
  const key = await keyForDatabase(db, env);
  if (!key) throw userError(RIGHTS_ERRORS.noPersonIds());
  const pseudonyms = [
    ...new Set(numbers.map((n, i) => pseudonymOf(key.key, n, numberPosition(i + 1)))),
  ];
  const tombstones = pseudonyms.map((p) => tombstoneOf(key.key, p));
  const params = { pids: listValue(pseudonyms) };
  const types = { pids: LIST(VARCHAR) };
  const rows: ForgetPlan['rows'] = [];
  const perLoad = new Map<number, number>();
  const found = new Set<number>();
  for (const kind of PERSON_KINDS) {
    const counts = await db.rows<{ load_id: number; i: number; n: number }>(
      `SELECT _load_id AS load_id, list_position($pids, person_id)::INTEGER AS i, count(*)::INTEGER AS n
       FROM ${rawTable(kind)} WHERE list_contains($pids, person_id) GROUP BY ALL`,
      params,
      types,
    );
    for (const c of counts) {
      perLoad.set(c.load_id, (perLoad.get(c.load_id) ?? 0) + c.n);
      found.add(c.i);
    }
    rows.push({ kind, table: `raw_${kind}`, rows: counts.reduce((s, c) => s + c.n, 0) });
  }
  const loadIds = [...perLoad.keys()].sort((a, b) => a - b);
  const names = loadIds.length
    ? await db.rows<{ load_id: number; file_name: string }>(
        `SELECT load_id, file_name FROM loads WHERE load_id IN (${loadIds.join(', ')})`,
      )
    : [];
  const already = (await db.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM erased_persons WHERE list_contains($t, tombstone)`,
    { t: listValue(tombstones) },
    { t: LIST(VARCHAR) },
  ))!.n;
  const plan: ForgetPlan = {
    persons: pseudonyms.length,
    found: found.size,
    alreadyErased: already,
    rows,
    totalRows: rows.reduce((s, r) => s + r.rows, 0),
    loads: loadIds.map((id) => ({
      loadId: id,
      file: names.find((n) => n.load_id === id)?.file_name ?? '',
      rows: perLoad.get(id)!,
    })),
    rebuilds: (await lastBuildSettings(db)) !== null,
  };
  return { plan, pseudonyms, tombstones };
}

export interface ForgetOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with the plan before anything changes; false stops with nothing changed. */
  confirm?: (plan: ForgetPlan) => boolean | Promise<boolean>;
  /** Only the plan. */
  dryRun?: boolean;
}

export async function forget(
  db: Database,
  numbers: readonly string[],
  options: ForgetOptions = {},
): Promise<ForgetResult> {
  if (!numbers.length) throw userError(RIGHTS_ERRORS.noPersonNamed());
  const { plan, pseudonyms, tombstones } = await prepare(db, numbers, options.env ?? process.env);
  if (options.dryRun) return { ...plan, applied: false };
  if (options.confirm && !(await options.confirm(plan))) {
    throw userError(RIGHTS_ERRORS.notConfirmed());
  }
  const settings = await lastBuildSettings(db);
  let warning: string | null = null;
  const times = await rewriteDatabase(db, {
    keep: (table) => {
      const kind = PERSON_KINDS.find((k) => `raw_${k}` === table);
      // The list is a literal here: INSERT … SELECT in the rewrite takes no parameters.
      return kind
        ? `NOT list_contains([${pseudonyms.map(quoteLiteral).join(', ')}], person_id)`
        : undefined;
    },
    finish: async (fresh) => {
      await ensureSchema(fresh);
      await fresh.transaction(async () => {
        await fresh.run(
          `INSERT INTO erasures (erased_at, reason, persons, keep, load_ids, rows_removed)
           VALUES (now()::TIMESTAMP, 'forget', $persons, NULL, $loads, MAP($tables, $counts))`,
          {
            persons: plan.persons,
            loads: listValue(plan.loads.map((l) => l.loadId)),
            tables: listValue(plan.rows.map((r) => r.table)),
            counts: listValue(plan.rows.map((r) => BigInt(r.rows))),
          },
          { persons: INTEGER, loads: LIST(INTEGER), tables: LIST(VARCHAR), counts: LIST(BIGINT) },
        );
        await fresh.run(
          `INSERT OR IGNORE INTO erased_persons SELECT unnest($t)`,
          { t: listValue(tombstones) },
          { t: LIST(VARCHAR) },
        );
        for (const load of plan.loads) {
          await fresh.run(
            `UPDATE loads SET rows_loaded = rows_loaded - ${load.rows}, rows_erased = coalesce(rows_erased, 0) + ${load.rows} WHERE load_id = ${load.loadId}`,
          );
        }
      });
      warning = await rebuild(fresh, settings);
    },
  });
  return { ...plan, applied: true, times, warning };
}
