// One indicator over terms: a line with its interval as a band and the target as a
// dashed rule. Terms keep the order given. A missing or suppressed term breaks the line
// and shows "..": nothing is drawn where there is no publishable value.
import {
  type Layer,
  MISSING_MARK,
  capitalise,
  extremes,
  isNumber,
  segmentIds,
  slug,
  titleBlock,
  uniqueInOrder,
  layeredChart,
} from './base.ts';
import { AXIS_SPECIFIER, formatRange, formatValue } from './format.ts';
import { WORDS } from './labels.ts';
import { MUTED_TEXT, OKABE_ITO } from './palette.ts';
import { TOOLTIP, intervalLine, tipLines, valueLine } from './tooltip.ts';
import type { ChartSpec, Lang, TrendChartInput, TrendPoint } from './types.ts';

const HEIGHT = 220;
const LINE = OKABE_ITO.blue;

interface TrendDatum {
  term: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Line segment between missing terms. */
  segment: number | null;
  /** Band segment: terms with both interval ends. */
  band: number | null;
  preliminary: boolean;
  /** An interval with no neighbour to make a band with: drawn as a vertical line. */
  lone: boolean;
  /** The tooltip: term, value (or ".."), interval. */
  tip: string;
}

export function trendChart(input: TrendChartInput, lang: Lang): ChartSpec {
  const words = WORDS[lang];
  const { title, format, target } = input;
  const points = input.points;
  const terms = uniqueInOrder(points.map((p) => p.term));
  const shown = points.map((p) => isNumber(p.value));
  const withBand = points.map((p) => isNumber(p.value) && isNumber(p.low) && isNumber(p.high));
  const segments = segmentIds(shown);
  const bands = segmentIds(withBand);
  const data: TrendDatum[] = points.map((p, i) => ({
    term: p.term,
    value: shown[i] ? p.value : null,
    low: withBand[i] ? p.low : null,
    high: withBand[i] ? p.high : null,
    segment: segments[i] ?? null,
    band: bands[i] ?? null,
    preliminary: shown[i] === true && p.preliminary === true,
    lone: withBand[i] === true && withBand[i - 1] !== true && withBand[i + 1] !== true,
    tip: tipLines(
      p.term,
      valueLine(
        shown[i] ? formatValue(p.value!, format, lang) : null,
        lang,
        shown[i] === true && p.preliminary === true,
      ),
      intervalLine(withBand[i] ? formatRange(p.low!, p.high!, format, lang) : null, lang),
    ),
  }));
  const hasBand = withBand.some(Boolean);
  const hasMissing = shown.some((s) => !s);
  const hasPreliminary = data.some((d) => d.preliminary);

  const x = {
    field: 'term',
    type: 'ordinal',
    sort: terms,
    scale: { domain: terms },
    axis: { title: null, labelAngle: terms.length > 10 ? -45 : 0 },
  } as const;
  const yScale = { zero: format !== 'ratio' };
  const yAxis = { title: null, format: AXIS_SPECIFIER[format], tickCount: 5 };

  const layer: Layer[] = [];
  if (hasBand) {
    layer.push({
      transform: [{ filter: 'isValid(datum.band)' }],
      mark: { type: 'area', color: LINE, opacity: 0.18 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative', scale: yScale, axis: yAxis },
        y2: { field: 'high' },
        detail: { field: 'band', type: 'nominal' },
      },
    });
  }
  if (data.some((d) => d.lone)) {
    layer.push({
      transform: [{ filter: 'datum.lone' }],
      mark: { type: 'rule', color: LINE, opacity: 0.5, strokeWidth: 3 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative', scale: yScale, axis: yAxis },
        y2: { field: 'high' },
        tooltip: TOOLTIP,
      },
    });
  }
  if (shown.some(Boolean))
    layer.push(
      {
        transform: [{ filter: 'isValid(datum.segment)' }],
        mark: { type: 'line', color: LINE, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', scale: yScale, axis: yAxis },
          detail: { field: 'segment', type: 'nominal' },
        },
      },
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: {
          type: 'point',
          shape: 'circle',
          size: 60,
          filled: true,
          stroke: LINE,
          strokeWidth: 2,
          opacity: 1,
        },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', scale: yScale, axis: yAxis },
          fill: { condition: { test: 'datum.preliminary', value: 'white' }, value: LINE },
          tooltip: TOOLTIP,
        },
      },
    );
  if (target) {
    const targetText = capitalise(
      words.targetPhrase(target.operator, formatValue(target.value, format, lang)),
    );
    // one datum of their own, so the rule and its label are drawn once, not once a term
    layer.push(
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: '#000000', strokeDash: [5, 4], strokeWidth: 1.25 },
        encoding: { y: { datum: target.value, type: 'quantitative' } },
      },
      {
        data: { values: [{}] },
        mark: {
          type: 'text',
          align: 'right',
          baseline: 'bottom',
          dy: -3,
          color: '#000000',
          text: targetText,
        },
        encoding: { x: { value: 'width' }, y: { datum: target.value, type: 'quantitative' } },
      },
    );
  }
  if (hasMissing) {
    layer.push({
      transform: [{ filter: '!isValid(datum.value)' }],
      mark: {
        type: 'text',
        baseline: 'bottom',
        dy: -4,
        color: MUTED_TEXT,
        fontSize: 12,
        fontWeight: 'bold',
        text: MISSING_MARK,
      },
      encoding: { x, y: { value: 'height' }, tooltip: TOOLTIP },
    });
  }

  const subtitle = [
    [
      words.trendLegend(hasBand, target !== undefined),
      hasPreliminary ? `${capitalise(words.preliminaryNote)}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    hasMissing ? words.missingNote : '',
  ];
  const description = describe(input, data, lang);
  const spec = layeredChart({
    title: titleBlock(title, subtitle),
    description,
    data,
    lang,
    height: HEIGHT,
    noValues: words.noValues,
    layers: layer,
  });
  return { name: input.name ?? `trend-${slug(title)}`, title, description, spec };
}

function describe(input: TrendChartInput, data: TrendDatum[], lang: Lang): string {
  const words = WORDS[lang];
  const { format, target } = input;
  const terms = uniqueInOrder(data.map((d) => d.term));
  const parts = [
    words.trendDescription(
      input.title,
      terms.length,
      terms[0] ?? '',
      terms[terms.length - 1] ?? '',
    ),
  ];
  const shown = data.filter((d): d is TrendDatum & { value: number } => isNumber(d.value));
  const latest = shown[shown.length - 1];
  if (!latest) parts.push(words.noValues);
  else {
    const interval =
      isNumber(latest.low) && isNumber(latest.high)
        ? formatRange(latest.low, latest.high, format, lang)
        : null;
    parts.push(words.trendLatest(latest.term, formatValue(latest.value, format, lang), interval));
  }
  const ends = extremes(shown, (d) => d.value);
  if (ends && shown.length > 1) {
    parts.push(
      words.trendRange(
        ends.high.term,
        formatValue(ends.high.value, format, lang),
        ends.low.term,
        formatValue(ends.low.value, format, lang),
      ),
    );
  }
  if (target)
    parts.push(
      `${capitalise(words.targetPhrase(target.operator, formatValue(target.value, format, lang)))}.`,
    );
  const preliminary = shown.filter((d) => d.preliminary).map((d) => d.term);
  if (preliminary.length) parts.push(words.preliminaryList(preliminary));
  const missing = data.filter((d) => !isNumber(d.value)).map((d) => d.term);
  if (missing.length) parts.push(words.trendMissing(missing));
  return parts.join(' ');
}

export type { TrendPoint };
