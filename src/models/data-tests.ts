// Data tests: each file in sql/tests is a query returning the rows that break one rule.
// A leading comment describes it; a line "-- severity: warn" makes it a warning
// (reported, build goes on); otherwise it is an error that stops the build. The Swedish
// of each description is in the message catalogue (DATA_TEST_DESCRIPTIONS), by test name.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Database } from '../db/database.ts';
import { projectRoot, sqlRoot } from '../util/paths.ts';
import type { Text } from '../i18n/text.ts';
import { BUILD_ERRORS, dataTestDescription } from '../messages/build.ts';
import { userError } from '../messages/message.ts';
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
  /** The leading comment (English), as stored in data_test_results. */
  description: string;
  /** The description in both languages (the message catalogue, src/messages/build.ts). */
  descriptions: Text;
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
        descriptions: dataTestDescription(basename(name, '.sql'), description),
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
            const cause = error instanceof Error ? error.message.split('\n')[0]! : String(error);
            throw userError(BUILD_ERRORS.dataTestCannotRun(test.name, cause), {
              where: { file: test.file },
              cause: error,
            });
          }
        },
      };
      return test;
    });
}
