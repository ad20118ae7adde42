// Numbers in a chart's text (labels, text alternatives) written with the same d3-format
// locale Vega uses for the chart's axes, so a chart and its description agree.
import { formatLocale } from 'd3-format';
import type { Indicator } from '../../indicators/indicator.ts';
import { NUMBER_LOCALE } from './locale.ts';
import type { Lang, ValueFormat } from './types.ts';

/** Specifiers for single values: "22 %", "1 234,5", "1,05". */
export const VALUE_SPECIFIER: Record<ValueFormat, string> = {
  percent: '.0%',
  number: ',.1~f',
  ratio: ',.2f',
};
/** Specifiers for axis ticks and legend thresholds: trailing zeros trimmed. */
export const AXIS_SPECIFIER: Record<ValueFormat, string> = {
  percent: '.1~%',
  number: ',~f',
  ratio: ',.2~f',
};

/** How a chart writes an indicator's values: shares as percent, counts and costs as plain numbers, anything else (ratios, rates, differences, a name no indicator has) with two decimals. */
export function indicatorFormat(indicator: Indicator | undefined): ValueFormat {
  if (indicator?.kind === 'share') return 'percent';
  if (indicator?.kind === 'count' || indicator?.kind === 'cost') return 'number';
  return 'ratio';
}

const LOCALES = { sv: formatLocale(NUMBER_LOCALE.sv), en: formatLocale(NUMBER_LOCALE.en) };

export function formatWith(specifier: string, value: number, lang: Lang): string {
  return LOCALES[lang].format(specifier)(value);
}

export function formatValue(value: number, format: ValueFormat, lang: Lang): string {
  return formatWith(VALUE_SPECIFIER[format], value, lang);
}

/** "14–32 %": an interval with the unit once. */
export function formatRange(low: number, high: number, format: ValueFormat, lang: Lang): string {
  if (format === 'percent')
    return `${formatWith(',.0f', low * 100, lang)}–${formatValue(high, format, lang)}`;
  return `${formatValue(low, format, lang)}–${formatValue(high, format, lang)}`;
}

export function formatCount(count: number, lang: Lang): string {
  return formatWith(',d', count, lang);
}
