// Writing one generated file: the SELECT of each kind (sql/generate/out/<kind>.sql) and
// one COPY of a whole file (the small kinds; the large ones: large-files.ts).
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../contract/kinds.ts';
import type { Database } from '../db/database.ts';
import { quoteLiteral } from '../db/sql-text.ts';
import { sqlRoot } from '../util/paths.ts';
import type { CheckedOptions } from './options.ts';

export const GENERATE_SQL = join(sqlRoot, 'generate');

export interface GeneratedFile {
  kind: Kind;
  path: string;
  rows: number;
  bytes: number;
  seconds: number;
}

export type GenerateStep = { phase: 'build'; file: string } | { phase: 'write'; kind: Kind };

export function outputSelect(kind: Kind): string {
  return readFileSync(join(GENERATE_SQL, 'out', `${kind}.sql`), 'utf8')
    .trim()
    .replace(/;$/, '');
}

export function copyOptions(format: CheckedOptions['format']): string {
  return format === 'csv'
    ? `(FORMAT csv, HEADER true, DELIMITER ',')`
    : `(FORMAT parquet, COMPRESSION zstd)`;
}

/** Writes one kind's whole file in one COPY on db. */
export async function writeWhole(
  db: Database,
  kind: Kind,
  o: CheckedOptions,
  out: string,
  onStep?: (step: GenerateStep) => void,
): Promise<GeneratedFile> {
  onStep?.({ phase: 'write', kind });
  const fileStarted = performance.now();
  const path = join(out, `${kind}.${o.format}`);
  const partial = `${path}.partial`;
  const select = outputSelect(kind);
  let copied: { Count: bigint }[];
  try {
    if (o.format === 'parquet') {
      // Parquet row groups follow the batches that reach the writer, and those depend
      // on the thread count; a table's scan gives the same batches whatever the threads.
      await db.run(`CREATE OR REPLACE TEMP TABLE g_output AS ${select}`);
      copied = await db.rows(`COPY g_output TO ${quoteLiteral(partial)} ${copyOptions(o.format)}`);
      await db.run('DROP TABLE g_output');
    } else {
      copied = await db.rows(
        `COPY (${select}) TO ${quoteLiteral(partial)} ${copyOptions(o.format)}`,
      );
    }
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  return {
    kind,
    path,
    rows: Number(copied[0]?.Count ?? 0),
    bytes: statSync(path).size,
    seconds: (performance.now() - fileStarted) / 1000,
  };
}
