// What each builder puts in its data and guides, checked on small hand-made inputs.
import { describe, expect, it } from 'vitest';
import { capitalise, segmentIds, slug, wrapWords } from '../../../src/report/charts/base.ts';
import { bulletChart } from '../../../src/report/charts/bullet-chart.ts';
import { dotPlotWithIntervals } from '../../../src/report/charts/dot-plot.ts';
import { forestPlot } from '../../../src/report/charts/forest-plot.ts';
import { formatRange, formatValue } from '../../../src/report/charts/format.ts';
import { classesFor, heatMap } from '../../../src/report/charts/heat-map.ts';
import { NUMBER_LOCALE } from '../../../src/report/charts/locale.ts';
import { multiLineChart } from '../../../src/report/charts/multi-line-chart.ts';
import {
  FIELD_GREY,
  FIRST_DARK_BLUE,
  MISSING_FILL,
  MUTED_TEXT,
  SEQUENTIAL_BLUES,
  STATUS_COLOURS,
  TEXT,
} from '../../../src/report/charts/palette.ts';
import { participationBars } from '../../../src/report/charts/participation-bars.ts';
import { trendChart } from '../../../src/report/charts/trend-chart.ts';
import type { ChartSpec } from '../../../src/report/charts/types.ts';
import { forestGoals } from './fixtures.ts';
import { contrast } from './helpers.ts';

type Row = Record<string, unknown>;
const rows = (chart: ChartSpec): Row[] => (chart.spec as { data: { values: Row[] } }).data.values;

describe('number format', () => {
  it('writes values the way each language does', () => {
    expect(formatValue(0.2222, 'percent', 'sv')).toBe('22\u00a0%');
    expect(formatValue(0.2222, 'percent', 'en')).toBe('22%');
    expect(formatValue(1234.5, 'number', 'sv')).toBe('1\u00a0234,5');
    expect(formatValue(1234.5, 'number', 'en')).toBe('1,234.5');
    expect(formatValue(1234, 'number', 'sv')).toBe('1\u00a0234');
    expect(formatValue(1.046, 'ratio', 'sv')).toBe('1,05');
    expect(formatRange(0.14, 0.32, 'percent', 'sv')).toBe('14–32\u00a0%');
    expect(formatRange(10, 20, 'number', 'en')).toBe('10–20');
  });

  it('takes the locales from d3-format, adding the Swedish space before %', async () => {
    const sv = (await import('d3-format/locale/sv-SE', { with: { type: 'json' } })).default;
    expect(NUMBER_LOCALE.sv).toEqual({ ...sv, percent: '\u00a0%' });
    expect(NUMBER_LOCALE.en.decimal).toBe('.');
  });
});

describe('helpers', () => {
  it('make file names, wrap words, capitalise, cut segments at gaps', () => {
    expect(slug('Härnösand: Konvertering inom två terminer')).toBe(
      'harnosand-konvertering-inom-tva-terminer',
    );
    expect(wrapWords('Konvertering inom två terminer ≥\u00a015\u00a0%', 20)).toEqual([
      'Konvertering inom',
      'två terminer ≥\u00a015\u00a0%',
    ]);
    expect(capitalise('översikt')).toBe('Översikt');
    expect(segmentIds([true, true, false, true, false, false, true])).toEqual([
      0,
      0,
      null,
      1,
      null,
      null,
      2,
    ]);
  });
});

