// The page's live layer as written: the Vega runtime once, each chart's compiled spec as
// JSON beside its figure, everything inline and safe inside its <script> element, and a
// page with no chart carrying no runtime at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figure, type RenderedChart } from '../../src/report/html/figure.ts';
import { interactiveScripts, vegaRuntime } from '../../src/report/html/interactive.ts';
import { scriptJson, scriptSafe } from '../../src/report/html/script-text.ts';
import type { WrittenReport } from '../../src/report/write-report.ts';
import { buildFixtureDatabase, writeFixtureReport } from '../helpers/report-fixture.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
const pages: Partial<Record<'sv' | 'en', { report: WrittenReport; html: string }>> = {};

beforeAll(async () => {
  ws = new Workspace();
  await buildFixtureDatabase(ws);
  for (const lang of ['sv', 'en'] as const) {
    const report = await writeFixtureReport(ws, lang, join(ws.dir, `out-${lang}`));
    pages[lang] = { report, html: readFileSync(join(report.folder, 'index.html'), 'utf8') };
  }
}, 120_000);
afterAll(() => ws.remove());

/** The contents of every <script> element, with its attributes. */
function scripts(html: string): { attributes: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attributes: m[1]!,
    body: m[2]!,
  }));
}

describe.each(['sv', 'en'] as const)('the live layer of index.html (%s)', (lang) => {
  it('inlines the Vega runtime once, the enhancing script once, and no file or address to load', () => {
    const { html } = pages[lang]!;
    const all = scripts(html);
    expect(html.match(/<script\b/g)?.length).toBe(all.length);
    const code = all.filter((s) => s.attributes === '');
    expect(code).toHaveLength(2);
    expect(code[0]!.body).toBe(vegaRuntime());
    expect(code[0]!.body).toContain('version="6.4.0"');
    expect(code[1]!.body).toContain("renderer: 'svg'");
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(markup).not.toMatch(/<script[^>]*\bsrc=|<link\b|<iframe\b|<img\b|@import|url\(/);
  });

  it("puts each chart's compiled Vega spec, in the language's number locale, inside its figure", () => {
    const { html, report } = pages[lang]!;
    const charts = report.files
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.slice('charts/'.length, -'.svg'.length));
    const specs = scripts(html).filter((s) => s.attributes.includes('application/json'));
    expect(specs.map((s) => /id="vega-([^"]+)"/.exec(s.attributes)?.[1]).sort()).toEqual(
      [...charts].sort(),
    );
    for (const name of charts) {
      const inFigure = new RegExp(
        `<figure class="chart" id="chart-${name}">[\\s\\S]*?<script type="application/json" id="vega-${name}">[^<]*</script>[\\s\\S]*?</figure>`,
      );
      expect(html, name).toMatch(inFigure);
    }
    for (const { body } of specs) {
      expect(body).not.toContain('<');
      const spec = JSON.parse(body) as {
        $schema: string;
        config: { locale: { number: { decimal: string; percent?: string } } };
      };
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega/v6.json');
      expect(spec.config.locale.number.decimal).toBe(lang === 'sv' ? ',' : '.');
      if (lang === 'sv') expect(spec.config.locale.number.percent).toBe('\u00a0%');
    }
    // Tooltips travel in the data, in the page's language.
    expect(html).toContain(lang === 'sv' ? 'Värde: ..' : 'Value: ..');
  });

  it('keeps every static SVG in the page, inside a container with the text alternative', () => {
    const { html, report } = pages[lang]!;
    const views = [
      ...html.matchAll(
        /<div class="chart-view" role="img" aria-label="([^"]+)" data-chart="static">\n<svg\b/g,
      ),
    ];
    expect(views).toHaveLength(report.files.filter((f) => f.endsWith('.svg')).length);
  });
});

describe('text inside a <script> element', () => {
  it('cannot end the element or open a comment, and reads the same', () => {
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the script text under test holds a template literal
      'var a = "</script><!--x-->"; var b = /<\\/SCRIPT>/i.test("</SCRIPT>"); var c = `<!--${1}`; [a, b, c]';
    const safe = scriptSafe(code);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    expect(runInNewContext(safe)).toEqual(runInNewContext(code));
  });

  it('writes JSON without "<" that parses back to the same value', () => {
    const value = { text: '</script><!-- "quoted" & <b>', n: 1.5 };
    const json = scriptJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('leaves a page whose charts have no spec static, with no runtime', () => {
    const chart: RenderedChart = {
      name: 'c',
      title: 'T',
      description: 'D',
      svg: '<svg width="10" height="10"></svg>',
    };
    expect(figure(chart)).not.toContain('<script');
    expect(interactiveScripts(new Map([['c', chart]]))).toBe('');
    expect(interactiveScripts(new Map())).toBe('');
    const withSpec = figure({
      ...chart,
      vega: { $schema: 'https://vega.github.io/schema/vega/v6.json', marks: [] },
    });
    expect(withSpec).toContain('<script type="application/json" id="vega-c">{"$schema"');
  });
});
