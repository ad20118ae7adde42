// Rendering: every chart of the report's registry (drawn from the report fixture) and
// every builder's edge cases render to SVG with the title, and to PNG at twice the size
// on white; the language's number format, byte-identical output for the same input, no
// network.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPng, renderSvg, renderSvgWithWarnings } from '../../../src/report/render/index.ts';
import { bulletChart } from '../../../src/report/charts/bullet-chart.ts';
import { dotPlotWithIntervals } from '../../../src/report/charts/dot-plot.ts';
import { forestPlot } from '../../../src/report/charts/forest-plot.ts';
import { heatMap } from '../../../src/report/charts/heat-map.ts';
import { multiLineChart } from '../../../src/report/charts/multi-line-chart.ts';
import { participationBars } from '../../../src/report/charts/participation-bars.ts';
import { trendChart } from '../../../src/report/charts/trend-chart.ts';
import { validateVegaLite } from './helpers.ts';
import type { Lang } from '../../../src/report/charts/types.ts';
import { cases, type ChartCase } from './fixtures.ts';
import { pngSize, svgSize, svgText } from './helpers.ts';
import { CHART_LIST } from '../../../src/report/chart-registry.ts';
import type { ChartSpec } from '../../../src/report/charts/types.ts';
import { chartsOf, reportFixture } from './report-fixture.ts';

const rendered = new Map<string, { svg: string; png: Buffer; warnings: string[] }>();
const key = (c: ChartCase) => `${c.builder}-${c.lang}`;

beforeAll(async () => {
  for (const lang of ['sv', 'en'] as const) {
    for (const c of cases(lang)) {
      const { svg, warnings } = await renderSvgWithWarnings(c.chart.spec, lang);
      rendered.set(key(c), { svg, png: renderPng(svg), warnings });
    }
  }
});

function expectRendered(
  chart: ChartSpec,
  { svg, png, warnings }: { svg: string; png: Buffer; warnings: string[] },
): void {
  expect(warnings).toEqual([]);
  expect(svg.startsWith('<svg')).toBe(true);
  const text = svgText(svg);
  expect(text).toContain(chart.title);
  expect(text.join(' ')).toContain(chart.description);
  const size = svgSize(svg);
  expect(size.width).toBeGreaterThan(500);
  expect(size.width).toBeLessThanOrEqual(660);
  expect(pngSize(png)).toEqual({ width: size.width * 2, height: size.height * 2 });
  expect(text.join(' ')).not.toMatch(/NaN|undefined|null|Infinity/);
  // coordinates are rounded, so no long fraction can be mistaken for a hidden value
  expect(svg).not.toMatch(/\d\.\d{3,}/);
}

describe.each(['sv', 'en'] as const)('the registry’s charts rendered (%s)', (lang: Lang) => {
  const data = reportFixture(lang);
  it.each(CHART_LIST.map((entry) => [entry.id, entry] as const))(
    '%s renders to SVG with its title, and to PNG at 2×',
    async (_, entry) => {
      const produced = chartsOf(data, entry);
      expect(produced.length).toBeGreaterThan(0);
      for (const p of produced) {
        expect(p.status, p.name).toBe('drawn');
        if (p.status === 'none') continue;
        const { svg, warnings } = await renderSvgWithWarnings(p.chart.spec, lang);
        expectRendered(p.chart, { svg, png: renderPng(svg), warnings });
      }
    },
  );
});

describe.each(['sv', 'en'] as const)('rendered charts (%s)', (lang: Lang) => {
  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s renders to SVG with its title, and to PNG at 2×',
    (_, c) => expectRendered(c.chart, rendered.get(key(c))!),
  );
});

describe('number format of the language', () => {
  it('Swedish reads "1 234", "22 %" and "11,4"; English "1,234", "22%" and "11.4"', () => {
    const svText = (builder: string) => svgText(rendered.get(`${builder}-sv`)!.svg).join(' | ');
    const enText = (builder: string) => svgText(rendered.get(`${builder}-en`)!.svg).join(' | ');
    expect(svText('participationBars')).toContain('1\u00a0234');
    expect(svText('participationBars')).toContain('1\u00a0000'); // an axis tick, formatted by Vega
    expect(svText('trendChart')).toContain('20\u00a0%');
    expect(svText('heatMap')).toContain('11,4');
    expect(svText('bulletChart')).toMatch(/1\s234\s·\sinte\suppnått/u);
    expect(svText('bulletChart')).not.toContain('82\u00a0%');
    expect(enText('participationBars')).toContain('1,234');
    expect(enText('participationBars')).toContain('1,000');
    expect(enText('trendChart')).toContain('20%');
    expect(enText('heatMap')).toContain('11.4');
    expect(svText('trendChart')).not.toMatch(/\d%/);
    expect(enText('heatMap')).not.toMatch(/\d,\d(?!\d\d)/);
  });
});

