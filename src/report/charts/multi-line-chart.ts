// Several series over terms (e.g. the widened-recruitment shares): one line per series
// in colour and point shape, named in the legend, each with its interval as a light
// band. A missing or suppressed value breaks its line and shows ".." under its term.
import {
  type Layer,
  MISSING_MARK,
  extremes,
  isNumber,
  segmentIds,
  slug,
  titleBlock,
  termsAndSeries,
  layeredChart,
} from './base.ts';
import { AXIS_SPECIFIER, formatRange, formatValue } from './format.ts';
import { WORDS } from './labels.ts';
import { MUTED_TEXT, seriesColour, seriesShape } from './palette.ts';
import { TOOLTIP, intervalLine, tipLines, valueLine } from './tooltip.ts';
import type { ChartSpec, Lang, MultiLineOptions, MultiLineRow } from './types.ts';

const HEIGHT = 260;

interface LineDatum {
  term: string;
  seriesLabel: string;
  value: number | null;
  low: number | null;
  high: number | null;
  segment: string | null;
  band: string | null;
  /** An interval with no neighbour to make a band with: drawn as a vertical line. */
  lone: boolean;
  /** The tooltip: series, term, value (or ".."), interval. */
  tip: string;
}

export function multiLineChart(
  rows: MultiLineRow[],
  options: MultiLineOptions,
  lang: Lang,
): ChartSpec {
  const words = WORDS[lang];
  const { title, format } = options;
  const { terms, series, labels } = termsAndSeries(rows);

  const data: LineDatum[] = [];
  series.forEach((key, index) => {
    const ofSeries = terms.map((term) => rows.find((r) => r.series === key && r.term === term));
    const shown = ofSeries.map((r) => r !== undefined && isNumber(r.value));
    const withBand = ofSeries.map(
      (r, i) => shown[i] === true && isNumber(r?.low) && isNumber(r?.high),
    );
    const segments = segmentIds(shown);
    const bands = segmentIds(withBand);
    terms.forEach((term, i) => {
      const row = ofSeries[i];
      const segment = segments[i];
      const band = bands[i];
      data.push({
        term,
        seriesLabel: labels[index]!,
        value: shown[i] ? row!.value : null,
        low: withBand[i] ? row!.low : null,
        high: withBand[i] ? row!.high : null,
        segment: segment === null || segment === undefined ? null : `${index}:${segment}`,
        band: band === null || band === undefined ? null : `${index}:${band}`,
        lone: withBand[i] === true && withBand[i - 1] !== true && withBand[i + 1] !== true,
        tip: tipLines(
          labels[index],
          term,
          valueLine(shown[i] ? formatValue(row!.value!, format, lang) : null, lang),
          intervalLine(withBand[i] ? formatRange(row!.low!, row!.high!, format, lang) : null, lang),
        ),
      });
    });
  });
  const missingTerms = terms.filter((term) =>
    data.some((d) => d.term === term && !isNumber(d.value)),
  );

  const x = {
    field: 'term',
    type: 'ordinal',
    sort: terms,
    scale: { domain: terms },
    axis: { title: null, labelAngle: terms.length > 10 ? -45 : 0 },
  } as const;
  const yScale = { zero: format !== 'ratio' };
  const yAxis = { title: null, format: AXIS_SPECIFIER[format], tickCount: 5 };
  const colour = {
    field: 'seriesLabel',
    type: 'nominal',
    scale: { domain: labels, range: labels.map((_, i) => seriesColour(i)) },
    legend: { title: null, orient: 'top', direction: 'horizontal', columns: 2, symbolOpacity: 1 },
  } as const;
  const shape = {
    field: 'seriesLabel',
    type: 'nominal',
    scale: { domain: labels, range: labels.map((_, i) => seriesShape(i)) },
    legend: colour.legend,
  } as const;

  const anyValue = data.some((d) => isNumber(d.value));
  const layer: (Layer | false)[] = [
    data.some((d) => d.band !== null) && {
      transform: [{ filter: 'isValid(datum.band)' }],
      mark: { type: 'area', opacity: 0.12 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative', scale: yScale, axis: yAxis },
        y2: { field: 'high' },
        color: colour,
        detail: { field: 'band', type: 'nominal' },
      },
    },
    data.some((d) => d.lone) && {
      transform: [{ filter: 'datum.lone' }],
      mark: { type: 'rule', opacity: 0.45, strokeWidth: 3 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative', scale: yScale, axis: yAxis },
        y2: { field: 'high' },
        color: colour,
        tooltip: TOOLTIP,
      },
    },
    anyValue && {
      transform: [{ filter: 'isValid(datum.segment)' }],
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', scale: yScale, axis: yAxis },
        color: colour,
        detail: { field: 'segment', type: 'nominal' },
      },
    },
    anyValue && {
      transform: [{ filter: 'isValid(datum.value)' }],
      mark: { type: 'point', filled: true, size: 45, opacity: 1 },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', scale: yScale, axis: yAxis },
        color: colour,
        shape,
        tooltip: TOOLTIP,
      },
    },
  ];
  if (missingTerms.length) {
    layer.push({
      // Under each term with a gap: which series show ".." there.
      data: {
        values: missingTerms.map((term) => ({
          term,
          tip: tipLines(
            term,
            ...data
              .filter((d) => d.term === term && !isNumber(d.value))
              .map((d) => valueLine(null, lang, false, d.seriesLabel)),
          ),
        })),
      },
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

  const description = describe(options, labels, data, terms, lang);
  const spec = layeredChart({
    title: titleBlock(title, [words.linesLegend, missingTerms.length ? words.missingNote : '']),
    description,
    data,
    lang,
    height: HEIGHT,
    noValues: words.noValues,
    layers: layer,
  });
  return { name: options.name ?? `lines-${slug(title)}`, title, description, spec };
}

function describe(
  options: MultiLineOptions,
  labels: string[],
  data: LineDatum[],
  terms: string[],
  lang: Lang,
): string {
  const words = WORDS[lang];
  const fmt = (value: number) => formatValue(value, options.format, lang);
  const parts = [
    words.linesDescription(
      options.title,
      labels.length,
      terms.length,
      terms[0] ?? '',
      terms[terms.length - 1] ?? '',
    ),
  ];
  for (const label of labels) {
    const shown = data.filter(
      (d): d is LineDatum & { value: number } => d.seriesLabel === label && isNumber(d.value),
    );
    const first = shown[0];
    const last = shown[shown.length - 1];
    const ends = extremes(shown, (d) => d.value);
    if (first && last && ends) {
      parts.push(
        words.linesSeries(
          label,
          `${fmt(first.value)} (${first.term})`,
          `${fmt(last.value)} (${last.term})`,
          `${fmt(ends.high.value)} (${ends.high.term})`,
        ),
      );
    }
    const missing = data
      .filter((d) => d.seriesLabel === label && !isNumber(d.value))
      .map((d) => d.term);
    if (missing.length) parts.push(words.linesMissing(label, missing));
  }
  return parts.join(' ');
}
