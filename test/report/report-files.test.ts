// The report folder on a small fixed data set: the files of report.md, goldens for the
// page structure and the CSVs, byte-identical reruns, both languages without leaks.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { buildFixtureDatabase, writeFixtureReport } from '../helpers/report-fixture.ts';
import type { WrittenReport } from '../../src/report/write-report.ts';
import { allTexts } from '../../src/report/html/texts.ts';
import { validateVegaLite } from './charts/helpers.ts';
import * as vl from 'vega-lite';

const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

let ws: Workspace;
let sv: WrittenReport;
let en: WrittenReport;

beforeAll(async () => {
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  sv = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out-sv'));
  en = await writeFixtureReport(ws, 'en', join(ws.dir, 'out-en'));
}, 120_000);
afterAll(() => ws.remove());

/** Headings and table headers: the page's structure, without the numbers. */
function structure(html: string): string {
  const lines: string[] = [];
  for (const match of html.matchAll(
    /<(h[1-4])\b[^>]*>([\s\S]*?)<\/\1>|<thead><tr>([\s\S]*?)<\/tr><\/thead>|<figure class="chart" id="([^"]+)"/g,
  )) {
    if (match[1])
      lines.push(
        `${match[1]} ${match[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim()}`,
      );
    else if (match[3])
      lines.push(`  table: ${match[3].replace(/<[^>]+>/g, '|').replace(/\|+/g, '|')}`);
    else lines.push(`  figure ${match[4]}`);
  }
  return `${lines.join('\n')}\n`;
}

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual, `golden ${name} (update on purpose with UPDATE_GOLDENS=1)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

describe('report folder', () => {
  it('holds every file of report.md for the review term', () => {
    expect(sv.reviewTerm).toBe('VT2026');
    const names = readdirSync(sv.folder).sort();
    expect(names).toEqual([
      'charts',
      'decisions.csv',
      'index.html',
      'indicators.csv',
      'report.json',
    ]);
    const charts = readdirSync(join(sv.folder, 'charts'));
    const stems = new Set(charts.map((c) => c.replace(/\.(vl\.json|svg|png)$/, '')));
    for (const stem of stems)
      for (const ext of ['vl.json', 'svg', 'png']) expect(charts).toContain(`${stem}.${ext}`);
    expect(stems).toContain('goals-forest');
    expect(stems).toContain('activity-T1-trend');
  });

  it('writes every chart as a Vega-Lite spec that is valid against the schema and compiles', () => {
    const specs = readdirSync(join(sv.folder, 'charts')).filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThan(5);
    for (const file of specs) {
      const spec = JSON.parse(
        readFileSync(join(sv.folder, 'charts', file), 'utf8'),
      ) as vl.TopLevelSpec;
      expect(validateVegaLite(spec), file).toEqual([]);
      expect(() => vl.compile(spec), file).not.toThrow();
    }
  });

  it('matches the goldens: page structure, indicators.csv, decisions.csv, report.json', () => {
    golden('structure-sv.txt', structure(readFileSync(join(sv.folder, 'index.html'), 'utf8')));
    golden('structure-en.txt', structure(readFileSync(join(en.folder, 'index.html'), 'utf8')));
    golden('indicators.csv', readFileSync(join(sv.folder, 'indicators.csv'), 'utf8'));
    golden('decisions-sv.csv', readFileSync(join(sv.folder, 'decisions.csv'), 'utf8'));
    golden('decisions-en.csv', readFileSync(join(en.folder, 'decisions.csv'), 'utf8'));
    golden('report-sv.json', readFileSync(join(sv.folder, 'report.json'), 'utf8'));
  });

  it('writes CSV as UTF-8 with BOM and the contract header', () => {
    const csv = readFileSync(join(sv.folder, 'indicators.csv'), 'utf8');
    expect(
      csv.startsWith(
        '\uFEFFscope,scope_id,term,indicator,group,value,numerator,denominator,ci_low,ci_high,n,preliminary,suppressed\n',
      ),
    ).toBe(true);
    const decisions = readFileSync(join(sv.folder, 'decisions.csv'), 'utf8');
    expect(decisions.split('\n')[0]).toBe(
      '\uFEFFactivity_id,name,kind,municipality_code,centre_id,review_term,recommendation,goals_total,goals_met,goals_likely_met,goals_likely_missed,goals_missed,goals_insufficient,goals_not_due,need_documented,reasons',
    );
  });

  it('is byte-identical when written again from the same database', async () => {
    const again = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out-sv-again'));
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? files(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name],
        )
        .sort();
    expect(files(again.folder)).toEqual(files(sv.folder));
    for (const file of files(sv.folder)) {
      expect(
        readFileSync(join(again.folder, file)).equals(readFileSync(join(sv.folder, file))),
        file,
      ).toBe(true);
    }
  });

  it('lets no Swedish page text into the English report and no English into the Swedish', () => {
    const english = readFileSync(join(en.folder, 'index.html'), 'utf8');
    const swedish = readFileSync(join(sv.folder, 'index.html'), 'utf8');
    const svOnly = allTexts('sv').filter((t) => t.length > 3 && !allTexts('en').includes(t));
    const enOnly = allTexts('en').filter((t) => t.length > 3 && !allTexts('sv').includes(t));
    for (const t of svOnly)
      expect(english, `Swedish "${t}" in the English report`).not.toContain(`>${t}<`);
    for (const t of enOnly)
      expect(swedish, `English "${t}" in the Swedish report`).not.toContain(`>${t}<`);
    expect(english).toContain('<html lang="en">');
    for (const word of ['fortsätt', 'utveckla', 'uppnått', 'Konvertering', 'Beslutsunderlag'])
      expect(english).not.toContain(word);
    for (const word of ['continue</span>', 'likely met', 'Decision sheet'])
      expect(swedish).not.toContain(word);
  });
});
