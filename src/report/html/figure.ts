// A rendered chart in the page: the SVG inline (it reads and prints without
// JavaScript) in a container that carries the text alternative, a caption, and, when
// the chart has one, its compiled Vega spec as JSON for the page's live layer
// (interactive.ts), which draws the same chart again with tooltips in its place.
//
// A section places a chart of the registry (chart-registry.ts) by reference with
// placeChart; a chart that is not registered does not compile. Where the chart is not
// drawn the registry's data query says why: nothing in the data (no figure), every value
// suppressed (a sentence says so), or drawn but not handed to the page (a warning).
import type { Spec as VegaSpec } from 'vega';
import type { ActivityDecision } from '../../decide/decide.ts';
import type { RegisteredActivityChart, RegisteredReportChart } from '../chart-registry.ts';
import { WORDS } from '../charts/labels.ts';
import type { ReportData } from '../report-data.ts';
import { esc } from './escape.ts';
import { scriptJson } from './script-text.ts';

export interface RenderedChart {
  name: string;
  title: string;
  description: string;
  svg: string;
  /** The compiled Vega spec: with it the page draws the chart live (tooltips); without, the chart stays static. */
  vega?: VegaSpec;
}

export function figure(chart: RenderedChart | undefined): string {
  if (!chart) return '';
  const spec = chart.vega
    ? `\n<script type="application/json" id="vega-${esc(chart.name)}">${scriptJson(chart.vega)}</script>`
    : '';
  return `<figure class="chart" id="chart-${esc(chart.name)}">
<div class="chart-view" role="img" aria-label="${esc(chart.description)}" data-chart="static">
${chart.svg}
</div>${spec}
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
  if (rendered) return figure(rendered);
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
