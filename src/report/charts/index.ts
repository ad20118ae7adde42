// The report's chart builders: each a pure function from publishable rows to a ChartSpec
// (Vega-Lite with its data inlined, a title and a text alternative in the language asked).
export { forestPlot, RECOMMENDATION_ORDER } from './forest-plot.ts';
export { trendChart } from './trend-chart.ts';
export { bulletChart } from './bullet-chart.ts';
export { heatMap } from './heat-map.ts';
export { dotPlotWithIntervals } from './dot-plot.ts';
export { participationBars } from './participation-bars.ts';
export { multiLineChart } from './multi-line-chart.ts';
export { CHART_WIDTH, MISSING_MARK } from './base.ts';
export type * from './types.ts';
