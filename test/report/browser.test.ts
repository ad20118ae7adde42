// The report in a real browser: Debian's Chromium driven by playwright-core opens
// index.html from disk with every network request blocked and counted. The page draws
// its charts again as live Vega views with tooltips; without JavaScript, or when a chart
// cannot be drawn, the static SVG stays, and the page prints either way.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    );
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  written.sv = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out'));
  written.en = await writeFixtureReport(ws, 'en', join(ws.dir, 'out-en'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  ws?.remove();
});

/** Opens a page with every request other than the file itself refused and counted, and console errors collected. */
async function open(
  file: string,
  javaScriptEnabled = true,
): Promise<{ page: Page; requests: string[]; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `file://${file}`) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  return { page, requests, errors, close: () => context.close() };
}

/** Waits for the live layer to finish: "drawn/all" on <html data-charts>. */
async function chartsDone(page: Page): Promise<string> {
  await page.waitForFunction('document.documentElement.hasAttribute("data-charts")', null, {
    timeout: 30_000,
  });
  return (await page.getAttribute('html', 'data-charts')) ?? '';
}

/** Hovers the marks of a live chart one by one until the chart's tooltip matches; returns the tooltip. */
async function hoverUntil(
  page: Page,
  chart: string,
  marks: string,
  wanted: RegExp,
): Promise<string> {
  const live = page.locator(`#chart-${chart} .chart-live`);
  const candidates = live.locator(marks);
  const count = Math.min(await candidates.count(), 60);
  let last = '';
  for (let i = 0; i < count; i++) {
    const mark = candidates.nth(i);
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    if (!box || box.width === 0 || box.height === 0) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    last = (await live.getAttribute('title')) ?? '';
    if (wanted.test(last)) return last;
  }
  throw new Error(
    `no mark of ${chart} (${marks}) gave a tooltip matching ${wanted}; last: ${JSON.stringify(last)}`,
  );
}

function svgCount(report: WrittenReport): number {
  return report.files.filter((f) => f.endsWith('.svg')).length;
}

