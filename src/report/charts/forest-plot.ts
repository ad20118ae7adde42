// Every goal's value against its target with its interval ("forest plot"), grouped by
// recommendation. Goals are on different scales (shares, counts, costs), so each is drawn
// as value / target: 100 % is the target. Three columns share the rows: the goal in
// words, the plot, and the percent of target with the status in words.
import type { TopLevelSpec } from 'vega-lite';
import {
  MISSING_MARK,
  SCHEMA_URL,
  baseConfig,
  emptyChart,
  capitalise,
  extremes,
  isNumber,
  slug,
  titleBlock,
  uniqueInOrder,
  wrapWords,
} from './base.ts';
import { formatPercentOfTarget, formatRange } from './format.ts';
import { WORDS } from './labels.ts';
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

const LABEL_WIDTH = 240;
const PLOT_WIDTH = 210;
const STATUS_WIDTH = 160;
const SPACING = 6;
/** Characters of a goal label per line in the label column (DejaVu Sans 11 px is about 6.2 px a character). */
const LABEL_CHARS = 36;
const ROW_STEP = 17;
const AXIS_MAX = 3;
const AXIS_MIN = -1;

/** Recommendation heading, activity heading, goal (the row with marks), continued goal text. */
const LEVEL = { recommendation: 0, activity: 1, goal: 2, more: 3 } as const;
type Level = (typeof LEVEL)[keyof typeof LEVEL];

interface ForestDatum {
  row: string;
  /** Row level, a number so the data holds no words of either language: see LEVEL. */
  level: Level;
  label: string;
  indent: number;
  /** value / target, held inside the axis; null when not shown. */
  x: number | null;
  low: number | null;
  high: number | null;
  shape: string | null;
  statusLabel: string | null;
  /** ".." or "cannot be shown as percent", written in the plot column. */
  note: string | null;
  /** "149 % · likely met" in the status column. */
  summary: string | null;
  /** The tooltip of every row of a goal: activity, goal, value against target (or ".."), interval, status; null on headings. */
  tip: string | null;
}

