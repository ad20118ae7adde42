// A rendered chart in the page: the SVG inline (it reads and prints without
// JavaScript) in a container that carries the text alternative, a caption, and, when
// the chart has one, its compiled Vega spec as JSON for the page's live layer
// (interactive.ts), which draws the same chart again with tooltips in its place.
import type { Spec as VegaSpec } from 'vega';
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
