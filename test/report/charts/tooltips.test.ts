// Tooltips of the page's live charts: each builder writes one string per mark with the
// chart's own formats and words; Vega shows it as it is. Checked on the scenegraph of a
// headless Vega view, so what is tested is what a reader hovering a mark gets.
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { compileToVega } from '../../../src/report/render/index.ts';
import type { ChartSpec, Lang } from '../../../src/report/charts/types.ts';
import { cases } from './fixtures.ts';

interface SceneNode {
  items?: SceneNode[];
  tooltip?: unknown;
  datum?: Record<string, unknown>;
}

/** Every tooltip a reader can get by hovering a mark, with the datum behind it. */
async function tooltips(
  chart: ChartSpec,
): Promise<{ tip: unknown; datum: Record<string, unknown> }[]> {
  const view = new vega.View(vega.parse(compileToVega(chart.spec)), { renderer: 'none' });
  try {
    await view.runAsync();
    const found: { tip: unknown; datum: Record<string, unknown> }[] = [];
    const walk = (node: SceneNode): void => {
      if (node.tooltip !== undefined && node.tooltip !== null)
        found.push({ tip: node.tooltip, datum: node.datum ?? {} });
      for (const item of node.items ?? []) walk(item);
    };
    walk((view.scenegraph() as unknown as { root: SceneNode }).root);
    return found;
  } finally {
    view.finalize();
  }
}

const WITH_TOOLTIPS = [
  'forestPlot',
  'trendChart',
  'bulletChart',
  'heatMap',
  'dotPlotWithIntervals',
  'participationBars',
  'multiLineChart',
];

describe.each(['sv', 'en'] as const)('tooltips (%s)', (lang: Lang) => {
  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s: every mark with a tooltip shows a prepared string',
    async (builder, c) => {
      expect(WITH_TOOLTIPS).toContain(builder);
      const tips = await tooltips(c.chart);
      expect(tips.length).toBeGreaterThan(3);
      for (const { tip } of tips) {
        expect(typeof tip).toBe('string');
        expect(tip).not.toMatch(/null|undefined|NaN|Infinity|^$/);
      }
    },
  );

  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    '%s: a missing or suppressed value reads ".." and no number of it',
    async (_, c) => {
      const tips = await tooltips(c.chart);
      const missing = tips.filter(({ tip }) => String(tip).includes('..'));
      expect(missing.length).toBeGreaterThan(0);
      for (const { tip } of missing) {
        const valueLines = String(tip)
          .split('\n')
          .filter((line) => line.includes('..'));
        for (const line of valueLines) expect(line).not.toMatch(/\d/);
      }
      for (const { tip } of tips)
        for (const leak of c.leaks)
          expect(String(tip)).not.toMatch(
            new RegExp(`(?<![\\d.,])${leak.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
          );
    },
  );
});

describe('tooltips write numbers as the chart does', () => {
  const tipsOf = async (builder: string, lang: Lang) =>
    (await tooltips(cases(lang).find((c) => c.builder === builder)!.chart)).map(({ tip }) =>
      String(tip),
    );

  it('Swedish: "22 %" with a space, "11,4", "1 234"; English: "22%", "11.4", "1,234"', async () => {
    expect(await tipsOf('trendChart', 'sv')).toContain(
      'VT2025\nVärde: 22\u00a0% (preliminärt)\nKonfidensintervall: 16–30\u00a0%',
    );
    expect(await tipsOf('trendChart', 'en')).toContain(
      'VT2025\nValue: 22% (preliminary)\nConfidence interval: 16–30%',
    );
    expect(await tipsOf('trendChart', 'sv')).toContain(
      'HT2023\nVärde: .. (saknas eller döljs för att skydda en liten grupp)',
    );
    expect((await tipsOf('heatMap', 'sv')).some((t) => /Värde: \d+,\d$/.test(t))).toBe(true);
    expect((await tipsOf('heatMap', 'en')).some((t) => /Value: \d+\.\d$/.test(t))).toBe(true);
    expect(await tipsOf('participationBars', 'sv')).toContain(
      'Antal deltagare (huvudräkning)\nHT2024\nAntal: 1\u00a0234',
    );
    expect(await tipsOf('participationBars', 'en')).toContain(
      'Participants (headcount)\nHT2024\nCount: 1,234',
    );
    expect(await tipsOf('bulletChart', 'sv')).toContain(
      'Regionen: Andel nybörjare via lärcentrum (HT2025)\nUtfall: 23\u00a0%\nMål: ≥ 20\u00a0%\nStatus: uppnått',
    );
    expect(await tipsOf('forestPlot', 'en')).toContain(
      'Studieverkstad Härnösand\nConversion within two terms ≥ 15%\nValue: 22%\nConfidence interval: 16–30%\nTarget: ≥ 15%\nStatus: met',
    );
    expect(await tipsOf('multiLineChart', 'sv')).toContain(
      'VT2024\nAndel kvinnor: .. (saknas eller döljs för att skydda en liten grupp)',
    );
  });
});
