// Numbers as a reader of each language writes them: "22 %" and "1 234,5" in Swedish,
// "22%" and "1,234.5" in English. Shares are 0–1 and shown as whole percent.
import { SHARE_INDICATORS } from '../contract/indicator-names.ts';
import type { Lang } from './lang.ts';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const COUNTS = new Set(['new_students', 'reach', 'linked', 'prospects', 'participants']);
const SHARES = new Set<string>(SHARE_INDICATORS);

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

/** A value of the named indicator in the form readers expect for its kind. */
export function formatIndicatorValue(indicator: string, value: number, lang: Lang): string {
  if (SHARES.has(indicator)) return formatPercent(value, lang);
  if (COUNTS.has(indicator)) return formatNumber(value, lang);
  if (indicator === 'cost_per_conversion')
    return lang === 'sv'
      ? `${formatNumber(value, lang)}\u00a0kr`
      : `SEK\u00a0${formatNumber(value, lang)}`;
  if (indicator === 'completion_rate_diff') {
    const points = formatNumber(value * 100, lang, 0);
    const signed = value > 0 ? `+${points}` : points;
    return lang === 'sv' ? `${signed} procentenheter` : `${signed} percentage points`;
  }
  if (indicator === 'hst' || indicator === 'hpr' || indicator === 'new_students_per_10k')
    return formatNumber(value, lang, 1);
  return formatNumber(value, lang, 2);
}

/** An interval "14–32 %" with the unit once. */
export function formatInterval(indicator: string, low: number, high: number, lang: Lang): string {
  if (SHARES.has(indicator)) {
    const unit = lang === 'sv' ? '\u00a0%' : '%';
    return `${formatNumber(low * 100, lang)}–${formatNumber(high * 100, lang)}${unit}`;
  }
  if (indicator === 'completion_rate_diff')
    return `${formatNumber(low * 100, lang)}–${formatNumber(high * 100, lang)}`;
  return `${formatIndicatorValue(indicator, low, lang)}–${formatIndicatorValue(indicator, high, lang)}`;
}

export function isCountIndicator(indicator: string): boolean {
  return COUNTS.has(indicator);
}
