// A value per row and term (e.g. new students per 10 000 inhabitants per municipality):
// cells coloured in up to five light-to-dark blue classes with round bounds, the legend
// naming each class, the value written in the cell when there is room (white on the
// darkest class, black otherwise). A missing or suppressed cell is grey with "..".
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
import { VALUE_SPECIFIER, formatRange, formatValue, formatWith } from './format.ts';
import { WORDS } from './labels.ts';
import { FIRST_DARK_BLUE, MISSING_FILL, SEQUENTIAL_BLUES } from './palette.ts';
import { TOOLTIP, tipLines, valueLine } from './tooltip.ts';
import type { ChartSpec, HeatCell, HeatMapOptions, Lang, ValueFormat } from './types.ts';

const ROW_STEP = 20;
/** Values are written in the cells up to this many terms (about 55 px a column). */
const MAX_TERMS_WITH_TEXT = 10;
const MAX_CLASSES = 5;

interface HeatDatum {
  rowLabel: string;
  term: string;
  value: number | null;
  /** The class's legend label, or the missing label. */
  bin: string;
  dark: boolean;
  text: string;
  /** The tooltip: row, term, the value as the cell writes it (or ".."). */
  tip: string;
}

export interface Classes {
  low: number;
  step: number;
  count: number;
}

const roundTo = (value: number) => Number(value.toPrecision(12));

/** Up to five classes of equal, round width (1, 2, 2.5 or 5 × 10^k) that cover [min, max]; the last is closed. */
export function classesFor(min: number, max: number): Classes {
  const span = max - min || Math.abs(max) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span / MAX_CLASSES));
  for (const factor of [1, 2, 2.5, 5, 10, 20, 25, 50, 100]) {
    const step = roundTo(factor * magnitude);
    const low = roundTo(Math.floor(roundTo(min / step)) * step);
    const count = Math.max(1, Math.ceil(roundTo((max - low) / step)));
    if (count <= MAX_CLASSES) return { low, step, count };
  }
  return { low: min, step: span / MAX_CLASSES, count: MAX_CLASSES };
}

function classOf(value: number, classes: Classes): number {
  return Math.min(
    classes.count - 1,
    Math.max(0, Math.floor(roundTo((value - classes.low) / classes.step))),
  );
}

function classLabel(index: number, classes: Classes, format: ValueFormat, lang: Lang): string {
  const from = roundTo(classes.low + index * classes.step);
  const to = roundTo(from + classes.step);
  return formatRange(from, to, format, lang);
}

/** Spread the classes over the five blues, lightest to darkest. */
function colourIndex(index: number, count: number): number {
  if (count === 1) return 2;
  return Math.round((index * (SEQUENTIAL_BLUES.length - 1)) / (count - 1));
}

