// The page places every chart of the registry in the section the registry names, by
// reference; a chart left out because every value is suppressed is said so in its
// place, and one the page was not handed is a visible warning, never silent.
import { describe, expect, it } from 'vitest';
import {
  CHART_LIST,
  CHARTS,
  produceCharts,
  type ProducedChart,
} from '../../../src/report/chart-registry.ts';
import { WORDS } from '../../../src/report/charts/labels.ts';
import { esc } from '../../../src/report/html/escape.ts';
import { placeChart, type RenderedChart, unplacedCharts } from '../../../src/report/html/figure.ts';
import { reportPage } from '../../../src/report/html/page.ts';
import type { ReportData } from '../../../src/report/report-data.ts';
import { allSuppressed, chartsOf, reportFixture } from './report-fixture.ts';

/** The page with every drawn chart handed to it (a stand-in SVG: placement is tested, not drawing). */
function page(
  data: ReportData,
  hand = true,
): { html: string; rendered: Map<string, RenderedChart> } {
  const rendered = new Map<string, RenderedChart>();
  for (const p of produceCharts(data))
    if (hand && p.status === 'drawn')
      rendered.set(p.name, { ...p.chart, svg: `<svg data-stand-in="${p.name}"></svg>` });
  return { html: reportPage(data, rendered, 'Report', '0.0.0'), rendered };
}

function sections(html: string): Map<string, string> {
  return new Map(
    [...html.matchAll(/<section id="([\w-]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]),
  );
}

const drawn = (p: ProducedChart) => p.status === 'drawn';

describe.each(['sv', 'en'] as const)('chart placement (%s)', (lang) => {
  const data = reportFixture(lang);
  const { html, rendered } = page(data);
  const bySection = sections(html);

  it.each(CHART_LIST.map((entry) => [entry.id, entry] as const))(
    '%s is placed in the section the registry names',
    (_, entry) => {
      const produced = chartsOf(data, entry).filter(drawn);
      expect(produced.length).toBeGreaterThan(0);
      for (const p of produced)
        expect(bySection.get(entry.section), `${p.name} in #${entry.section}`).toContain(
          `<figure class="chart" id="chart-${esc(p.name)}">`,
        );
    },
  );

  it('places every chart handed to it, each once', () => {
    expect(unplacedCharts(html, rendered)).toEqual([]);
    const figures = [...html.matchAll(/<figure class="chart" id="chart-([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(figures.sort()).toEqual([...rendered.keys()].sort());
  });

  it('names a chart no section places', () => {
    const extra = new Map(rendered).set('stray', { ...rendered.get('goals-forest')! });
    expect(unplacedCharts(html, extra)).toEqual(['stray']);
  });

  it('says so in the place of a chart whose every value is suppressed', () => {
    const hidden = allSuppressed(data);
    const left = produceCharts(hidden).filter((p) => p.status === 'suppressed');
    expect(left.map((p) => p.name).sort()).toEqual(
      ['completion-lc', 'new-students-per-10k', 'prestationsgrad-lc', 'recruitment-shares'].sort(),
    );
    const { html: hiddenPage } = page(hidden);
    for (const p of left) {
      if (p.status === 'none') continue;
      expect(hiddenPage).not.toContain(`<figure class="chart" id="chart-${p.name}">`);
      expect(hiddenPage).toContain(esc(WORDS[lang].leftOut(p.chart.title)));
    }
    // and no chart is said to be missing
    expect(hiddenPage).not.toMatch(/<p class="warning" role="note" id="chart-/);
  });

  it('warns in the place of a chart the data gives but the page was not handed', () => {
    const { html: bare } = page(data, false);
    const given = produceCharts(data).filter(drawn);
    for (const p of given) {
      if (p.status === 'none') continue;
      expect(bare).toContain(esc(WORDS[lang].notDrawn(p.chart.title)));
    }
    expect(bare).not.toContain('<figure');
  });

  it('shows nothing where the data holds nothing for a chart', () => {
    const empty = { ...data, targets: [], decisions: [], participation: [], indicators: [] };
    expect(produceCharts(empty).every((p) => p.status === 'none')).toBe(true);
    const { html: emptyPage } = page(empty);
    expect(emptyPage).not.toContain('<figure');
    expect(emptyPage).not.toContain('chart-left-out');
  });
});

describe('a placement', () => {
  it('compiles only for a registered chart, by reference', () => {
    const data = reportFixture('en');
    const charts = new Map<string, RenderedChart>();
    const stray = { ...CHARTS.goalsForest, id: 'stray' as const };
    // type-checked (tsc covers test/), never run
    const wrongPlacements = () => [
      // @ts-expect-error a chart that is not in the registry
      placeChart(data, charts, stray),
      // @ts-expect-error a chart named by a string
      placeChart(data, charts, 'goals-forest'),
      // @ts-expect-error an activity's chart needs its activity
      placeChart(data, charts, CHARTS.activityTrend),
    ];
    expect(wrongPlacements).toBeTypeOf('function');
    expect(placeChart(data, charts, CHARTS.goalsForest)).toContain('⚠');
  });

  it('names every chart file once, file-safe', () => {
    const names = produceCharts(reportFixture('sv')).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[\p{L}\p{N}_-]+$/u);
  });
});
