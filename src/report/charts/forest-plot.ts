// Every goal's value with its interval and its target ("forest plot"), each on its
// indicator's own scale: a 5 % conversion is drawn at 5 % with a tick at its 20 % target,
// never as "25 % of target". Goals of one unit share an axis, one panel per unit
// (shares, differences, ratios, counts, …); in a panel the goals are grouped by
// recommendation and activity. Three columns share a panel's rows: the goal in words,
// the plot, and the value in its unit with the status and the target in words.
import type { TopLevelSpec } from 'vega-lite';
import {
  MISSING_MARK,
  SCHEMA_URL,
  baseConfig,
  emptyChart,
  capitalise,
  isNumber,
  slug,
  titleBlock,
  uniqueInOrder,
  wrapWords,
} from './base.ts';
import { WORDS } from './labels.ts';
import {
  PANEL,
  type RowChannel,
  byUnit,
  panelTitle,
  sideLines,
  sideColumn,
  targetText,
  targetTipLine,
  unitAxis,
  unitNames,
  unitScale,
  valueText,
  intervalText,
} from './own-scale.ts';
import { MUTED_TEXT, STATUS_COLOURS, STATUS_ORDER, TEXT } from './palette.ts';
import { TOOLTIP, intervalLine, tipLines, valueLine } from './tooltip.ts';
import type {
  ChartSpec,
  ForestGoal,
  ForestPlotOptions,
  GoalStatus,
  Lang,
  Recommendation,
} from './types.ts';

/** Decided first, then undecided, then the ones shown for the record. */
export const RECOMMENDATION_ORDER: readonly Recommendation[] = [
  'continue',
  'develop',
  'end',
  'insufficient_data',
  'in_progress',
  'ended',
];

/** Recommendation heading, activity heading, goal (the row with marks), continued goal text. */
/** Characters of an activity's name a line: bold, and indented less than a goal's label. */
const ACTIVITY_CHARS = PANEL.labelChars - 3;

const LEVEL = { recommendation: 0, activity: 1, goal: 2, more: 3 } as const;
type Level = (typeof LEVEL)[keyof typeof LEVEL];

interface ForestDatum {
  /** The panel (unit) the row is drawn in, by its place in the chart. */
  panel: number;
  row: string;
  /** Row level, a number so the data holds no words of either language: see LEVEL. */
  level: Level;
  label: string;
  indent: number;
  /** The goal's value, interval and target in the indicator's own unit; null when not shown. */
  value: number | null;
  low: number | null;
  high: number | null;
  target: number | null;
  statusLabel: string | null;
  /** ".." written in the plot column where the value is missing or hidden. */
  note: string | null;
  /** "5 % · inte uppnått" (the first line, or one it continues on). */
  summary: string | null;
  /** "mål ≥ 20 %", muted, below the summary. */
  aside: string | null;
  /** The tooltip of every row of a goal: activity, goal, value (or ".."), interval, target, status; null on headings. */
  tip: string | null;
}

