// Participation per term (headcount, linked): grouped bars, one colour per series named
// in the legend, each bar with its count written on top. A suppressed or missing count
// shows ".." at the baseline and no bar.
import { MISSING_MARK, isNumber, slug, titleBlock, termsAndSeries, layeredChart } from './base.ts';
import { formatValue } from './format.ts';
import { WORDS } from './labels.ts';
import { MUTED_TEXT, TEXT, seriesColour } from './palette.ts';
import { TOOLTIP, tipLines, valueLine } from './tooltip.ts';
import type { ChartSpec, Lang, ParticipationOptions, ParticipationRow } from './types.ts';

const HEIGHT = 200;

interface BarDatum {
  term: string;
  seriesLabel: string;
  value: number | null;
  text: string;
  /** The tooltip: series, term, the count as the bar writes it (or ".."). */
  tip: string;
}

export function participationBars(
  rows: ParticipationRow[],
  options: ParticipationOptions,
  lang: Lang,
): ChartSpec {
  const words = WORDS[lang];
  const { title } = options;
  const { terms, series, labels } = termsAndSeries(rows);

  const data: BarDatum[] = [];
  for (const term of terms) {
    series.forEach((key, index) => {
      const row = rows.find((r) => r.term === term && r.series === key);
      const value = row && isNumber(row.value) ? row.value : null;
      const text = value === null ? null : formatValue(value, 'number', lang);
      data.push({
        term,
        seriesLabel: labels[index]!,
        value,
        text: text ?? MISSING_MARK,
        tip: tipLines(labels[index], term, valueLine(text, lang, false, words.barsAxis)),
      });
    });
  }
  const hasMissing = data.some((d) => d.value === null);
  const anyValue = data.some((d) => d.value !== null);

  const x = {
    field: 'term',
    type: 'ordinal',
    sort: terms,
    scale: { domain: terms, paddingInner: 0.25 },
    axis: { title: null, labelAngle: terms.length > 10 ? -45 : 0 },
  } as const;
  const xOffset = {
    field: 'seriesLabel',
    type: 'nominal',
    sort: labels,
    scale: { domain: labels },
  } as const;
  const y = {
    field: 'value',
    type: 'quantitative',
    axis: { title: words.barsAxis, format: ',~f', tickMinStep: 1 },
  } as const;
  const colour = {
    field: 'seriesLabel',
    type: 'nominal',
    scale: { domain: labels, range: labels.map((_, i) => seriesColour(i)) },
    legend: { title: null, orient: 'top', direction: 'horizontal' },
  } as const;

  const description = describe(options, labels, terms, data, lang);
  const spec = layeredChart({
    title: titleBlock(title, [hasMissing ? words.missingNote : '']),
    description,
    data,
    lang,
    height: HEIGHT,
    noValues: words.noValues,
    layers: [
      anyValue && {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'bar' },
        encoding: { x, xOffset, y, color: colour, tooltip: TOOLTIP },
      },
      anyValue && {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'text', baseline: 'bottom', dy: -2, color: TEXT, fontSize: 10 },
        encoding: { x, xOffset, y, text: { field: 'text' }, tooltip: TOOLTIP },
      },
      hasMissing && {
        transform: [{ filter: '!isValid(datum.value)' }],
        mark: {
          type: 'text',
          baseline: 'bottom',
          dy: -2,
          color: MUTED_TEXT,
          fontSize: 12,
          fontWeight: 'bold',
        },
        encoding: {
          x,
          xOffset,
          y: { datum: 0, type: 'quantitative' },
          text: { field: 'text' },
          tooltip: TOOLTIP,
        },
      },
    ],
  });
  return { name: options.name ?? `bars-${slug(title)}`, title, description, spec };
}

function describe(
  options: ParticipationOptions,
  labels: string[],
  terms: string[],
  data: BarDatum[],
  lang: Lang,
): string {
  const words = WORDS[lang];
  const parts = [
    words.barsDescription(
      options.title,
      terms.length,
      terms[0] ?? '',
      terms[terms.length - 1] ?? '',
    ),
  ];
  for (const label of labels) {
    const values = data.filter((d) => d.seriesLabel === label).map((d) => `${d.term} ${d.text}`);
    parts.push(words.barsSeries(label, values.join(', ')));
  }
  if (data.some((d) => d.value === null)) parts.push(`${words.missingNote}.`);
  return parts.join(' ');
}
