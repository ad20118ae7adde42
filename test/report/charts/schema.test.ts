// Every builder's spec is valid against the Vega-Lite schema shipped in the package and
// compiles to Vega without a warning.
import { describe, expect, it } from 'vitest';
import { compileToVega, compileWithWarnings } from '../../../src/report/render/index.ts';
import { cases } from './fixtures.ts';
import { validateVegaLite } from './helpers.ts';

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
      const { chart } = c;
      expect(chart.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.description.length).toBeGreaterThan(40);
      expect(chart.spec.description).toBe(chart.description);
      expect(JSON.stringify(chart.spec.title)).toContain(JSON.stringify(chart.title).slice(1, -1));
      expect(chart.spec).toHaveProperty('data.values');
      expect(JSON.stringify(chart.spec)).not.toMatch(/"url"\s*:/);
      // The compiled spec keeps the chart's number locale, for the page's interactive layer.
      expect(compileToVega(chart.spec).config?.locale?.number?.decimal).toBe(
        lang === 'sv' ? ',' : '.',
      );
    },
  );
});
