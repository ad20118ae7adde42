// Goals and targets on their indicators' own scales (report.md: never as a percent of a
// target). An indicator's unit and decimals come from its registry entry; values of one
// unit share an axis, one panel per unit. Every number written beside a mark is written
// as the report's tables write it (formatIndicatorValue), so a chart and the table next
// to it round alike ("≥ 3,6", not "≥ 3,55").
import { formatIndicatorValue, formatInterval } from '../../i18n/format-number.ts';
import type { IndicatorUnit } from '../../indicators/indicator.ts';
import { findIndicator } from '../../indicators/registry.ts';
import type { TopLevelSpec } from 'vega-lite';
import { type Layer, wrapWords } from './base.ts';
import { WORDS } from './labels.ts';
import { MUTED_TEXT, TEXT } from './palette.ts';
import { TOOLTIP } from './tooltip.ts';
import type { Lang, Operator } from './types.ts';

/**
 * The columns of a panel in CSS pixels: the label, the plot, the value and status in
 * words. Their sum with the spacing and the padding keeps the chart under 600 px, so it
 * stays legible when a phone scales it down. Text is 11 px (10 px for the muted target).
 */
export const PANEL = {
  label: 220,
  plot: 170,
  side: 180,
  spacing: 6,
  /** Between one panel and the next. */
  panelSpacing: 14,
  step: 17,
  /** Characters of a goal label per line beside its 16 px indent (DejaVu Sans 11 px is about 6.2 px a character). */
  labelChars: 33,
  /** Characters of "5 % · inte uppnått" per line. */
  sideChars: 28,
  /** The three columns and the spacing between them. */
  get width(): number {
    return this.label + this.plot + this.side + 2 * this.spacing;
  },
} as const;

/** Panels in this order: shares, differences, ratios, rates, counts, money. */
export const UNIT_ORDER: readonly IndicatorUnit[] = [
  'share',
  'percentage_points',
  'ratio',
  'per_10k',
  'persons',
  'hst',
  'hpr',
  'sek',
];

/** A name no indicator has is drawn as a plain ratio, as formatIndicatorValue writes it. */
export function unitOf(indicator: string): IndicatorUnit {
  return findIndicator(indicator)?.unit ?? 'ratio';
}

/** The items grouped by unit in UNIT_ORDER, each group in the order given. */
export function byUnit<T extends { indicator: string }>(
  items: readonly T[],
): { unit: IndicatorUnit; items: T[] }[] {
  return UNIT_ORDER.map((unit) => ({
    unit,
    items: items.filter((item) => unitOf(item.indicator) === unit),
  })).filter((panel) => panel.items.length > 0);
}

/**
 * The x scale of a panel, from the shown values, intervals and targets of its rows (a
 * hidden value never reaches a builder, so it cannot widen an axis): counts, shares,
 * money and rates start at zero, a difference shows zero (no difference), a ratio spans
 * its values and at least 0.2 around them; a share stays within 0–100 %. Vega rounds
 * the ends to nice ticks.
 */
export function unitScale(
  unit: IndicatorUnit,
  numbers: readonly (number | null)[],
): { domain: [number, number]; nice: true; zero: false } {
  const shown = numbers.filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const fromZero = unit !== 'ratio';
  let low = Math.min(...shown, ...(fromZero ? [0] : []));
  let high = Math.max(...shown, ...(fromZero ? [0] : []));
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1];
  const least = unit === 'ratio' ? 0.2 : unit === 'share' || unit === 'percentage_points' ? 0.1 : 1;
  if (high - low < least) {
    const middle = (low + high) / 2;
    [low, high] = fromZero && low === 0 ? [0, least] : [middle - least / 2, middle + least / 2];
  }
  if (unit === 'share') [low, high] = [Math.max(0, low), Math.min(1, high)];
  // 0.8 ± 0.1 is [0.7, 0.9], not 0.7000000000000001
  const tidy = (n: number) => Number(n.toPrecision(12));
  return { domain: [tidy(low), tidy(high)], nice: true, zero: false };
}