describe('colours', () => {
  it('text passes WCAG AA on white and on the cells it is written on', () => {
    expect(contrast(TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MUTED_TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MUTED_TEXT, FIELD_GREY)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#000000', MISSING_FILL)).toBeGreaterThanOrEqual(4.5);
    SEQUENTIAL_BLUES.forEach((blue, i) => {
      expect(contrast(i >= FIRST_DARK_BLUE ? '#ffffff' : '#000000', blue)).toBeGreaterThanOrEqual(
        4.5,
      );
    });
  });

  it('gives every status its own colour', () => {
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(Object.keys(STATUS_COLOURS).length);
  });
});

describe('forestPlot', () => {
  const chart = forestPlot(forestGoals('en'), 'en');
  const data = rows(chart);
  const goal = (start: string) =>
    data.find((d) => d.level === 2 && String(d.label).startsWith(start))!;
  const panels = (
    chart.spec as unknown as { vconcat: { title: { text: string }; hconcat: Row[] }[] }
  ).vconcat;

  it('draws one panel per unit, goals grouped by recommendation and activity within it', () => {
    // shares, differences, ratios, persons, money: the order of UNIT_ORDER
    expect(panels.map((p) => p.title.text)).toEqual([
      'Shares (%)',
      'Differences in percentage points',
      'Ratios',
      'Number of persons',
      'Amounts in SEK',
    ]);
    const headings = (panel: number) =>
      data.filter((d) => d.panel === panel && d.level === 0).map((d) => d.label);
    expect(headings(0)).toEqual(['Continue', 'Develop', 'End']);
    expect(headings(1)).toEqual(['End']);
    expect(headings(2)).toEqual(['Insufficient data']);
    expect(headings(3)).toEqual(['Continue', 'In progress']);
    expect(headings(4)).toEqual(['Develop']);
    expect(data.filter((d) => d.panel === 3 && d.level === 1).map((d) => d.label)).toEqual([
      'Studieverkstad Härnösand',
      'Vägledning Ånge',
    ]);
  });

  it('draws each value, interval and target in its own unit, never relative to the target', () => {
    expect(goal('Conversion within two')).toMatchObject({
      value: 0.2222,
      low: 0.1585,
      high: 0.3017,
      target: 0.15,
      summary: '22% · met', // 0.2222 → 22 % (no decimals)
    });
    expect(goal('Participants (headcount)')).toMatchObject({
      value: 412,
      low: null,
      high: null,
      target: 100,
      summary: '412 · met',
    });
    // −0.083 is −8.3 percentage points, written without decimals
    expect(goal('Completion difference')).toMatchObject({
      value: -0.083,
      target: 0,
      summary: '-8\u00a0percentage\u00a0points ·',
    });
    expect(goal('Cost per conversion')).toMatchObject({
      value: 4120,
      target: 5000,
      summary: 'SEK\u00a04,120 · likely\u00a0met',
    });
    // the target under each summary, rounded as the tables round it
    const asides = data.filter((d) => d.aside).map((d) => d.aside);
    expect(asides).toEqual([
      'target ≥ 15%',
      'target ≥ 30%',
      'target ≥ 10%',
      'target ≥ 0\u00a0percentage\u00a0points',
      'target ≥ 0.80',
      'target ≥ 100',
      'target ≥ 40',
      'target ≤ SEK\u00a05,000',
    ]);
  });

  it('puts each panel on an axis of its unit that holds its values, intervals and targets', () => {
    const scales = panels.map((p) => {
      const plot = p.hconcat[1] as { layer: { encoding: { x: { scale: unknown } } }[] };
      return plot.layer[0]!.encoding.x.scale;
    });
    expect(scales).toEqual([
      // shares from 0 to the highest upper limit, 0.41
      { domain: [0, 0.41], nice: true, zero: false },
      // differences from the lowest limit −0.152 to the target 0
      { domain: [-0.152, 0], nice: true, zero: false },
      // only the target 0.80 is shown: at least 0.2 around it
      { domain: [0.7, 0.9], nice: true, zero: false },
      { domain: [0, 412], nice: true, zero: false },
      { domain: [0, 5560], nice: true, zero: false },
    ]);
    const json = JSON.stringify(chart.spec);
    expect(json).toContain('"format":".1~%"');
    expect(json).toContain("format(datum.value * 100, '+,.1~f')");
  });

  it('writes ".." for a suppressed value and draws no mark for it, the target still shown', () => {
    expect(goal("Participants' performance")).toMatchObject({
      value: null,
      low: null,
      high: null,
      target: 0.8,
      note: '..',
      summary: '.. · insufficient\u00a0data',
    });
  });

  it('colours statuses in a fixed order, named by the caller', () => {
    const json = JSON.stringify(chart.spec);
    expect(json).toContain(
      '"domain":["met","likely met","likely missed","missed","insufficient data","not due yet"]',
    );
  });

  it('describes the goals in words', () => {
    expect(chart.description).toContain('Chart of 8 goals in 5 activities');
    expect(chart.description).toContain(
      'one scale per unit: shares (%), differences in percentage points, ratios, number of persons and amounts in SEK',
    );
    expect(chart.description).toContain('Develop: 2 goals (likely met 1, likely missed 1).');
    expect(chart.description).toContain('1 goal has no value shown');
  });
});

describe('trendChart', () => {
  const chart = trendChart(
    {
      title: 'T',
      points: [
        { term: 'VT2024', value: 0.1, low: 0.05, high: 0.15 },
        { term: 'HT2023', value: null, low: null, high: null },
        { term: 'HT2024', value: 0.2, low: 0.1, high: 0.3 },
        { term: 'VT2025', value: 0.25, low: null, high: null },
      ],
      target: { value: 0.15, operator: '>=' },
      format: 'percent',
    },
    'sv',
  );
  const data = rows(chart);

  it('keeps the terms in the order given and breaks the line at a gap', () => {
    expect(JSON.stringify(chart.spec)).toContain('"domain":["VT2024","HT2023","HT2024","VT2025"]');
    expect(data.map((d) => d.segment)).toEqual([0, null, 1, 1]);
    expect(data.map((d) => d.band)).toEqual([0, null, 1, null]);
    expect(data.map((d) => d.lone)).toEqual([true, false, true, false]);
  });

  it('draws the target and names it', () => {
    expect(JSON.stringify(chart.spec)).toContain('"text":"Mål ≥ 15\u00a0%"');
    expect(chart.description).toContain('Senaste värde VT2025: 25\u00a0%.');
    expect(chart.description).toContain(
      'HT2023: uppgiften saknas, eller döljs för att skydda en liten grupp.',
    );
  });

  it('has no target line without a target', () => {
    const plain = trendChart(
      {
        title: 'T',
        points: [{ term: 'HT2024', value: 2, low: null, high: null }],
        format: 'number',
      },
      'en',
    );
    expect(JSON.stringify(plain.spec)).not.toContain('strokeDash');
  });
});

describe('bulletChart', () => {
  const chart = bulletChart(
    [
      {
        label: 'Region: new students',
        actual: 1234,
        target: 1500,
        operator: '>=',
        statusLabel: 'missed',
        indicator: 'new_students',
      },
      {
        label: 'Ånge: share',
        actual: null,
        target: 0.3,
        operator: '>=',
        statusLabel: 'insufficient data',
        indicator: 'new_lc_share',
      },
      {
        label: 'Timrå: rate',
        actual: 4.84,
        target: 3.55,
        operator: '>=',
        statusLabel: 'met',
        indicator: 'new_students_per_10k',
      },
      {
        label: 'Timrå: cost',
        actual: 900,
        target: 0,
        operator: '<=',
        statusLabel: 'missed',
        indicator: 'new_students',
      },
    ],
    'en',
  );
  const data = rows(chart);
  const targets = data.filter((d) => d.level === 0);

  it('draws actual and target in the unit, one panel per unit, ".." for a suppressed actual', () => {
    // panels: shares, then rates per 10 000, then counts
    expect(targets.map((d) => [d.panel, d.value, d.target])).toEqual([
      [0, null, 0.3],
      [1, 4.84, 3.55],
      [2, 1234, 1500],
      [2, 900, 0],
    ]);
    expect(targets.map((d) => d.summary)).toEqual([
      '.. · insufficient\u00a0data',
      '4.8 · met', // one decimal, as the registry gives a rate per 10 000
      '1,234 · missed',
      '900 · missed',
    ]);
    // 3.55 → "3.6" as the table writes it, never "3.55"
    expect(data.filter((d) => d.aside).map((d) => d.aside)).toEqual([
      'target ≥ 30%',
      'target ≥ 3.6',
      'target ≥ 1,500',
      'target ≤ 0',
    ]);
    expect(JSON.stringify(chart.spec)).not.toContain('3.55)');
  });

  it('starts every axis at zero and reaches the largest actual or target', () => {
    const panels = (chart.spec as unknown as { vconcat: { hconcat: Row[] }[] }).vconcat;
    const scales = panels.map((p) => {
      const plot = p.hconcat[1] as { layer: { encoding: { x: { scale: unknown } } }[] };
      return plot.layer[0]!.encoding.x.scale;
    });
    expect(scales).toEqual([
      { domain: [0, 0.3], nice: true, zero: false },
      { domain: [0, 4.84], nice: true, zero: false },
      { domain: [0, 1500], nice: true, zero: false },
    ]);
  });
});

describe('heatMap', () => {
  it('makes up to five round classes that cover the values', () => {
    expect(classesFor(8, 38.8)).toEqual({ low: 0, step: 10, count: 4 });
    expect(classesFor(0.12, 0.31)).toEqual({ low: 0.1, step: 0.05, count: 5 });
    expect(classesFor(5, 5)).toEqual({ low: 5, step: 1, count: 1 });
    expect(classesFor(0, 100)).toEqual({ low: 0, step: 20, count: 5 });
  });

  it('writes each cell, ".." where there is no value, and names the classes', () => {
    const chart = heatMap(
      [
        { rowLabel: 'Ånge', term: 'HT2024', value: 12.5 },
        { rowLabel: 'Ånge', term: 'VT2025', value: null },
        { rowLabel: 'Åre', term: 'HT2024', value: 31 },
      ],
      { title: 'Per 10 000', format: 'number' },
      'sv',
    );
    const data = rows(chart);
    expect(data.map((d) => d.text)).toEqual(['12,5', '..', '31,0', '..']);
    expect(data.map((d) => d.bin)).toEqual([
      '10–15',
      '.. saknas eller döljs för att skydda en liten grupp',
      '30–35',
      '.. saknas eller döljs för att skydda en liten grupp',
    ]);
    expect(chart.description).toContain('2 celler visas som ".."');
  });
});

describe('dotPlotWithIntervals', () => {
  it('keeps groups in order, marks preliminary values, never an interval without its value', () => {
    const chart = dotPlotWithIntervals(
      [
        {
          label: 'Åre',
          group: 'lc',
          groupLabel: 'LC',
          value: 0.7,
          low: 0.6,
          high: 0.8,
          preliminary: true,
        },
        {
          label: 'Åre',
          group: 'other',
          groupLabel: 'Other',
          value: null,
          low: 0.5,
          high: 0.9,
          preliminary: true,
        },
      ],
      { title: 'Rate', format: 'percent' },
      'en',
    );
    expect(rows(chart)).toEqual([
      {
        label: 'Åre',
        groupLabel: 'LC',
        value: 0.7,
        low: 0.6,
        high: 0.8,
        preliminary: true,
        tip: 'Åre\nLC\nValue: 70% (preliminary)\nConfidence interval: 60–80%',
      },
      {
        label: 'Åre',
        groupLabel: 'Other',
        value: null,
        low: null,
        high: null,
        preliminary: false,
        tip: 'Åre\nOther\nValue: .. (missing or hidden to protect a small group)',
      },
    ]);
    expect(chart.description).toContain('1 value is preliminary.');
  });
});

describe('participationBars and multiLineChart', () => {
  it('write counts on the bars and ".." for a suppressed one', () => {
    const chart = participationBars(
      [
        { term: 'HT2024', series: 'headcount', seriesLabel: 'Deltagare', value: 1234 },
        { term: 'HT2024', series: 'linked', seriesLabel: 'Uppföljningsbara', value: null },
      ],
      { title: 'Deltagande' },
      'sv',
    );
    expect(rows(chart).map((d) => d.text)).toEqual(['1\u00a0234', '..']);
    expect(chart.description).toContain('Deltagare: HT2024 1\u00a0234.');
  });

  it('cut each series into its own segments', () => {
    const chart = multiLineChart(
      ['a', 'b'].flatMap((series) =>
        ['T1', 'T2', 'T3'].map((term) => ({
          term,
          series,
          seriesLabel: series.toUpperCase(),
          value: series === 'b' && term === 'T2' ? null : 0.5,
          low: null,
          high: null,
        })),
      ),
      { title: 'Shares', format: 'percent' },
      'en',
    );
    expect(rows(chart).map((d) => d.segment)).toEqual(['0:0', '0:0', '0:0', '1:0', null, '1:1']);
    expect(rows(chart).every((d) => d.lone === false)).toBe(true);
    expect(chart.description).toContain('B, T2: missing, or hidden to protect a small group.');
  });
});

describe('titles', () => {
  it('wrap a long title and subtitle to the chart width, keeping the whole title for the reader', async () => {
    const { titleBlock } = await import('../../../src/report/charts/base.ts');
    const long =
      'Studieverkstad Härnösand och Kramfors: Andel förstagenerationsstudenter bland de konverterade';
    expect(titleBlock(long, [])).toEqual({
      text: [
        'Studieverkstad Härnösand och Kramfors: Andel',
        'förstagenerationsstudenter bland de konverterade',
      ],
    });
    expect(titleBlock('Short', ['', 'Key'])).toEqual({ text: 'Short', subtitle: ['Key'] });
    const chart = trendChart(
      {
        title: long,
        points: [{ term: 'HT2024', value: 1, low: null, high: null }],
        format: 'number',
      },
      'sv',
    );
    expect(chart.title).toBe(long);
  });
});
