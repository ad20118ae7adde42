// Numbers as a reader of each language writes them: "22 %" and "1 234,5" in Swedish,
// "22%" and "1,234.5" in English. An indicator's value is written in its unit with its
// decimals, both from its entry in the registry (src/indicators/registry.ts).
import type { Indicator } from '../indicators/indicator.ts';
import { findIndicator } from '../indicators/registry.ts';
import type { Lang } from './lang.ts';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function formatPercent(share: number, lang: Lang, decimals = 0): string {
  const number = formatNumber(share * 100, lang, decimals);
  return lang === 'sv' ? `${number}\u00a0%` : `${number}%`;
}

/** How a value is written: an indicator's unit and decimals. */
type Form = Pick<Indicator, 'unit' | 'decimals'>;

/** A name that is no indicator is written as a plain number with two decimals. */
const PLAIN: Form = { unit: 'ratio', decimals: 2 };

const formOf = (indicator: string): Form => findIndicator(indicator) ?? PLAIN;

/** A value of the named indicator in its unit: "22 %", "12,3", "4 500 kr", "+3 procentenheter". */
export function formatIndicatorValue(indicator: string, value: number, lang: Lang): string {
  const { unit, decimals } = formOf(indicator);
  switch (unit) {
    case 'share':
      return formatPercent(value, lang, decimals);
    case 'sek':
      return lang === 'sv'
        ? `${formatNumber(value, lang, decimals)}\u00a0kr`
        : `SEK\u00a0${formatNumber(value, lang, decimals)}`;
    case 'percentage_points': {
      // the value is a difference of shares: 0.03 is three percentage points
      const points = formatNumber(value * 100, lang, decimals);
      const signed = value > 0 ? `+${points}` : points;
      return lang === 'sv' ? `${signed} procentenheter` : `${signed} percentage points`;
    }
    default:
      return formatNumber(value, lang, decimals);
  }
}

/** An interval "14–32 %" with the unit once (a difference's points without sign or unit). */
export function formatInterval(indicator: string, low: number, high: number, lang: Lang): string {
  const { unit, decimals } = formOf(indicator);
  if (unit === 'share') {
    const sign = lang === 'sv' ? '\u00a0%' : '%';
    return `${formatNumber(low * 100, lang, decimals)}–${formatNumber(high * 100, lang, decimals)}${sign}`;
  }
  if (unit === 'percentage_points')
    return `${formatNumber(low * 100, lang, decimals)}–${formatNumber(high * 100, lang, decimals)}`;
  return `${formatIndicatorValue(indicator, low, lang)}–${formatIndicatorValue(indicator, high, lang)}`;
}
