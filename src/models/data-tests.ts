// Data tests: each file in sql/tests is a query returning the rows that break one rule.
// A leading comment describes it; a line "-- severity: warn" makes it a warning
// (reported, build goes on); otherwise it is an error that stops the build.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Database } from '../db/database.ts';
import { projectRoot, sqlRoot } from '../util/paths.ts';
import { LarsamError } from '../util/errors.ts';
import { leadingComment } from './model-files.ts';

export interface DataTestResult {
  name: string;
  file: string;
  severity: 'error' | 'warn';
  failingRows: number;
  description: string;
}

export interface DataTest {
  name: string;
  file: string;
  severity: 'error' | 'warn';
  description: string;
  sql: string;
  run(db: Database): Promise<DataTestResult>;
}

export function readDataTests(root = sqlRoot): DataTest[] {
  const dir = join(root, 'tests');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const sql = readFileSync(path, 'utf8');
      const comment = leadingComment(sql);
      const severity = /severity:\s*warn/i.test(comment) ? 'warn' : 'error';
      const description = comment.replace(/severity:\s*\w+\.?/i, '').trim();
      const test: DataTest = {
        name: basename(name, '.sql'),
        file: relative(projectRoot, path),
        severity,
        description,
        sql,
        async run(db) {
          try {
            const row = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM (\n${sql}\n)`);
            return {
              name: test.name,
              file: test.file,
              severity,
              failingRows: Number(row!.n),
              description,
            };
          } catch (error) {
            throw new LarsamError(
              `the data test ${test.name} could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
              {
                where: { file: test.file },
                fix: 'correct the SQL in that file',
                cause: error,
              },
            );
          }
        },
      };
      return test;
    });
}
