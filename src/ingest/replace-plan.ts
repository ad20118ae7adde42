// What an ingest will remove, worked out before anything changes, so the command can
// name each file and row count and ask before a replacement takes most of a kind.
// A new version of the same path always replaces that path's load; --replace also
// replaces loads of the same file name (any folder); --replace-kind every load of the
// kind. A load whose content is one of the inputs' is kept: that input is unchanged.
import { basename } from 'node:path';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';

/** 'path': only an earlier version of the same path (the default); 'name': --replace; 'kind': --replace-kind. */
export type ReplaceMode = 'path' | 'name' | 'kind';

export interface LedgerLoad {
  loadId: number;
  path: string;
  fileName: string;
  sha256: string;
  kind: Kind;
  rows: number;
}

export interface PlannedInput {
  path: string;
  kind: Kind;
  sha256: string;
}

export interface Removal {
  loadId: number;
  file: string;
  path: string;
  kind: Kind;
  rows: number;
  /** The input that takes its place, and why it matches. */
  by: string;
  because: 'same path' | 'same file name' | 'same kind';
}

export interface KindShare {
  kind: Kind;
  removedRows: number;
  loadedRows: number;
}

export interface ReplacePlan {
  mode: ReplaceMode;
  removals: Removal[];
  /** The load ids each input path replaces (a load planned for several inputs goes with whichever loads first). */
  byInput: Map<string, number[]>;
  /** Per kind with removals: rows removed and rows loaded before. */
  kinds: KindShare[];
}

/** The loads in use now, as the plan needs them. */
export async function readLoadedLedger(db: Database): Promise<LedgerLoad[]> {
  return db.rows<LedgerLoad>(
    `SELECT load_id AS "loadId", path, file_name AS "fileName", sha256, kind, rows_loaded::INTEGER AS rows
     FROM loads WHERE status = 'loaded' ORDER BY load_id`,
  );
}

function because(
  load: LedgerLoad,
  input: PlannedInput,
  mode: ReplaceMode,
): Removal['because'] | undefined {
  if (load.kind !== input.kind) return undefined;
  if (load.path === input.path) return 'same path';
  if (mode === 'name' && load.fileName === basename(input.path)) return 'same file name';
  if (mode === 'kind') return 'same kind';
  return undefined;
}

/** The plan, from the loads in use and the inputs in the order they will load. Pure. */
export function planReplacement(
  loaded: LedgerLoad[],
  inputs: PlannedInput[],
  mode: ReplaceMode,
): ReplacePlan {
  const contentKey = (kind: string, sha: string) => `${kind}\u0000${sha}`;
  const inputContents = new Set(inputs.map((i) => contentKey(i.kind, i.sha256)));
  const seen = new Set(loaded.map((l) => contentKey(l.kind, l.sha256)));
  const removals = new Map<number, Removal>();
  const byInput = new Map<string, number[]>();
  for (const input of inputs) {
    const key = contentKey(input.kind, input.sha256);
    // Content already loaded (or loaded by an earlier input of this run): unchanged, removes nothing.
    if (seen.has(key)) continue;
    seen.add(key);
    const ids: number[] = [];
    for (const load of loaded) {
      const why = because(load, input, mode);
      if (!why || inputContents.has(contentKey(load.kind, load.sha256))) continue;
      ids.push(load.loadId);
      if (!removals.has(load.loadId)) {
        removals.set(load.loadId, {
          loadId: load.loadId,
          file: load.fileName,
          path: load.path,
          kind: load.kind,
          rows: load.rows,
          by: input.path,
          because: why,
        });
      }
    }
    if (ids.length) byInput.set(input.path, ids);
  }
  const list = [...removals.values()].sort((a, b) => a.loadId - b.loadId);
  const kinds = [...new Set(list.map((r) => r.kind))].sort().map((kind) => ({
    kind,
    removedRows: list.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.rows, 0),
    loadedRows: loaded.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.rows, 0),
  }));
  return { mode, removals: list, byInput, kinds };
}

/**
 * The kinds where --replace or --replace-kind would remove more than half of the rows
 * loaded: those ask first. A new version of the same path is what a plain ingest does
 * every term, so its own removals never ask (they are still announced).
 */
export function kindsNeedingConfirmation(plan: ReplacePlan): KindShare[] {
  const beyondSamePath = (kind: Kind) =>
    plan.removals
      .filter((r) => r.kind === kind && r.because !== 'same path')
      .reduce((sum, r) => sum + r.rows, 0);
  return plan.kinds.filter((share) => beyondSamePath(share.kind) * 2 > share.loadedRows);
}
