// A rendered chart in the page: the SVG inline (it reads and prints without
// JavaScript), a caption, and its text alternative on the SVG itself.
import { esc } from './escape.ts';

export interface RenderedChart {
  name: string;
  title: string;
  description: string;
  svg: string;
}

export function figure(chart: RenderedChart | undefined): string {
  if (!chart) return '';
  const svg = chart.svg.replace(/^<svg\b/, `<svg role="img" aria-label="${esc(chart.description)}"`);
  return `<figure class="chart" id="chart-${esc(chart.name)}">
${svg}
<figcaption>${esc(chart.title)} <a class="files" href="charts/${esc(chart.name)}.png">PNG</a> <a class="files" href="charts/${esc(chart.name)}.svg">SVG</a></figcaption>
</figure>`;
}