describe('determinism', () => {
  it('the same chart renders to the same SVG and PNG bytes, also after other charts', async () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const c of cases(lang)) {
        const again = await renderSvg(
          cases(lang).find((d) => d.builder === c.builder)!.chart.spec,
          lang,
        );
        const first = rendered.get(key(c))!;
        expect(again).toBe(first.svg);
        expect(renderPng(again).equals(first.png)).toBe(true);
      }
    }
  });

  it('renders started together give the same bytes as renders one at a time', async () => {
    const specs = cases('sv').map((c) => c.chart.spec);
    const together = await Promise.all(specs.map((spec) => renderSvg(spec, 'sv')));
    expect(together).toEqual(cases('sv').map((c) => rendered.get(key(c))!.svg));
  });

  it('the spec JSON is the same for the same input', () => {
    expect(JSON.stringify(cases('sv'))).toBe(JSON.stringify(cases('sv')));
  });
});

describe('offline', () => {
  it('refuses to load data from a URL instead of fetching it', async () => {
    const chart = trendChart(
      {
        title: 'x',
        points: [{ term: 'HT2024', value: 0.2, low: 0.1, high: 0.3 }],
        format: 'percent',
      },
      'en',
    );
    const spec = {
      ...chart.spec,
      data: { url: 'http://127.0.0.1:9/never.json' },
    } as typeof chart.spec;
    const { warnings } = await renderSvgWithWarnings(spec, 'en');
    expect(warnings.join(' ')).toMatch(/render offline/);
  });
});

describe('nothing to draw', () => {
  const suppressed = { value: null, low: null, high: null };
  const charts = {
    'forest plot, every value suppressed': forestPlot(
      [
        {
          activityId: 'A',
          activityName: 'A',
          goalLabel: 'G ≥ 10',
          indicator: 'reach',
          recommendation: 'insufficient_data',
          recommendationLabel: 'insufficient data',
          status: 'insufficient',
          statusLabel: 'insufficient data',
          operator: '>=',
          target: 10,
          ...suppressed,
        },
      ],
      'en',
    ),
    'forest plot, no goals': forestPlot([], 'en'),
    'trend, every term suppressed': trendChart(
      {
        title: 'T',
        points: [
          { term: 'HT2024', ...suppressed },
          { term: 'VT2025', ...suppressed },
        ],
        target: { value: 0.2, operator: '>=' },
        format: 'percent',
      },
      'en',
    ),
    'trend, no terms': trendChart({ title: 'T', points: [], format: 'percent' }, 'en'),
    'bullet, actual suppressed': bulletChart(
      [
        {
          label: 'L',
          actual: null,
          target: 5,
          operator: '>=',
          statusLabel: 'insufficient data',
          indicator: 'new_students',
        },
      ],
      'en',
    ),
    'bullet, no rows': bulletChart([], 'en'),
    'heat map, every cell suppressed': heatMap(
      [{ rowLabel: 'Åre', term: 'HT2024', value: null }],
      { title: 'H', format: 'number' },
      'en',
    ),
    'heat map, no cells': heatMap([], { title: 'H', format: 'number' }, 'en'),
    'dot plot, every value suppressed': dotPlotWithIntervals(
      [{ label: 'Åre', group: 'lc', groupLabel: 'LC', ...suppressed }],
      { title: 'D', format: 'percent' },
      'en',
    ),
    'dot plot, no rows': dotPlotWithIntervals([], { title: 'D', format: 'percent' }, 'en'),
    'bars, every count suppressed': participationBars(
      [{ term: 'HT2024', series: 's', seriesLabel: 'S', value: null }],
      { title: 'P' },
      'en',
    ),
    'bars, no rows': participationBars([], { title: 'P' }, 'en'),
    'lines, every value suppressed': multiLineChart(
      [{ term: 'HT2024', series: 's', seriesLabel: 'S', ...suppressed }],
      { title: 'M', format: 'percent' },
      'en',
    ),
    'lines, no rows': multiLineChart([], { title: 'M', format: 'percent' }, 'en'),
  };

  it.each(Object.entries(charts))(
    '%s: a valid chart that renders without warnings and says so',
    async (_, chart) => {
      expect(validateVegaLite(chart.spec)).toEqual([]);
      const { svg, warnings } = await renderSvgWithWarnings(chart.spec, 'en');
      expect(warnings).toEqual([]);
      const text = svgText(svg).join(' ');
      expect(text).toContain(chart.title);
      expect(text).toMatch(/\.\.|No values can be shown/);
      expect(svgSize(svg).width).toBeGreaterThan(100);
    },
  );
});
