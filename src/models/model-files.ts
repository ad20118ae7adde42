// Models are plain SQL files (one SELECT each) named after the table they produce, in
// sql/staging, sql/intermediate and sql/marts. Their dependencies are read from the SQL
// itself: any other model's name (or a raw_ table) used as a word outside comments and
// strings. No list of models is kept anywhere else. A model is kept as a table unless its
// leading comment says `materialized: view` (row-level models too big to store twice);
// such a model is stored while building unless it also says `build: inline` (see build.ts).
// A few models are computed in TypeScript (computed-models.ts: a search SQL cannot
// express); they take part in the order like the others, reading what they declare.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { projectRoot, sqlRoot } from '../util/paths.ts';
import { BUILD_ERRORS } from '../messages/build.ts';
import { userError } from '../messages/message.ts';
import type { Database } from '../db/database.ts';
import { COMPUTED_MODELS, type ComputedModel } from './computed-models.ts';

export const MODEL_LAYERS = ['staging', 'intermediate', 'marts'] as const;

export interface ModelFile {
  name: string;
  /** Path relative to the project, for messages. */
  file: string;
  sql: string;
  /** Names of other models this one reads. */
  dependsOn: string[];
  description: string;
  /** How the database keeps it after a build: 'view' for row-level models read by other models only. */
  materialized: 'table' | 'view';
  /**
   * A view model not stored while building either: its SQL runs inside each model or data
   * test that reads it (meant for a model with one reader; one nothing reads is not run).
   */
  inline: boolean;
  /** For a model computed in TypeScript: makes its table (sql is then empty). */
  compute?: (db: Database) => Promise<void>;
}

const MATERIALIZED = /^materialized:\s*(table|view)\b/i;
const INLINE = /^build:\s*inline\b/i;

/** SQL with comments and string literals blanked out (same length, same line breaks). */
export function codeOnly(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/'(?:[^']|'')*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

function leadingCommentLines(sql: string): string[] {
  const lines: string[] = [];
  for (const line of sql.split('\n')) {
    const match = /^\s*--\s?(.*)$/.exec(line);
    if (!match) break;
    lines.push(match[1]!);
  }
  return lines;
}

/** The model's description: its leading comment without the materialized: and build: lines. */
export function leadingComment(sql: string): string {
  return leadingCommentLines(sql)
    .filter((line) => !MATERIALIZED.test(line) && !INLINE.test(line))
    .join(' ')
    .trim();
}

function materializedAs(sql: string): 'table' | 'view' {
  const line = leadingCommentLines(sql).find((l) => MATERIALIZED.test(l));
  return line && MATERIALIZED.exec(line)![1]!.toLowerCase() === 'view' ? 'view' : 'table';
}

/** Which of `names` the SQL uses as a word outside comments and strings, sorted. */
export function namesReadBy(sql: string, names: Iterable<string>): string[] {
  const words = new Set(
    codeOnly(sql)
      .toLowerCase()
      .match(/[a-z_][a-z0-9_]*/g) ?? [],
  );
  return [...names].filter((name) => words.has(name)).sort();
}

export function readModelFiles(
  root = sqlRoot,
  computed: readonly ComputedModel[] = root === sqlRoot ? COMPUTED_MODELS : [],
): ModelFile[] {
  const files = MODEL_LAYERS.flatMap((layer) =>
    readdirSync(join(root, layer))
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .map((name) => join(root, layer, name)),
  );
  const names = new Set([
    ...files.map((path) => basename(path, '.sql')),
    ...computed.map((m) => m.name),
  ]);
  const computedModels: ModelFile[] = computed.map((m) => ({
    name: m.name,
    file: m.file,
    sql: '',
    dependsOn: [...m.reads].sort(),
    description: m.description,
    materialized: 'table',
    inline: false,
    compute: m.compute,
  }));
  return [
    ...files.map((path) => {
      const sql = readFileSync(path, 'utf8');
      const name = basename(path, '.sql');
      const inline = leadingCommentLines(sql).some((line) => INLINE.test(line));
      if (inline && materializedAs(sql) !== 'view') {
        // a table model must exist in the build catalog to be copied when the build is published
        throw userError(BUILD_ERRORS.inlineNotView(), {
          where: { file: relative(projectRoot, path) },
        });
      }
      return {
        name,
        file: relative(projectRoot, path),
        sql,
        dependsOn: namesReadBy(sql, names).filter((other) => other !== name),
        description: leadingComment(sql),
        materialized: materializedAs(sql),
        inline,
      };
    }),
    ...computedModels,
  ];
}

/**
 * Models in an order where each comes after everything it reads. Of the models ready to
 * build, one that is the last reader of a row-level model (materialized: view) goes
 * first, then one that reads a row-level model, then by name: so the build can drop the
 * row-level tables soon (data tests may keep them a little longer; see build-schedule.ts).
 */
export function buildOrder(models: ModelFile[]): ModelFile[] {
  refuseCircles(models);
  const done = new Set<string>();
  const order: ModelFile[] = [];
  let remaining = [...models].sort((a, b) => a.name.localeCompare(b.name));
  const rowLevel = new Set(models.filter((m) => m.materialized === 'view').map((m) => m.name));
  while (remaining.length) {
    const ready = remaining.filter((m) => m.dependsOn.every((d) => done.has(d)));
    const readsHeld = (m: ModelFile) => m.dependsOn.some((d) => rowLevel.has(d));
    const lastReader = (m: ModelFile) =>
      m.dependsOn.some(
        (d) =>
          rowLevel.has(d) &&
          remaining.every((other) => other === m || !other.dependsOn.includes(d)),
      );
    const next = ready.find(lastReader) ?? ready.find(readsHeld) ?? ready[0]!;
    order.push(next);
    done.add(next.name);
    remaining = remaining.filter((m) => m !== next);
  }
  return order;
}

function refuseCircles(models: ModelFile[]): void {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (model: ModelFile, path: string[]) => {
    if (done.has(model.name)) return;
    if (visiting.has(model.name)) {
      throw new Error(`models read each other in a circle: ${[...path, model.name].join(' → ')}`);
    }
    visiting.add(model.name);
    for (const dependency of model.dependsOn) visit(byName.get(dependency)!, [...path, model.name]);
    visiting.delete(model.name);
    done.add(model.name);
  };
  for (const model of models) visit(model, []);
}

/** Every model the named one reads, directly or through others, in build order. */
export function upstreamOf(name: string, models: ModelFile[]): ModelFile[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const seen = new Set<string>();
  const walk = (n: string) => {
    for (const dependency of byName.get(n)?.dependsOn ?? []) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        walk(dependency);
      }
    }
  };
  walk(name);
  return buildOrder(models).filter((m) => seen.has(m.name));
}
