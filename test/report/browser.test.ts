// The report in a real browser: Debian's Chromium driven by playwright-core opens
// index.html from disk with every network request blocked and counted.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { Workspace } from '../helpers/workspace.ts';
import { buildFixtureDatabase, writeFixtureReport } from '../helpers/report-fixture.ts';
import type { WrittenReport } from '../../src/report/write-report.ts';
import { projectRoot } from '../../src/util/paths.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(projectRoot, 'test-artifacts');

let ws: Workspace;
let browser: Browser;
const written: Partial<Record<'sv' | 'en', WrittenReport>> = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  written.sv = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out'));
  written.en = await writeFixtureReport(ws, 'en', join(ws.dir, 'out-en'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  ws?.remove();
});

describe.each(['sv', 'en'] as const)('index.html (%s) in Chromium', (lang) => {
  it('opens offline with no request, no console error, every chart drawn and every activity listed', async () => {
    const report = written[lang]!;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') && url.endsWith('/index.html')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${join(report.folder, 'index.html')}`);
    await page.waitForLoadState('load');

    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    const charts = await page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, rect, line, circle, text').length };
      }),
    );
    expect(charts.length).toBe(report.files.filter((f) => f.endsWith('.svg')).length);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
      expect(chart.marks).toBeGreaterThan(5);
    }

    const listed = await page.$$eval('table.decisions tbody tr', (rows) => rows.length);
    expect(listed).toBe(report.data.decisions.length);
    const names = await page.$$eval('table.decisions tbody th', (cells) => cells.map((c) => c.textContent?.trim()));
    expect(names.sort()).toEqual(report.data.decisions.map((d) => d.name).sort());

    const headings = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(headings[0]).toBe(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
    await context.close();
  });
});
