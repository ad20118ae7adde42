// A rendered chart in the page: the SVG inline (it reads and prints without
// JavaScript) in a container that carries the text alternative, a caption, the chart's
// values as a table for those who cannot see it, and, when the chart has one, its compiled
// Vega spec as JSON for the page's live layer (interactive.ts), which draws the same chart
// again with tooltips in its place.
//
// On a narrow screen a chart shrinks with the page only as far as its smallest text stays
// MIN_TEXT_PX: below its minimum width (chartMinWidth) the chart box scrolls sideways by
// itself, and the page does not.
//
// A section places a chart of the registry (chart-registry.ts) by reference with
// placeChart; a chart that is not registered does not compile. Where the chart is not
// drawn the registry's data query says why: nothing in the data (no figure), every value
// suppressed (a sentence says so), or drawn but not handed to the page (a warning).
import type { Spec as VegaSpec } from 'vega';
import type { ActivityDecision } from '../../decide/decide.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { RegisteredActivityChart, RegisteredReportChart } from '../chart-registry.ts';
import { WORDS } from '../charts/labels.ts';
import type { ReportData } from '../report-data.ts';
import { esc } from './escape.ts';
import { scriptJson } from './script-text.ts';
import { table } from './table.ts';
import { text } from './texts.ts';

/** The smallest text a chart may be drawn with on screen, in CSS pixels. */
export const MIN_TEXT_PX = 10;

export interface RenderedChart {
  name: string;
  title: string;
  description: string;
  svg: string;
  /** The compiled Vega spec: with it the page draws the chart live (tooltips); without, the chart stays static. */
  vega?: VegaSpec;
}

/**
 * The narrowest the chart may be drawn: its own width scaled so that its smallest text is
 * MIN_TEXT_PX (a chart whose text is that small already keeps its width). Null when the
 * SVG does not say its width or has no text.
 */
export function chartMinWidth(svg: string): number | null {
  const width = Number(/<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const sizes = [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)px/g)].map((m) => Number(m[1]));
  if (!(width > 0) || sizes.length === 0) return null;
  const smallest = Math.min(...sizes);
  return Math.min(width, Math.ceil((width * MIN_TEXT_PX) / smallest));
}

/** Every prepared tooltip of the chart's data (charts/tooltip.ts), once each, in the data's order. */
function tips(vega: VegaSpec | undefined): string[] {
  const seen = new Set<string>();
  for (const data of vega?.data ?? [])
    if ('values' in data && Array.isArray(data.values))
      for (const datum of data.values as { tip?: unknown }[])
        if (typeof datum?.tip === 'string' && datum.tip.trim()) seen.add(datum.tip);
  return [...seen];
}

const KEYED = /^([^:]{1,60}): (.+)$/;

/**
 * The chart's values as a table, from the tooltips of its marks, which are written in the
 * chart's words and formats with suppression applied (".." for a hidden value): the lines
 * before the first "key: value" line say what the row refers to, each "key: value" line
 * after them gives a column, other lines go to a last column. Nothing when the chart has no
 * tooltips (a chart without a spec: its text alternative stays).
 */
export function chartDataTable(vega: VegaSpec | undefined, lang: Lang): string {
  const rows = tips(vega).map((tip) => {
    const lines = tip.split('\n').filter((line) => line.trim());
    // the first line always names the row, even when it holds a colon ("Region: share")
    let first = lines.findIndex((line, i) => i > 0 && KEYED.test(line));
    if (first < 0) first = lines.length;
    const values = new Map<string, string>();
    const other: string[] = [];
    for (const line of lines.slice(first)) {
      const keyed = KEYED.exec(line);
      if (keyed && !values.has(keyed[1]!)) values.set(keyed[1]!, keyed[2]!);
      else other.push(line);
    }
    return { item: lines.slice(0, first).join(', '), values, other: other.join('; ') };
  });
  if (!rows.length) return '';
  const keys = [...new Set(rows.flatMap((row) => [...row.values.keys()]))];
  const withOther = rows.some((row) => row.other);
  const headers = [
    text('chartDataItem', lang),
    ...keys,
    ...(withOther ? [text('chartDataOther', lang)] : []),
  ];
  const cells = rows.map((row) => [
    esc(row.item),
    ...keys.map((key) => esc(row.values.get(key) ?? '')),
    ...(withOther ? [esc(row.other)] : []),
  ]);
  return `<details class="chart-data"><summary>${esc(text('chartData', lang))}</summary>
${table(headers, cells, { rowHeader: true })}
</details>`;
}

/** The static SVG as the page embeds it: hidden from screen readers, which read the container's text alternative once. */
export function quietSvg(svg: string): string {
  return svg.replace(/<svg\b/, '<svg aria-hidden="true" focusable="false"');
}

export function figure(chart: RenderedChart | undefined, lang: Lang = 'sv'): string {
  if (!chart) return '';
  const spec = chart.vega
    ? `\n<script type="application/json" id="vega-${esc(chart.name)}">${scriptJson(chart.vega)}</script>`
    : '';
  const minWidth = chartMinWidth(chart.svg);
  const style = minWidth === null ? '' : ` style="--chart-min-width: ${minWidth}px"`;
  // The box scrolls when the chart is wider than it; keyboard users can scroll it too
  // (tabindex), and it is named by the chart's title when it takes the focus.
  return `<figure class="chart" id="chart-${esc(chart.name)}">
<div class="chart-scroll" role="group" aria-label="${esc(chart.title)}" tabindex="0"${style}>
<div class="chart-view" role="img" aria-label="${esc(chart.description)}" data-chart="static">
${quietSvg(chart.svg)}
</div>
</div>${spec}
${chartDataTable(chart.vega, lang)}
<figcaption>${esc(chart.title)} <a class="files" href="charts/${esc(chart.name)}.png">PNG</a> <a class="files" href="charts/${esc(chart.name)}.svg">SVG</a></figcaption>
</figure>`;
}

/** The report's chart in its place: the figure, or why there is none. */
export function placeChart(
  data: ReportData,
  charts: Map<string, RenderedChart>,
  chart: RegisteredReportChart,
): string;
/** An activity's chart in its card. */
export function placeChart(
  data: ReportData,
  charts: Map<string, RenderedChart>,
  chart: RegisteredActivityChart,
  activity: ActivityDecision,
): string;
export function placeChart(
  data: ReportData,
  charts: Map<string, RenderedChart>,
  chart: RegisteredReportChart | RegisteredActivityChart,
  activity?: ActivityDecision,
): string {
  const rendered = charts.get(chart.per === 'report' ? chart.id : chart.nameFor(activity!));
  if (rendered) return figure(rendered, data.lang);
  const produced = chart.per === 'report' ? chart.produce(data) : chart.produce(data, activity!);
  if (produced.status === 'none') return '';
  const words = WORDS[data.lang];
  return produced.status === 'suppressed'
    ? `<p class="note chart-left-out" id="chart-${esc(produced.name)}">${esc(words.leftOut(produced.chart.title))}</p>`
    : `<p class="warning" role="note" id="chart-${esc(produced.name)}">⚠ ${esc(words.notDrawn(produced.chart.title))}</p>`;
}

/** The charts handed to the page that no section placed: each must have its figure. */
export function unplacedCharts(page: string, charts: Map<string, RenderedChart>): string[] {
  return [...charts.keys()].filter(
    (name) => !page.includes(`<figure class="chart" id="chart-${esc(name)}">`),
  );
}