export function heatMap(cells: HeatCell[], options: HeatMapOptions, lang: Lang): ChartSpec {
  const words = WORDS[lang];
  const { title, format } = options;
  const rowLabels = uniqueInOrder(cells.map((c) => c.rowLabel));
  const terms = uniqueInOrder(cells.map((c) => c.term));
  const values = cells.map((c) => c.value).filter(isNumber);
  const classes = values.length ? classesFor(Math.min(...values), Math.max(...values)) : null;
  const classLabels = classes
    ? Array.from({ length: classes.count }, (_, i) => classLabel(i, classes, format, lang))
    : [];
  const classColours = classLabels.map(
    (_, i) => SEQUENTIAL_BLUES[colourIndex(i, classLabels.length)]!,
  );
  const missingLabel = `${MISSING_MARK} ${words.missingShort}`;
  // One number of decimals for every cell: none when all values are whole.
  const cellSpecifier = values.every(Number.isInteger)
    ? ',d'
    : format === 'number'
      ? ',.1f'
      : VALUE_SPECIFIER[format];
  const hasMissing = rowLabels.some((row) =>
    terms.some(
      (term) => !isNumber(cells.find((c) => c.rowLabel === row && c.term === term)?.value),
    ),
  );

  const data: HeatDatum[] = [];
  for (const rowLabel of rowLabels) {
    for (const term of terms) {
      const cell = cells.find((c) => c.rowLabel === rowLabel && c.term === term);
      const value = cell && isNumber(cell.value) ? cell.value : null;
      if (value === null || !classes) {
        data.push({
          rowLabel,
          term,
          value: null,
          bin: missingLabel,
          dark: false,
          text: MISSING_MARK,
          tip: tipLines(rowLabel, term, valueLine(null, lang)),
        });
        continue;
      }
      const index = classOf(value, classes);
      const text = formatWith(cellSpecifier, value, lang);
      data.push({
        rowLabel,
        term,
        value,
        bin: classLabels[index]!,
        dark: colourIndex(index, classes.count) >= FIRST_DARK_BLUE,
        text,
        tip: tipLines(rowLabel, term, valueLine(text, lang)),
      });
    }
  }

  const domain = hasMissing ? [...classLabels, missingLabel] : classLabels;
  const range = hasMissing ? [...classColours, MISSING_FILL] : classColours;
  const x = {
    field: 'term',
    type: 'ordinal',
    sort: terms,
    scale: { domain: terms },
    axis: {
      title: null,
      orient: 'top',
      labelAngle: terms.length > 10 ? -45 : 0,
      domain: false,
      ticks: false,
    },
  } as const;
  const y = {
    field: 'rowLabel',
    type: 'nominal',
    sort: rowLabels,
    scale: { domain: rowLabels },
    axis: { title: null, domain: false, ticks: false, labelLimit: 180 },
  } as const;

  const layer: (Layer | false)[] = [
    data.length > 0 && {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: {
          field: 'bin',
          type: 'ordinal',
          scale: { domain, range },
          legend: { title: null, orient: 'top', direction: 'horizontal', labelLimit: 260 },
        },
        tooltip: TOOLTIP,
      },
    },
  ];
  if (data.length > 0 && terms.length <= MAX_TERMS_WITH_TEXT) {
    layer.push({
      mark: { type: 'text', baseline: 'middle', fontSize: 10 },
      encoding: {
        x,
        y,
        text: { field: 'text' },
        color: { condition: { test: 'datum.dark', value: '#ffffff' }, value: '#000000' },
        tooltip: TOOLTIP,
      },
    });
  }

  const description = describe(options, rowLabels, terms, data, lang);
  const spec = layeredChart({
    title: titleBlock(title, [hasMissing ? words.missingNote : '']),
    description,
    data,
    lang,
    // A number, not {step}: Vega-Lite warns when fit-x meets a step height.
    height: ROW_STEP * Math.max(1, rowLabels.length),
    noValues: words.noValues,
    layers: layer,
  });
  return { name: options.name ?? `heat-${slug(title)}`, title, description, spec };
}

function describe(
  options: HeatMapOptions,
  rowLabels: string[],
  terms: string[],
  data: HeatDatum[],
  lang: Lang,
): string {
  const words = WORDS[lang];
  const parts = [
    words.heatDescription(
      options.title,
      rowLabels.length,
      terms.length,
      terms[0] ?? '',
      terms[terms.length - 1] ?? '',
    ),
  ];
  const shown = data.filter((d): d is HeatDatum & { value: number } => isNumber(d.value));
  const ends = extremes(shown, (d) => d.value);
  const cell = (d: HeatDatum & { value: number }) =>
    `${d.rowLabel} ${d.term} (${formatValue(d.value, options.format, lang)})`;
  if (!ends) parts.push(words.noValues);
  else if (shown.length > 1) parts.push(words.heatExtremes(cell(ends.high), cell(ends.low)));
  const missing = data.length - shown.length;
  if (missing) parts.push(words.heatMissing(missing));
  return parts.join(' ');
}
