// The report page as its readers get it, in Debian's Chromium: on a 1280 px screen and a
// 390 px phone (accessibility by axe-core, WCAG 2.1 AA; nothing wider than the screen;
// the decision sheet's recommendation and reason on screen; chart text at least 10 px),
// and printed to A4 with the browser's default of no background graphics (the badges keep
// their colours, and each page says "Sida n av m"). Screenshots and the PDF go to
// test-artifacts/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { buildFixtureDatabase, writeFixtureReport } from '../helpers/report-fixture.ts';
import { Workspace } from '../helpers/workspace.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(projectRoot, 'test-artifacts');
const WIDTHS = [1280, 390] as const;

let ws: Workspace;
let browser: Browser;
let index: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    );
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  const written = await writeFixtureReport(ws, 'sv', join(ws.dir, 'out'));
  index = join(written.folder, 'index.html');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  ws?.remove();
});

/** The page at a width, offline, its live charts drawn. */
async function open(width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === `file://${index}` ? route.continue() : route.abort(),
  );
  await page.goto(`file://${index}`);
  await page.waitForFunction('document.documentElement.hasAttribute("data-charts")', null, {
    timeout: 30_000,
  });
  return { page, close: () => context.close() };
}

describe.each(WIDTHS)('the report at %i px', (width) => {
  it('passes axe (WCAG 2.1 A and AA), is no wider than the screen, and shows every recommendation with its reason', async () => {
    const { page, close } = await open(width);
    try {
      await page.screenshot({ path: join(ARTIFACTS, `page-${width}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const violations = axe.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(violations).toEqual([]);

      // The page never scrolls sideways; a chart wider than the screen scrolls in its own box.
      // (Browser code as text: the project's types have no DOM.)
      const overflow = (await page.evaluate(
        '({ page: document.documentElement.scrollWidth, screen: window.innerWidth })',
      )) as { page: number; screen: number };
      expect(overflow.page).toBeLessThanOrEqual(overflow.screen);

      // Every cell of the decision sheet, and in each row the badge and the reason beside
      // it, lie wholly on screen (an empty cell is hidden on a phone and skipped here).
      type Box = { what: string; left: number; right: number; width: number; height: number };
      const boxes =
        (await page.evaluate(`[...document.querySelectorAll('table.decisions tbody tr')].flatMap((row) => {
        const box = (el, what) => {
          if (!el) return [{ what, left: 0, right: 0, width: 0, height: 0 }];
          const r = el.getBoundingClientRect();
          return [{ what, left: r.left, right: r.right, width: r.width, height: r.height }];
        };
        const name = row.querySelector('th')?.textContent ?? '?';
        return [
          ...[...row.children].filter((c) => c.textContent.trim()).flatMap((c, i) => box(c, name + ', cell ' + (i + 1))),
          ...box(row.querySelector('.badge'), name + ', badge'),
          ...box(row.querySelector('.reason'), name + ', reason'),
        ];
      })`)) as Box[];
      expect(boxes.filter((b) => b.what.endsWith('badge')).length).toBeGreaterThan(3);
      const offScreen = boxes.filter(
        (b) => b.width * b.height === 0 || b.left < 0 || b.right > width + 0.5,
      );
      expect(offScreen).toEqual([]);
    } finally {
      await close();
    }
  });

  it('draws no chart text smaller than 10 px', async () => {
    const { page, close } = await open(width);
    try {
      // A text's size on screen: its font size times the scale its SVG is drawn at.
      const sizes = (await page.evaluate(`[...document.querySelectorAll('figure.chart svg text')]
        .filter((t) => t.textContent.trim() && t.getClientRects().length)
        .map((t) => {
          const m = t.getScreenCTM();
          const size = Number.parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
          return { chart: t.closest('figure')?.id ?? '', text: t.textContent, size: Math.round(size * 10) / 10 };
        })`)) as { chart: string; text: string; size: number }[];
      expect(sizes.length).toBeGreaterThan(50);
      expect(sizes.filter((s) => s.size < 10)).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Pixels of each colour in a binary PPM (P6, what pdftoppm writes). */
function countColours(ppm: Buffer, colours: Record<string, [number, number, number]>) {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM with 8-bit samples');
  const counts = Object.fromEntries(Object.keys(colours).map((name) => [name, 0]));
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    for (const [name, [r, g, b]] of Object.entries(colours))
      if (
        Math.abs(ppm[i]! - r) <= 8 &&
        Math.abs(ppm[i + 1]! - g) <= 8 &&
        Math.abs(ppm[i + 2]! - b) <= 8
      )
        counts[name]!++;
  return counts;
}

describe('the report printed to A4', () => {
  it('keeps the badge colours without background graphics and numbers each page "Sida n av m"', async () => {
    const { page, close } = await open(1280);
    try {
      const badges = await page.$$eval('.badge', (all) => all.map((b) => b.className));
      // The fixture's sheet holds a continue and a develop badge (or the check below is empty).
      expect(badges.some((c) => c.includes('rec-continue'))).toBe(true);
      expect(badges.some((c) => c.includes('rec-develop'))).toBe(true);
      const pdf = await page.pdf({ format: 'A4' }); // printBackground: false, the browser's default
      const file = join(ARTIFACTS, 'page-print.pdf');
      writeFileSync(file, pdf);

      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((p, i) => {
        expect(p).toContain(`Sida ${i + 1} av ${pages.length}`);
        expect(p).toContain('Terminsrapport');
      });

      // Page images at 50 dpi: the badges' background colours are on paper
      // (#009E73 continue, #E69F00 develop); stripped backgrounds would leave none.
      const prefix = join(ARTIFACTS, 'page-print');
      execFileSync('pdftoppm', ['-r', '50', file, prefix]);
      const images = readdirSync(ARTIFACTS).filter(
        (n) => n.startsWith('page-print-') && n.endsWith('.ppm'),
      );
      const totals = { continue: 0, develop: 0 };
      for (const name of images) {
        const counts = countColours(readFileSync(join(ARTIFACTS, name)), {
          continue: [0x00, 0x9e, 0x73],
          develop: [0xe6, 0x9f, 0x00],
        });
        totals.continue += counts.continue!;
        totals.develop += counts.develop!;
      }
      expect(totals.continue).toBeGreaterThan(20);
      expect(totals.develop).toBeGreaterThan(20);
    } finally {
      await close();
    }
  }, 90_000);
});
