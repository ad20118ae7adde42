// Every chart of the report's registry (drawn from the report fixture) and every
// builder's edge cases are valid against the Vega-Lite schema shipped in the package and
// compile to Vega without a warning.
import { describe, expect, it } from 'vitest';
import { CHART_LIST } from '../../../src/report/chart-registry.ts';
import type { ChartSpec } from '../../../src/report/charts/types.ts';
import { compileToVega, compileWithWarnings } from '../../../src/report/render/index.ts';
import { cases } from './fixtures.ts';
import { validateVegaLite } from './helpers.ts';
import { chartsOf, reportFixture } from './report-fixture.ts';

describe.each(['sv', 'en'] as const)('the registry’s charts (%s)', (lang) => {
  const data = reportFixture(lang);
  it.each(CHART_LIST.map((entry) => [entry.id, entry] as const))(
    '%s is drawn from the report fixture, valid, and compiles without warnings',
    (_, entry) => {
      const produced = chartsOf(data, entry);
      expect(produced.length).toBeGreaterThan(0);
      for (const p of produced) {
        expect(p.status, p.name).toBe('drawn');
        if (p.status === 'none') continue;
        expect(validateVegaLite(p.chart.spec)).toEqual([]);
        const compiled = compileWithWarnings(p.chart.spec);
        expect(compiled.warnings).toEqual([]);
        expect(compiled.spec.marks?.length).toBeGreaterThan(0);
        expectSelfContained(p.chart, lang);
      }
    },
  );
});

describe.each(['sv', 'en'] as const)('chart specs (%s)', (lang) => {
  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s validates against the Vega-Lite schema',
    (_, c) => {
      expect(validateVegaLite(c.chart.spec)).toEqual([]);
    },
  );

  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s compiles without warnings',
    (_, c) => {
      const compiled = compileWithWarnings(c.chart.spec);
      expect(compiled.warnings).toEqual([]);
      expect(compiled.spec.marks?.length).toBeGreaterThan(0);
    },
  );

  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s carries its title, description, file name and data inline',
    (_, c) => {
      expect(c.chart.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expectSelfContained(c.chart, lang);
    },
  );
});

function expectSelfContained(chart: ChartSpec, lang: 'sv' | 'en'): void {
  expect(chart.title.length).toBeGreaterThan(0);
  expect(chart.description.length).toBeGreaterThan(40);
  expect(chart.spec.description).toBe(chart.description);
  expect(JSON.stringify(chart.spec.title)).toContain(JSON.stringify(chart.title).slice(1, -1));
  expect(chart.spec).toHaveProperty('data.values');
  expect(JSON.stringify(chart.spec)).not.toMatch(/"url"\s*:/);
  // The compiled spec keeps the chart's number locale, for the page's interactive layer.
  expect(compileToVega(chart.spec).config?.locale?.number?.decimal).toBe(lang === 'sv' ? ',' : '.');
}
