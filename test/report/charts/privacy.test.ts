// Small-cell protection: a suppressed point arrives as null, and nothing about it (its
// value, its interval, its value relative to the target) reaches the spec JSON or the
// SVG, even when the caller also passes the interval of the hidden value by mistake.
import { beforeAll, describe, expect, it } from 'vitest';
import { dotPlotWithIntervals } from '../../../src/report/charts/dot-plot.ts';
import { forestPlot } from '../../../src/report/charts/forest-plot.ts';
import { multiLineChart } from '../../../src/report/charts/multi-line-chart.ts';
import { trendChart } from '../../../src/report/charts/trend-chart.ts';
import type { ChartSpec } from '../../../src/report/charts/types.ts';
import { renderSvg } from '../../../src/report/render/index.ts';
import { cases, forestGoals, FOREST_HIDDEN, leakForms } from './fixtures.ts';

const svgs = new Map<string, string>();

beforeAll(async () => {
  for (const lang of ['sv', 'en'] as const)
    for (const c of cases(lang))
      svgs.set(`${c.builder}-${lang}`, await renderSvg(c.chart.spec, lang));
});

/** The leak as a number of its own: "37 %" is found in "Värde: 37 %" but not in "40–137 %". */
function writtenAlone(leak: string): RegExp {
  return new RegExp(`(?<![\\d.,])${leak.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

function expectNoLeak(chart: ChartSpec, svg: string, leaks: string[]): void {
  const json = JSON.stringify(chart.spec);
  for (const leak of leaks) {
    const alone = writtenAlone(leak);
    expect(json, `spec JSON contains ${leak}`).not.toMatch(alone);
    expect(svg, `SVG contains ${leak}`).not.toMatch(alone);
    expect(chart.description, `description contains ${leak}`).not.toMatch(alone);
  }
}

describe.each(['sv', 'en'] as const)('suppressed values (%s)', (lang) => {
  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s shows ".." and gives nothing of the hidden value away',
    (_, c) => {
      const svg = svgs.get(`${c.builder}-${lang}`)!;
      expect(svg).toContain('>..<');
      expectNoLeak(c.chart, svg, c.leaks);
    },
  );
});

describe('an interval passed with a suppressed value is left out too', () => {
  it('forest plot', async () => {
    const goals = forestGoals('sv').map((g) =>
      g.activityId === 'A3' ? { ...g, low: 0.2913, high: 0.4621 } : g,
    );
    const chart = forestPlot(goals, 'sv');
    expectNoLeak(chart, await renderSvg(chart.spec, 'sv'), FOREST_HIDDEN.flatMap(leakForms));
  });

  it('trend chart', async () => {
    const chart = trendChart(
      {
        title: 'Trend',
        points: [
          { term: 'HT2023', value: 0.121, low: 0.072, high: 0.196 },
          { term: 'VT2024', value: null, low: 0.3311, high: 0.5522 },
          { term: 'HT2024', value: 0.2011, low: 0.1402, high: 0.2803 },
        ],
        format: 'percent',
      },
      'en',
    );
    expectNoLeak(chart, await renderSvg(chart.spec, 'en'), [0.3311, 0.5522].flatMap(leakForms));
  });

  it('dot plot', async () => {
    const chart = dotPlotWithIntervals(
      [
        {
          label: 'Ånge',
          group: 'lc',
          groupLabel: 'Lärcentrum',
          value: null,
          low: 0.3311,
          high: 0.5522,
        },
        {
          label: 'Ånge',
          group: 'non_lc',
          groupLabel: 'Övriga',
          value: 0.71,
          low: 0.68,
          high: 0.74,
        },
      ],
      { title: 'Prestationsgrad', format: 'percent' },
      'sv',
    );
    expectNoLeak(chart, await renderSvg(chart.spec, 'sv'), [0.3311, 0.5522].flatMap(leakForms));
  });

  it('multi-line chart', async () => {
    const chart = multiLineChart(
      [
        {
          term: 'HT2023',
          series: 'a',
          seriesLabel: 'Andel kvinnor',
          value: 0.61,
          low: 0.58,
          high: 0.64,
        },
        {
          term: 'VT2024',
          series: 'a',
          seriesLabel: 'Andel kvinnor',
          value: null,
          low: 0.3311,
          high: 0.5522,
        },
      ],
      { title: 'Andelar', format: 'percent' },
      'sv',
    );
    expectNoLeak(chart, await renderSvg(chart.spec, 'sv'), [0.3311, 0.5522].flatMap(leakForms));
  });
});

describe('no extra numbers travel with a point', () => {
  it.each(cases('sv').map((c) => [c.builder, c] as const))(
    '%s inlines no n, numerator or denominator',
    (_, c) => {
      const json = JSON.stringify(c.chart.spec);
      expect(json).not.toMatch(/"(n|count|numerator|denominator|persons)"\s*:/);
    },
  );
});