export function forestPlot(
  goals: ForestGoal[],
  lang: Lang,
  options: ForestPlotOptions = {},
): ChartSpec {
  const words = WORDS[lang];
  const title = options.title ?? words.forestTitle;
  if (goals.length === 0)
    return emptyChart(options.name ?? slug(title), title, words.noValues, lang);
  const panels = byUnit(goals);

  const data: ForestDatum[] = [];
  const blank = {
    value: null,
    low: null,
    high: null,
    target: null,
    statusLabel: null,
    note: null,
    summary: null,
    aside: null,
    tip: null,
  };
  panels.forEach(({ items }, panel) => {
    const heading = (level: Level, label: string, indent: number) =>
      data.push({ panel, row: `r${data.length}`, level, label, indent, ...blank });
    for (const recommendation of RECOMMENDATION_ORDER) {
      const group = items.filter((g) => g.recommendation === recommendation);
      if (group.length === 0) continue;
      heading(LEVEL.recommendation, capitalise(group[0]!.recommendationLabel), 0);
      for (const activityId of uniqueInOrder(group.map((g) => g.activityId))) {
        const ofActivity = group.filter((g) => g.activityId === activityId);
        // The name is how the reader finds the activity: wrapped, not cut ("Inspirationsdag: vägar till hög…").
        for (const line of wrapWords(ofActivity[0]!.activityName, ACTIVITY_CHARS).slice(0, 3))
          heading(LEVEL.activity, line, 8);
        for (const goal of ofActivity) data.push(...goalRows(goal, panel, data.length, lang));
      }
    }
  });

  const notes = data.some((d) => d.note === MISSING_MARK) ? [words.missingNote] : [];

  // Status colours in a fixed order, each named by the caller's label; one legend for all panels.
  const statusLabels = new Map<GoalStatus, string>();
  for (const goal of goals)
    if (!statusLabels.has(goal.status)) statusLabels.set(goal.status, goal.statusLabel);
  const statuses = STATUS_ORDER.filter((status) => statusLabels.has(status));
  const colour = {
    field: 'statusLabel',
    type: 'nominal',
    scale: {
      domain: statuses.map((s) => statusLabels.get(s)!),
      range: statuses.map((s) => STATUS_COLOURS[s]),
    },
    legend: { title: words.status, orient: 'bottom', direction: 'horizontal', columns: 3 },
  } as const;

  const description = describe(goals, lang);
  const spec: TopLevelSpec = {
    $schema: SCHEMA_URL,
    title: titleBlock(title, [words.forestLegend, ...notes], PANEL.width),
    description,
    data: { values: data as unknown as Record<string, unknown>[] },
    config: baseConfig(lang),
    spacing: PANEL.panelSpacing,
    vconcat: panels.map(({ unit }, panel) => {
      const own = data.filter((d) => d.panel === panel);
      const inPanel = { filter: `datum.panel === ${panel}` };
      const y: RowChannel = {
        field: 'row',
        type: 'nominal',
        scale: { domain: own.map((d) => d.row) },
        axis: null,
      };
      const scale = unitScale(
        unit,
        own.flatMap((d) => [d.value, d.low, d.high, d.target]),
      );
      const x = { type: 'quantitative', scale } as const;
      return {
        title: panelTitle(words.unitTitle[unit]),
        spacing: PANEL.spacing,
        hconcat: [
          {
            width: PANEL.label,
            height: { step: PANEL.step },
            layer: (['recommendation', 'activity', 'goal'] as const).map((kind) => ({
              transform: [
                inPanel,
                {
                  filter:
                    kind === 'goal'
                      ? `datum.level >= ${LEVEL.goal}`
                      : `datum.level === ${LEVEL[kind]}`,
                },
              ],
              mark: {
                type: 'text',
                align: 'left',
                baseline: 'middle',
                limit: PANEL.label - 16,
                color: kind === 'recommendation' ? '#000000' : TEXT,
                fontWeight: kind === 'goal' ? 'normal' : 'bold',
                fontSize: kind === 'recommendation' ? 12 : 11,
              },
              encoding: {
                y,
                x: { field: 'indent', type: 'quantitative', scale: null },
                text: { field: 'label' },
                // Headings have no tooltip; a goal's rows have the goal's.
                ...(kind === 'goal' ? { tooltip: TOOLTIP } : {}),
              },
            })),
          },
          {
            width: PANEL.plot,
            height: { step: PANEL.step },
            layer: [
              {
                transform: [inPanel, { filter: 'isValid(datum.low) && isValid(datum.high)' }],
                mark: { type: 'rule', strokeWidth: 2 },
                encoding: {
                  y,
                  x: { field: 'low', ...x },
                  x2: { field: 'high' },
                  color: colour,
                  tooltip: TOOLTIP,
                },
              },
              {
                transform: [inPanel, { filter: 'isValid(datum.target)' }],
                mark: { type: 'tick', color: '#000000', thickness: 2, size: 14 },
                encoding: { y, x: { field: 'target', ...x }, tooltip: TOOLTIP },
              },
              {
                transform: [inPanel, { filter: 'isValid(datum.value)' }],
                mark: {
                  type: 'point',
                  shape: 'circle',
                  filled: true,
                  size: 70,
                  opacity: 1,
                  stroke: '#000000',
                  strokeWidth: 0.75,
                },
                encoding: {
                  y,
                  x: {
                    field: 'value',
                    ...x,
                    axis: { title: null, orient: 'bottom', tickCount: 5, ...unitAxis(unit) },
                  },
                  color: colour,
                  tooltip: TOOLTIP,
                },
              },
              {
                transform: [inPanel, { filter: 'isValid(datum.note)' }],
                mark: {
                  type: 'text',
                  align: 'left',
                  baseline: 'middle',
                  dx: 2,
                  color: MUTED_TEXT,
                  fontWeight: 'bold',
                  limit: PANEL.plot - 4,
                },
                encoding: { y, x: { value: 0 }, text: { field: 'note' }, tooltip: TOOLTIP },
              },
            ],
          },
          sideColumn(y, inPanel),
        ],
        resolve: { scale: { y: 'shared' } },
      };
    }),
    resolve: { scale: { color: 'shared' } },
  };

  return { name: options.name ?? slug(title), title, description, spec };
}

