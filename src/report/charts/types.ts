// The inputs and the output of the chart builders. Every number a builder receives is
// publishable: `null` stands for a value that is missing or suppressed (small-cell
// protection), and a builder never invents it, draws it, or writes anything that would
// reveal it (no numerators, denominators or n travel with a point).
import type { TopLevelSpec } from 'vega-lite';
import type { GoalStatus } from '../../decide/goal-status.ts';
import type { Recommendation } from '../../decide/recommend.ts';
import type { Lang } from '../../i18n/lang.ts';

export type { Lang, GoalStatus, Recommendation };

/** One chart: a file-safe name, its title, a text alternative, and the Vega-Lite spec with its data inlined. */
export interface ChartSpec {
  /** File-safe (`[a-z0-9-]`), used for `charts/<name>.vl.json|svg|png`. */
  name: string;
  title: string;
  /** A text alternative for screen readers, written from the data in the chart's language. */
  description: string;
  spec: TopLevelSpec;
}

/** How values are written: shares 0–1 as percent, plain numbers (counts, costs, rates), ratios with two decimals. */
export type ValueFormat = 'percent' | 'number' | 'ratio';

export type Operator = '>=' | '<=';

/** Options every builder with an options object accepts besides its own. */
export interface ChartNaming {
  /** Overrides the file name derived from the title. */
  name?: string;
}

// 1. Forest plot ----------------------------------------------------------------------

export interface ForestGoal {
  activityId: string;
  activityName: string;
  /** The goal in words, e.g. "Konvertering inom två terminer ≥ 15 %". */
  goalLabel: string;
  /** The indicator's registry name: its unit and decimals give the goal's scale and text. */
  indicator: string;
  recommendation: Recommendation;
  recommendationLabel: string;
  status: GoalStatus;
  statusLabel: string;
  operator: Operator;
  target: number;
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface ForestPlotOptions extends ChartNaming {
  title?: string;
}

// 2. Trend chart ------------------------------------------------------------------------

export interface TrendPoint {
  term: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** The value may still change (e.g. prestationsgrad_4t before four terms have passed). */
  preliminary?: boolean;
}

export interface TrendChartInput extends ChartNaming {
  title: string;
  points: TrendPoint[];
  target?: { value: number; operator: Operator };
  format: ValueFormat;
}

// 3. Bullet chart -----------------------------------------------------------------------

export interface BulletRow {
  label: string;
  actual: number | null;
  target: number;
  operator: Operator;
  statusLabel: string;
  /** The indicator's registry name: its unit and decimals give the row's scale and text. */
  indicator: string;
}

export interface BulletChartOptions extends ChartNaming {
  title?: string;
}

// 4. Heat map ---------------------------------------------------------------------------

export interface HeatCell {
  rowLabel: string;
  term: string;
  value: number | null;
}

export interface HeatMapOptions extends ChartNaming {
  title: string;
  format: ValueFormat;
}

// 5. Dot plot with intervals -------------------------------------------------------------

export interface DotRow {
  label: string;
  /** A stable key of the group (e.g. `lc`, `non_lc`); groups are drawn in order of first appearance. */
  group: string;
  groupLabel: string;
  value: number | null;
  low: number | null;
  high: number | null;
  preliminary?: boolean;
}

export interface DotPlotOptions extends ChartNaming {
  title: string;
  format: ValueFormat;
}

// 6. Participation bars -----------------------------------------------------------------

export interface ParticipationRow {
  term: string;
  series: string;
  seriesLabel: string;
  value: number | null;
}

export interface ParticipationOptions extends ChartNaming {
  title: string;
}

// 7. Multi-line chart -------------------------------------------------------------------

export interface MultiLineRow {
  term: string;
  series: string;
  seriesLabel: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface MultiLineOptions extends ChartNaming {
  title: string;
  format: ValueFormat;
}