interface Placed {
  goal: ForestGoal;
  ratio: number | null;
  comparable: boolean;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function place(goal: ForestGoal): Placed {
  const comparable = goal.target > 0;
  const ratio = comparable && isNumber(goal.value) ? goal.value / goal.target : null;
  return { goal, ratio, comparable };
}

function axisDomain(placed: Placed[]): [number, number] {
  let low = 0;
  let high = 1.5;
  for (const { goal, ratio } of placed) {
    if (ratio === null) continue;
    const ends = [ratio];
    if (isNumber(goal.low) && isNumber(goal.high))
      ends.push(goal.low / goal.target, goal.high / goal.target);
    for (const end of ends) {
      low = Math.min(low, end);
      high = Math.max(high, end);
    }
  }
  const quarter = (value: number, round: (x: number) => number) => round(value * 4) / 4;
  return [
    clamp(quarter(low, Math.floor), AXIS_MIN, 0),
    clamp(quarter(high, Math.ceil), 1.5, AXIS_MAX),
  ];
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
  const placed = goals.map(place);
  const [domainLow, domainHigh] = axisDomain(placed);

  const groups = RECOMMENDATION_ORDER.map((recommendation) =>
    placed.filter((p) => p.goal.recommendation === recommendation),
  ).filter((group) => group.length > 0);

  const data: ForestDatum[] = [];
  const blank = {
    x: null,
    low: null,
    high: null,
    shape: null,
    statusLabel: null,
    note: null,
    summary: null,
    tip: null,
  };
  let offScale = false;
  for (const group of groups) {
    data.push({
      row: `r${data.length}`,
      level: LEVEL.recommendation,
      label: capitalise(group[0]!.goal.recommendationLabel),
      indent: 0,
      ...blank,
    });
    for (const activityId of uniqueInOrder(group.map((p) => p.goal.activityId))) {
      const ofActivity = group.filter((p) => p.goal.activityId === activityId);
      data.push({
        row: `r${data.length}`,
        level: LEVEL.activity,
        label: ofActivity[0]!.goal.activityName,
        indent: 8,
        ...blank,
      });
      for (const { goal, ratio, comparable } of ofActivity) {
        // "≥ 15 %" stays on one line; long goals continue on rows of their own.
        const lines = wrapWords(goal.goalLabel.replace(/([≥≤]) /g, '$1\u00a0'), LABEL_CHARS).slice(
          0,
          3,
        );
        const shown = ratio !== null;
        const hasInterval = shown && isNumber(goal.low) && isNumber(goal.high);
        const x = shown ? clamp(ratio, domainLow, domainHigh) : null;
        const shape = !shown
          ? null
          : ratio > domainHigh
            ? 'triangle-right'
            : ratio < domainLow
              ? 'triangle-left'
              : 'circle';
        if (shape !== null && shape !== 'circle') offScale = true;
        const missing = !isNumber(goal.value);
        const percent = shown ? formatPercentOfTarget(ratio, lang) : missing ? MISSING_MARK : '–';
        const summaries = [
          `${percent} · ${goal.statusLabel}`,
          ...(!comparable && !missing ? [words.forestNotComparable] : []),
        ];
        const tip = tipLines(
          goal.activityName,
          goal.goalLabel,
          shown
            ? valueLine(formatPercentOfTarget(ratio, lang), lang, false, words.tipOfTarget)
            : missing
              ? valueLine(null, lang)
              : words.forestNotComparable,
          intervalLine(
            hasInterval
              ? formatRange(goal.low! / goal.target, goal.high! / goal.target, 'percent', lang)
              : null,
            lang,
          ),
          `${words.status}: ${goal.statusLabel}`,
        );
        data.push({
          row: `r${data.length}`,
          level: LEVEL.goal,
          label: lines[0] ?? '',
          indent: 16,
          x,
          low: hasInterval ? clamp(goal.low! / goal.target, domainLow, domainHigh) : null,
          high: hasInterval ? clamp(goal.high! / goal.target, domainLow, domainHigh) : null,
          shape,
          statusLabel: goal.statusLabel,
          note: missing ? MISSING_MARK : null,
          summary: summaries[0]!,
          tip,
        });
        for (let i = 1; i < Math.max(lines.length, summaries.length); i++) {
          data.push({
            row: `r${data.length}`,
            level: LEVEL.more,
            label: lines[i] ?? '',
            indent: 16,
            ...blank,
            summary: summaries[i] ?? null,
            tip,
          });
        }
      }
    }
  }

  const notes = [
    offScale ? words.forestOffScale : '',
    data.some((d) => d.note === MISSING_MARK) ? words.missingNote : '',
  ].filter(Boolean);
  const rows = data.map((d) => d.row);
  const step = ROW_STEP;
  const y = { field: 'row', type: 'nominal', scale: { domain: rows }, axis: null } as const;

  // Status colours in a fixed order, each named by the caller's label.
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

  const description = describe(placed, groups, lang);
  const spec: TopLevelSpec = {
    $schema: SCHEMA_URL,
    title: titleBlock(title, [words.forestLegend, notes.join(' · ')]),
    description,
    data: { values: data as unknown as Record<string, unknown>[] },
    config: baseConfig(lang),
    spacing: SPACING,
    hconcat: [
      {
        width: LABEL_WIDTH,
        height: { step },
        layer: (['recommendation', 'activity', 'goal'] as const).map((kind) => ({
          transform: [
            {
              filter:
                kind === 'goal' ? `datum.level >= ${LEVEL.goal}` : `datum.level === ${LEVEL[kind]}`,
            },
          ],
          mark: {
            type: 'text',
            align: 'left',
            baseline: 'middle',
            limit: LABEL_WIDTH - 16,
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
        width: PLOT_WIDTH,
        height: { step },
        layer: [
          {
            mark: { type: 'rule', color: '#000000', strokeDash: [4, 3] },
            encoding: { x: { datum: 1, type: 'quantitative' } },
          },
          {
            transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: {
              y,
              x: { field: 'low', type: 'quantitative' },
              x2: { field: 'high' },
              color: colour,
              tooltip: TOOLTIP,
            },
          },
          {
            transform: [{ filter: 'isValid(datum.x)' }],
            mark: {
              type: 'point',
              filled: true,
              size: 80,
              opacity: 1,
              stroke: '#000000',
              strokeWidth: 0.75,
            },
            encoding: {
              y,
              x: {
                field: 'x',
                type: 'quantitative',
                scale: { domain: [domainLow, domainHigh], nice: false, clamp: true },
                axis: {
                  title: words.forestAxis.split('\n'),
                  format: '.0%',
                  orient: 'bottom',
                  tickCount: 6,
                },
              },
              color: colour,
              shape: { field: 'shape', type: 'nominal', scale: null },
              tooltip: TOOLTIP,
            },
          },
          {
            transform: [{ filter: 'isValid(datum.note)' }],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              dx: 2,
              color: MUTED_TEXT,
              fontSize: 10,
              limit: PLOT_WIDTH - 4,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'note' }, tooltip: TOOLTIP },
          },
        ],
      },
      {
        width: STATUS_WIDTH,
        height: { step },
        layer: [
          {
            transform: [{ filter: `datum.level === ${LEVEL.goal}` }],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              limit: STATUS_WIDTH,
              color: TEXT,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'summary' }, tooltip: TOOLTIP },
          },
          {
            transform: [{ filter: `datum.level === ${LEVEL.more} && isValid(datum.summary)` }],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              limit: STATUS_WIDTH,
              color: MUTED_TEXT,
              fontSize: 10,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'summary' }, tooltip: TOOLTIP },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'shared' } },
  };

  return { name: options.name ?? slug(title), title, description, spec };
}

function describe(placed: Placed[], groups: Placed[][], lang: Lang): string {
  const words = WORDS[lang];
  const activities = uniqueInOrder(placed.map((p) => p.goal.activityId)).length;
  const parts = [words.forestDescription(placed.length, activities)];
  for (const group of groups) {
    const counts = new Map<string, number>();
    for (const status of STATUS_ORDER) {
      for (const p of group)
        if (p.goal.status === status)
          counts.set(p.goal.statusLabel, (counts.get(p.goal.statusLabel) ?? 0) + 1);
    }
    const statusText = [...counts].map(([label, count]) => `${label} ${count}`).join(', ');
    parts.push(
      words.forestGroup(capitalise(group[0]!.goal.recommendationLabel), group.length, statusText),
    );
  }
  const shown = placed.filter((p): p is Placed & { ratio: number } => p.ratio !== null);
  const ends = extremes(shown, (p) => p.ratio);
  if (ends && shown.length > 1) {
    const what = (p: Placed) => `${p.goal.activityName}, ${p.goal.goalLabel}`;
    parts.push(words.forestHighest(what(ends.high), formatPercentOfTarget(ends.high.ratio, lang)));
    parts.push(words.forestLowest(what(ends.low), formatPercentOfTarget(ends.low.ratio, lang)));
  }
  const missing = placed.filter((p) => !isNumber(p.goal.value)).length;
  if (missing) parts.push(words.forestMissing(missing));
  const notComparable = placed.filter((p) => !p.comparable && isNumber(p.goal.value)).length;
  if (notComparable) parts.push(words.forestNotComparableCount(notComparable));
  return parts.join(' ');
}