describe.each(['sv', 'en'] as const)('index.html (%s) in Chromium', (lang) => {
  it('opens offline with no request, no console error, every chart drawn live and every activity listed', async () => {
    const report = written[lang]!;
    const { page, requests, errors, close } = await open(join(report.folder, 'index.html'));
    const charts = svgCount(report);
    expect(await chartsDone(page)).toBe(`${charts}/${charts}`);

    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    const figures = await page.$$eval('figure.chart', (all) =>
      all.map((figure) => {
        const view = figure.querySelector('.chart-view');
        const svg = view?.querySelector(':scope > .chart-live > svg');
        const box = svg?.getBoundingClientRect();
        return {
          state: view?.getAttribute('data-chart'),
          role: view?.getAttribute('role'),
          label: view?.getAttribute('aria-label') ?? '',
          liveRole: view?.querySelector('.chart-live')?.getAttribute('role') ?? null,
          svgs: figure.querySelectorAll('svg').length,
          caption: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg?.querySelectorAll('path, rect, line, circle, text').length ?? 0,
        };
      }),
    );
    expect(figures.length).toBe(charts);
    for (const figure of figures) {
      expect(figure).toMatchObject({ state: 'live', role: 'img', liveRole: null, svgs: 1 });
      expect(figure.label.length).toBeGreaterThan(20);
      expect(figure.caption.length).toBeGreaterThan(3);
      expect(figure.width).toBeGreaterThan(100);
      expect(figure.height).toBeGreaterThan(50);
      expect(figure.marks).toBeGreaterThan(5);
    }

    const listed = await page.$$eval('table.decisions tbody tr', (rows) => rows.length);
    expect(listed).toBe(report.data.decisions.length);
    const names = await page.$$eval('table.decisions tbody th', (cells) =>
      cells.map((c) => c.textContent?.trim()),
    );
    expect(names.sort()).toEqual(report.data.decisions.map((d) => d.name).sort());

    const headings = await page.$$eval('h1, h2, h3, h4', (hs) =>
      hs.map((h) => Number(h.tagName[1])),
    );
    expect(headings[0]).toBe(1);
    for (let i = 1; i < headings.length; i++)
      expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true });
    await close();
  });

  it(`shows tooltips in the language's number format, ".." for a hidden value, and prints to A4`, async () => {
    const report = written[lang]!;
    const { page, requests, errors, close } = await open(join(report.folder, 'index.html'));
    await chartsDone(page);
    const sv = lang === 'sv';

    // A heat-map cell: the fixture's region has ten new students in a term, so secondary
    // suppression hides every municipality and county of the review term: "..", no number.
    const cell = await hoverUntil(
      page,
      'new-students-per-10k',
      'g.mark-rect path',
      /\n(Värde|Value): \.\. \(/,
    );
    expect(cell.split('\n')).toHaveLength(3);
    expect(cell.split('\n')[2]).not.toMatch(/\d/);
    // A goal's point in the goals chart carries its value in the goal's own unit, never a
    // percent of the target: the fixture's visible goals are counts (50 participants against
    // a target of ≥ 40, which as a percent of target would have read 125 %).
    const goal = await hoverUntil(
      page,
      'goals-forest',
      'g.mark-symbol path',
      /\n(Värde|Value): [1-9]\d*\n/,
    );
    expect(goal).toContain(
      sv ? '\nVärde: 50\nMål: ≥ 40\nStatus: uppnått' : '\nValue: 50\nTarget: ≥ 40\nStatus: met',
    );
    expect(goal).not.toMatch(/%/);
    // The live chart's axes use the language's locale too.
    const ticks = await page.$$eval('#chart-goals-forest .chart-live text', (texts) =>
      texts.map((t) => t.textContent ?? ''),
    );
    expect(ticks.some((t) => (sv ? /^\d+\u00a0%$/ : /^\d+%$/).test(t))).toBe(true);
    // A suppressed goal in the forest plot: ".." and no number of it.
    const hidden = await hoverUntil(page, 'goals-forest', 'g.mark-text text', /\.\. \(/);
    for (const line of hidden.split('\n').filter((l) => l.includes('..')))
      expect(line).not.toMatch(/\d/);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);

    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('reads and prints without JavaScript: every chart is its static SVG', async () => {
    const report = written[lang]!;
    const { page, requests, errors, close } = await open(join(report.folder, 'index.html'), false);
    const states = await page.$$eval('figure.chart .chart-view', (views) =>
      views.map((view) => ({
        state: view.getAttribute('data-chart'),
        role: view.getAttribute('role'),
        svg: view.querySelector(':scope > svg')?.getBoundingClientRect().width ?? 0,
      })),
    );
    expect(states).toHaveLength(svgCount(report));
    for (const state of states) {
      expect(state).toMatchObject({ state: 'static', role: 'img' });
      expect(state.svg).toBeGreaterThan(100);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a chart the page cannot draw', () => {
  it('keeps its static SVG, the other charts go live, and nothing is logged', async () => {
    const report = written.sv!;
    const html = readFileSync(join(report.folder, 'index.html'), 'utf8');
    // One spec Vega cannot parse, one that is not JSON at all.
    const broken = html
      .replace(
        /(<script type="application\/json" id="vega-goals-forest">)[^<]*(<\/script>)/,
        '$1{"marks":[{"type":"no-such-mark"}]}$2',
      )
      .replace(
        /(<script type="application\/json" id="vega-new-students-per-10k">)[^<]*(<\/script>)/,
        '$1{"data":$2',
      );
    expect(broken).not.toBe(html);
    const file = join(report.folder, 'index-broken.html');
    writeFileSync(file, broken);
    const { page, requests, errors, close } = await open(file);
    const charts = svgCount(report);
    expect(await chartsDone(page)).toBe(`${charts - 2}/${charts}`);
    for (const name of ['goals-forest', 'new-students-per-10k']) {
      expect(await page.getAttribute(`#chart-${name} .chart-view`, 'data-chart')).toBe('static');
      expect(await page.locator(`#chart-${name} .chart-view > svg`).count()).toBe(1);
    }
    expect(await page.locator('.chart-view[data-chart="live"]').count()).toBe(charts - 2);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