/** Tick labels in the unit: "20 %", "+10" (percentage points), "1,05", "1 500". */
export function unitAxis(unit: IndicatorUnit): { format: string } | { labelExpr: string } {
  if (unit === 'share') return { format: '.1~%' };
  // a difference of shares is stored as 0.1 for ten percentage points
  if (unit === 'percentage_points')
    return { labelExpr: "datum.value === 0 ? '0' : format(datum.value * 100, '+,.1~f')" };
  return { format: ',.2~f' };
}

/** A value in its unit, held together on one line: "5 %", "+23 procentenheter", "4 500 kr". */
export function valueText(indicator: string, value: number, lang: Lang): string {
  return formatIndicatorValue(indicator, value, lang).replace(/ /g, '\u00a0');
}

/** "14–32 %", "0,95–1,12": an interval in its unit. */
export function intervalText(indicator: string, low: number, high: number, lang: Lang): string {
  return formatInterval(indicator, low, high, lang);
}

/** "mål ≥ 20 %": the target in its unit, rounded as the tables round it. */
export function targetText(
  indicator: string,
  operator: Operator,
  target: number,
  lang: Lang,
): string {
  return WORDS[lang].targetPhrase(operator, valueText(indicator, target, lang));
}

/** "Mål: ≥ 20 %": the target as a tooltip line. */
export function targetTipLine(
  indicator: string,
  operator: Operator,
  target: number,
  lang: Lang,
): string {
  return WORDS[lang].targetTip(operator, valueText(indicator, target, lang));
}

/** The text beside a row's marks, a line a row: "5 % · inte uppnått", then "mål ≥ 20 %" muted. */
export function sideLines(
  shown: string,
  status: string,
  target: string,
): { summary: string | null; aside: string | null }[] {
  return [
    // the status stays whole: "−8 procentenheter ·" above "inte uppnått", never "inte" above "uppnått"
    ...wrapWords(`${shown} · ${status.replace(/ /g, '\u00a0')}`, PANEL.sideChars).map((line) => ({
      summary: line,
      aside: null,
    })),
    { summary: null, aside: target },
  ];
}

/** A view of a concatenation: a panel's column. */
export type ConcatView = NonNullable<
  Extract<TopLevelSpec, { hconcat: unknown }>['hconcat']
>[number];

/** The column of sideLines: the summary in text colour, the target muted below it. */
export function sideColumn(y: RowChannel, ...transform: { filter: string }[]): ConcatView {
  const text = (field: 'summary' | 'aside'): Layer => ({
    transform: [...transform, { filter: `isValid(datum.${field})` }],
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      limit: PANEL.side,
      color: field === 'summary' ? TEXT : MUTED_TEXT,
      fontSize: field === 'summary' ? 11 : 10,
    },
    encoding: { y, x: { value: 0 }, text: { field }, tooltip: TOOLTIP },
  });
  return {
    width: PANEL.side,
    height: { step: PANEL.step },
    layer: [text('summary'), text('aside')],
  };
}

/** The y channel of a panel: its rows in order, no axis. */
export interface RowChannel {
  field: 'row';
  type: 'nominal';
  scale: { domain: string[] };
  axis: null;
}

/** A panel's heading: the unit its axis shows. */
export function panelTitle(text: string) {
  return {
    text,
    anchor: 'start',
    fontSize: 12,
    fontWeight: 'bold',
    color: '#000000',
    offset: 6,
  } as const;
}

/** The panels' units in words for a text alternative: "andelar (%), kvoter och antal personer". */
export function unitNames(items: readonly { indicator: string }[], lang: Lang): string[] {
  return byUnit(items).map(({ unit }) => {
    const name = WORDS[lang].unitTitle[unit];
    return name.charAt(0).toLocaleLowerCase(lang) + name.slice(1);
  });
}
