// Small-cell protection everywhere (indicators.md, report.md): build the report on data
// with small cells, take every number the database hides from publication, and search
// every file of the report for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { Workspace } from '../helpers/workspace.ts';
import { buildFixtureDatabase, writeFixtureReport } from '../helpers/report-fixture.ts';

let ws: Workspace;
let texts: Map<string, string>;
let hidden: number[];
let shown: Set<string>;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Written forms of a number that are distinctive enough to search for: a number with
 * three decimals or fewer (0.125) also stands in SVG coordinates and styles. */
function forms(value: number): string[] {
  if (Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-9) return [];
  const fixed = value.toFixed(4);
  return [String(value), fixed, fixed.replace('.', ',')];
}

beforeAll(async () => {
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  const sv = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out'));
  const en = await writeFixtureReport(ws, 'en', join(ws.dir, 'out-en'));
  texts = new Map(
    [...allFiles(sv.folder), ...allFiles(en.folder)]
      .filter((f) => !f.endsWith('.png'))
      .map((f) => [f, readFileSync(f, 'utf8')]),
  );
  const db = await Database.open(ws.dbPath, { readOnly: true });
  try {
    const rows = await db.rows<{
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      ci_low: number | null;
      ci_high: number | null;
    }>(
      `SELECT i.value, i.numerator, i.denominator, i.ci_low, i.ci_high
       FROM indicators i JOIN published_indicators p USING (scope, scope_id, term, indicator, "group")
       WHERE p.suppressed`,
    );
    hidden = rows
      .flatMap((r) => [r.value, r.numerator, r.denominator, r.ci_low, r.ci_high])
      .filter((v): v is number => v !== null && !Number.isInteger(v));
    const published = await db.rows<{ v: number }>(
      `SELECT unnest([value, numerator, denominator, ci_low, ci_high]) AS v FROM published_indicators WHERE NOT suppressed`,
    );
    shown = new Set(published.filter((p) => p.v !== null).flatMap((p) => forms(p.v)));
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => ws.remove());

describe('small-cell protection in every output file', () => {
  it('has hidden values to look for (the fixture is small on purpose)', () => {
    expect(hidden.filter((v) => forms(v).length > 0).length).toBeGreaterThan(10);
  });

  it('shows none of the hidden values in any file, in any written form', () => {
    const leaks: string[] = [];
    for (const value of hidden) {
      for (const form of forms(value)) {
        if (shown.has(form)) continue; // the same number is public elsewhere
        for (const [file, text] of texts) {
          // CSV writes '.' decimals and ',' between fields: "0,1111" there is two fields
          if (file.endsWith('.csv') && form.includes(',')) continue;
          if (text.includes(form)) leaks.push(`${form} in ${file}`);
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('marks suppressed values with .. in the CSV and leaves their numbers empty', () => {
    const csv = [...texts].find(([f]) => f.endsWith(`out/VT2026/indicators.csv`))![1];
    const suppressedLines = csv.split('\n').filter((line) => line.endsWith(',true'));
    expect(suppressedLines.length).toBeGreaterThan(0);
    for (const line of suppressedLines) {
      const cells = line.split(',');
      expect(cells.slice(5, 11)).toEqual(['', '', '', '', '', '']);
    }
  });
});