/** A goal's rows: the first with its marks, the others continuing its label and its text. */
function goalRows(goal: ForestGoal, panel: number, first: number, lang: Lang): ForestDatum[] {
  const words = WORDS[lang];
  // "≥ 15 %" stays on one line; long goals continue on rows of their own.
  const lines = wrapWords(goal.goalLabel.replace(/([≥≤]) /g, '$1\u00a0'), PANEL.labelChars).slice(
    0,
    3,
  );
  const shown = isNumber(goal.value) ? goal.value : null;
  const hasInterval = shown !== null && isNumber(goal.low) && isNumber(goal.high);
  const value = shown === null ? null : valueText(goal.indicator, shown, lang);
  const interval = hasInterval ? intervalText(goal.indicator, goal.low!, goal.high!, lang) : null;
  const target = targetText(goal.indicator, goal.operator, goal.target, lang);
  const side = sideLines(value ?? MISSING_MARK, goal.statusLabel, target);
  const tip = tipLines(
    goal.activityName,
    goal.goalLabel,
    valueLine(value, lang),
    intervalLine(interval, lang),
    targetTipLine(goal.indicator, goal.operator, goal.target, lang),
    `${words.status}: ${goal.statusLabel}`,
  );
  const out: ForestDatum[] = [
    {
      panel,
      row: `r${first}`,
      level: LEVEL.goal,
      label: lines[0] ?? '',
      indent: 16,
      value: shown,
      low: hasInterval ? goal.low : null,
      high: hasInterval ? goal.high : null,
      target: goal.target,
      statusLabel: goal.statusLabel,
      note: shown === null ? MISSING_MARK : null,
      ...side[0]!,
      tip,
    },
  ];
  for (let i = 1; i < Math.max(lines.length, side.length); i++) {
    out.push({
      panel,
      row: `r${first + i}`,
      level: LEVEL.more,
      label: lines[i] ?? '',
      indent: 16,
      value: null,
      low: null,
      high: null,
      target: null,
      statusLabel: null,
      note: null,
      summary: side[i]?.summary ?? null,
      aside: side[i]?.aside ?? null,
      tip,
    });
  }
  return out;
}

function describe(goals: ForestGoal[], lang: Lang): string {
  const words = WORDS[lang];
  const activities = uniqueInOrder(goals.map((g) => g.activityId)).length;
  const parts = [words.forestDescription(goals.length, activities, unitNames(goals, lang))];
  for (const recommendation of RECOMMENDATION_ORDER) {
    const group = goals.filter((g) => g.recommendation === recommendation);
    if (group.length === 0) continue;
    const counts = new Map<string, number>();
    for (const status of STATUS_ORDER)
      for (const g of group)
        if (g.status === status) counts.set(g.statusLabel, (counts.get(g.statusLabel) ?? 0) + 1);
    const statusText = [...counts].map(([label, count]) => `${label} ${count}`).join(', ');
    parts.push(
      words.forestGroup(capitalise(group[0]!.recommendationLabel), group.length, statusText),
    );
  }
  const missing = goals.filter((g) => !isNumber(g.value)).length;
  if (missing) parts.push(words.forestMissing(missing));
  return parts.join(' ');
}
