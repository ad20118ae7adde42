// What every chart shares: width, font, colours of text and guides, the number locale of
// its language, the title block, and small helpers for names and term order.
import type { Config, TopLevelSpec } from 'vega-lite';
import { NUMBER_LOCALE } from './locale.ts';
import { MUTED_TEXT, TEXT } from './palette.ts';
import type { ChartSpec, Lang } from './types.ts';

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Total width of every chart in CSS pixels (the PNG is twice this). */
export const CHART_WIDTH = 640;
export const FONT = 'DejaVu Sans';
/** Text in a chart the reader must find: ".." marks a missing or suppressed value. */
export const MISSING_MARK = '..';

/** Fits a single or layered view into CHART_WIDTH, axes and legends included. */
export const FIT_WIDTH = { type: 'fit-x', contains: 'padding' } as const;

export function baseConfig(lang: Lang): Config {
  return {
    font: FONT,
    background: 'white',
    padding: 8,
    // Vega's own ARIA labels are English ("X-axis titled …") and list raw field values;
    // the chart's text alternative is its description instead.
    aria: false,
    locale: { number: NUMBER_LOCALE[lang] },
    view: { stroke: null },
    // Whole-pixel positions: crisper edges, and coordinates like "70.125" that a search for
    // a hidden value such as 0.125 would trip over do not occur.
    scale: { round: true },
    title: {
      anchor: 'start',
      fontSize: 14,
      fontWeight: 'bold',
      color: '#000000',
      subtitleColor: MUTED_TEXT,
      subtitleFontSize: 11,
      subtitlePadding: 4,
      offset: 12,
    },
    axis: {
      labelColor: TEXT,
      titleColor: TEXT,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      domainColor: '#888888',
      tickColor: '#888888',
      gridColor: '#e6e6e6',
      labelLimit: 240,
    },
    legend: {
      labelColor: TEXT,
      titleColor: TEXT,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      labelLimit: 300,
      symbolStrokeWidth: 1.5,
    },
    header: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 11, titleFontSize: 11 },
    text: { color: TEXT, fontSize: 11 },
    mark: { color: TEXT },
  };
}

/** Characters a line of the title (bold 14 px) and of the subtitle (11 px) holds within CHART_WIDTH. */
const TITLE_CHARS = 64;
const SUBTITLE_CHARS = 108;

/** Characters a line of the title and of the subtitle hold in a chart `width` pixels wide. */
export function titleChars(width: number): { title: number; subtitle: number } {
  return {
    title: Math.floor((TITLE_CHARS * width) / CHART_WIDTH),
    subtitle: Math.floor((SUBTITLE_CHARS * width) / CHART_WIDTH),
  };
}

/** The title block: the title in bold and the reading key as a grey subtitle, wrapped to the chart's width (CHART_WIDTH unless given). */
export function titleBlock(
  text: string,
  subtitle: string[],
  width = CHART_WIDTH,
): { text: string | string[]; subtitle?: string[] } {
  const chars = titleChars(width);
  const titleLines = wrapWords(text, chars.title);
  const title = titleLines.length > 1 ? titleLines : text;
  const lines = subtitle
    .filter((line) => line.length > 0)
    .flatMap((line) => wrapWords(line, chars.subtitle));
  return lines.length ? { text: title, subtitle: lines } : { text: title };
}

/** A file-safe name: "Härnösand: prestationsgrad" → "harnosand-prestationsgrad". */
export function slug(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, 60).replace(/-+$/g, '') || 'chart';
}

/** Values in order of first appearance, each once. */
export function uniqueInOrder<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** The terms and series of a chart's rows in order of first appearance, with each series' label. */
export function termsAndSeries(
  rows: readonly { term: string; series: string; seriesLabel: string }[],
): {
  terms: string[];
  series: string[];
  labels: string[];
} {
  const terms = uniqueInOrder(rows.map((r) => r.term));
  const series = uniqueInOrder(rows.map((r) => r.series));
  const labelOf = new Map<string, string>();
  for (const row of rows) if (!labelOf.has(row.series)) labelOf.set(row.series, row.seriesLabel);
  return { terms, series, labels: series.map((s) => labelOf.get(s)!) };
}

export function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Wraps words into lines of at most `width` characters (a word longer than that gets a line of its own); no-break spaces hold "15 %" together. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The item with the largest and smallest key, the first one on ties. */
export function extremes<T>(items: T[], key: (item: T) => number): { high: T; low: T } | null {
  let high: T | undefined;
  let low: T | undefined;
  for (const item of items) {
    if (high === undefined || key(item) > key(high)) high = item;
    if (low === undefined || key(item) < key(low)) low = item;
  }
  return high === undefined || low === undefined ? null : { high, low };
}

/** "fortsätt" → "Fortsätt", for labels that start a heading or a sentence. */
export function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase('sv-SE') + text.slice(char.length);
}

/** Cuts a run of values into segments at each missing one: [1, null, 2, 3] → [0, -, 1, 1]. */
export function segmentIds(present: boolean[]): (number | null)[] {
  let segment = 0;
  let open = false;
  return present.map((here) => {
    if (!here) {
      if (open) segment++;
      open = false;
      return null;
    }
    open = true;
    return segment;
  });
}

/** One layer of a layered chart. */
export type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

/**
 * The layers that have something to draw. An empty layer makes Vega warn about an
 * infinite extent; a chart with nothing to draw says so in words instead.
 */
export function drawable(noValues: string, ...layers: (Layer | false)[]): Layer[] {
  const kept = layers.filter((layer): layer is Layer => layer !== false);
  if (kept.length) return kept;
  return [
    {
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        color: MUTED_TEXT,
        fontSize: 12,
        text: noValues,
      },
      encoding: { x: { value: 0 }, y: { value: 0 } },
    },
  ];
}

/** A chart with no rows at all: its title and the words "no values can be shown". */
/**
 * The frame every full-width layered chart shares: schema, title, description, data,
 * config, the full width fitted to the page, and its layers (or the "no values" note).
 */
export function layeredChart(parts: {
  title: ReturnType<typeof titleBlock>;
  description: string;
  data: object[];
  lang: Lang;
  height: number;
  noValues: string;
  layers: (Layer | false)[];
}): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    title: parts.title,
    description: parts.description,
    data: { values: parts.data as unknown as Record<string, unknown>[] },
    config: baseConfig(parts.lang),
    width: CHART_WIDTH,
    height: parts.height,
    autosize: FIT_WIDTH,
    layer: drawable(parts.noValues, ...parts.layers),
  };
}

export function emptyChart(name: string, title: string, noValues: string, lang: Lang): ChartSpec {
  const description = `${title}. ${noValues}`;
  return {
    name,
    title,
    description,
    spec: {
      $schema: SCHEMA_URL,
      title: titleBlock(title, []),
      description,
      data: { values: [] },
      config: baseConfig(lang),
      width: CHART_WIDTH,
      height: 40,
      autosize: FIT_WIDTH,
      layer: drawable(noValues),
    },
  };
}
