// Reading model files from a hand-made sql folder: the materialized: and build: lines of
// the leading comment (in any case), dependencies read from the SQL, and a build: inline
// line on a table model refused (a table model must exist in the build catalog to be
// published).
import { BUILD_ERRORS } from '../../src/messages/build.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readModelFiles } from '../../src/models/model-files.ts';
import { LarsamError } from '../../src/util/errors.ts';

let root = '';
function sqlFolder(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'larsam-model-files-'));
  for (const layer of ['staging', 'intermediate', 'marts']) mkdirSync(join(root, layer));
  for (const [path, sql] of Object.entries(files)) writeFileSync(join(root, path), sql);
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('model files', () => {
  it('reads materialized: view and build: inline, and leaves both out of the description', () => {
    const models = readModelFiles(
      sqlFolder({
        'staging/s_rows.sql':
          '-- Row-level rows.\n-- materialized: view (row level)\n-- build: inline (one reader)\nSELECT 1 AS k FROM raw_results',
        'intermediate/i_link.sql': '-- Links.\n-- materialized: view\nSELECT k FROM s_rows',
        'marts/m_count.sql':
          '-- Counts. s_rows in a comment is no dependency\nSELECT count(*) FROM i_link',
      }),
    );
    const byName = Object.fromEntries(models.map((m) => [m.name, m]));
    expect(byName.s_rows).toMatchObject({
      materialized: 'view',
      inline: true,
      description: 'Row-level rows.',
      dependsOn: [],
    });
    expect(byName.i_link).toMatchObject({
      materialized: 'view',
      inline: false,
      dependsOn: ['s_rows'],
    });
    expect(byName.m_count).toMatchObject({
      materialized: 'table',
      inline: false,
      dependsOn: ['i_link'],
    });
  });
  it('reads materialized: VIEW in any case', () => {
    const models = readModelFiles(
      sqlFolder({
        'staging/s_rows.sql': '-- Rows.\n-- Materialized: VIEW\n-- Build: Inline\nSELECT 1',
      }),
    );
    expect(models[0]).toMatchObject({ materialized: 'view', inline: true });
  });
  it('refuses build: inline on a model kept as a table, naming the file and the fix', () => {
    const folder = sqlFolder({ 'marts/m_table.sql': '-- A mart.\n-- build: inline\nSELECT 1' });
    let caught: unknown;
    try {
      readModelFiles(folder);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LarsamError);
    const error = caught as LarsamError;
    expect(error.message).toBe(BUILD_ERRORS.inlineNotView().text.en);
    expect(error.texts).toEqual(BUILD_ERRORS.inlineNotView());
    expect(error.where.file).toMatch(/marts\/m_table\.sql$/);
    expect(error.fix).toMatch(/-- materialized: view/);
  });
});
