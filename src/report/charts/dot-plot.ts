// Values with intervals per row, groups side by side (e.g. prestationsgrad per
// municipality, learning-centre students against other students). Groups differ in
// colour and shape and are named in the legend; a preliminary value is a hollow dot; a
// missing or suppressed value shows ".." and nothing else.
import {
  type Layer,
  MISSING_MARK,
  extremes,
  isNumber,
  slug,
  titleBlock,
  uniqueInOrder,
  layeredChart,
} from './base.ts';
import { AXIS_SPECIFIER, formatRange, formatValue } from './format.ts';
import { WORDS } from './labels.ts';
import { MUTED_TEXT, seriesColour, seriesShape } from './palette.ts';
import { TOOLTIP, intervalLine, tipLines, valueLine } from './tooltip.ts';
import type { ChartSpec, DotPlotOptions, DotRow, Lang } from './types.ts';

interface DotDatum {
  label: string;
  groupLabel: string;
  value: number | null;
  low: number | null;
  high: number | null;
  preliminary: boolean;
  /** The tooltip: row, group, value (or ".."), interval. */
  tip: string;
}

export function dotPlotWithIntervals(
  rows: DotRow[],
  options: DotPlotOptions,
  lang: Lang,
): ChartSpec {
  const words = WORDS[lang];
  const { title, format } = options;
  const labels = uniqueInOrder(rows.map((r) => r.label));
  const groups = uniqueInOrder(rows.map((r) => r.group));
  const groupLabelOf = new Map<string, string>();
  for (const row of rows)
    if (!groupLabelOf.has(row.group)) groupLabelOf.set(row.group, row.groupLabel);
  const groupLabels = groups.map((g) => groupLabelOf.get(g)!);

  const data: DotDatum[] = rows.map((row) => {
    const shown = isNumber(row.value);
    const interval = shown && isNumber(row.low) && isNumber(row.high);
    const groupLabel = groupLabelOf.get(row.group)!;
    return {
      label: row.label,
      groupLabel,
      value: shown ? row.value : null,
      low: interval ? row.low : null,
      high: interval ? row.high : null,
      preliminary: shown && row.preliminary === true,
      tip: tipLines(
        row.label,
        groupLabel,
        valueLine(
          shown ? formatValue(row.value!, format, lang) : null,
          lang,
          shown && row.preliminary === true,
        ),
        intervalLine(interval ? formatRange(row.low!, row.high!, format, lang) : null, lang),
      ),
    };
  });
  const hasMissing = data.some((d) => d.value === null);
  const hasPreliminary = data.some((d) => d.preliminary);

  const step = Math.max(18, 11 * groups.length + 4);
  const y = {
    field: 'label',
    type: 'nominal',
    sort: labels,
    scale: { domain: labels },
    axis: { title: null, labelLimit: 200 },
  } as const;
  const yOffset = {
    field: 'groupLabel',
    type: 'nominal',
    sort: groupLabels,
    scale: { domain: groupLabels, paddingOuter: 0.2 },
  } as const;
  const x = {
    type: 'quantitative',
    scale: { zero: false, nice: true },
    axis: { title: null, format: AXIS_SPECIFIER[format], tickCount: 6, orient: 'top' },
  } as const;
  const colour = {
    field: 'groupLabel',
    type: 'nominal',
    scale: { domain: groupLabels, range: groupLabels.map((_, i) => seriesColour(i)) },
    legend: { title: null, orient: 'top', direction: 'horizontal' },
  } as const;
  const shape = {
    field: 'groupLabel',
    type: 'nominal',
    scale: { domain: groupLabels, range: groupLabels.map((_, i) => seriesShape(i)) },
    legend: colour.legend,
  } as const;

  const layer: (Layer | false)[] = [
    data.some((d) => d.low !== null) && {
      transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        y,
        yOffset,
        x: { ...x, field: 'low' },
        x2: { field: 'high' },
        color: colour,
        tooltip: TOOLTIP,
      },
    },
    data.some((d) => d.value !== null) && {
      transform: [{ filter: 'isValid(datum.value)' }],
      mark: { type: 'point', size: 45, opacity: 1, strokeWidth: 1.5 },
      encoding: {
        y,
        yOffset,
        x: { ...x, field: 'value' },
        color: colour,
        shape,
        fill: {
          condition: { test: 'datum.preliminary', value: 'white' },
          field: 'groupLabel',
          type: 'nominal',
          scale: colour.scale,
          legend: colour.legend,
        },
        tooltip: TOOLTIP,
      },
    },
  ];
  if (hasMissing) {
    layer.push({
      transform: [{ filter: '!isValid(datum.value)' }],
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'middle',
        dx: 3,
        color: MUTED_TEXT,
        fontWeight: 'bold',
        text: MISSING_MARK,
      },
      encoding: { y, yOffset, x: { value: 0 }, tooltip: TOOLTIP },
    });
  }

  const description = describe(options, labels, groupLabels, data, lang);
  const spec = layeredChart({
    title: titleBlock(title, [
      words.dotLegend(hasPreliminary),
      hasMissing ? words.missingNote : '',
    ]),
    description,
    data,
    lang,
    height: step * labels.length,
    noValues: words.noValues,
    layers: layer,
  });
  return { name: options.name ?? `dots-${slug(title)}`, title, description, spec };
}

function describe(
  options: DotPlotOptions,
  labels: string[],
  groupLabels: string[],
  data: DotDatum[],
  lang: Lang,
): string {
  const words = WORDS[lang];
  const fmt = (value: number) => formatValue(value, options.format, lang);
  const parts = [words.dotDescription(options.title, labels.length, groupLabels)];
  for (const group of groupLabels) {
    const shown = data.filter(
      (d): d is DotDatum & { value: number } => d.groupLabel === group && isNumber(d.value),
    );
    const ends = extremes(shown, (d) => d.value);
    if (ends)
      parts.push(
        words.dotGroup(
          group,
          `${ends.high.label} ${fmt(ends.high.value)}`,
          `${ends.low.label} ${fmt(ends.low.value)}`,
          shown.length,
        ),
      );
  }
  const missing = data.filter((d) => !isNumber(d.value)).length;
  if (missing) parts.push(words.dotMissing(missing));
  const preliminary = data.filter((d) => d.preliminary).length;
  if (preliminary) parts.push(words.dotPreliminary(preliminary));
  return parts.join(' ');
}
