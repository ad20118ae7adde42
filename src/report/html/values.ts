// Published values in a cell: the formatted number, '..' when suppressed, '–' when absent.
import { formatIndicatorValue, formatInterval } from '../../i18n/format-number.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { PublishedValue } from '../report-data.ts';
import { esc } from './escape.ts';

export const SUPPRESSED = '..';

/** What a '..' hides and why: too few persons, or a value that would give another away. */
export function suppressedTitle(row: Pick<PublishedValue, 'suppression'>, lang: Lang): string {
  if (row.suppression === 'secondary') {
    return lang === 'sv'
      ? 'skyddat: döljs så att ett annat skyddat värde inte kan räknas fram'
      : 'suppressed: hidden so that another suppressed value cannot be worked out';
  }
  return lang === 'sv' ? 'skyddat: för få personer' : 'suppressed: too few persons';
}

export function valueCell(row: PublishedValue | undefined, lang: Lang): string {
  if (!row) return '–';
  if (row.suppressed || row.value === null)
    return `<span class="suppressed" title="${esc(suppressedTitle(row, lang))}">${SUPPRESSED}</span>`;
  return esc(formatIndicatorValue(row.indicator, row.value, lang));
}

export function intervalCell(row: PublishedValue | undefined, lang: Lang): string {
  if (!row || row.suppressed || row.ci_low === null || row.ci_high === null) return '';
  return esc(formatInterval(row.indicator, row.ci_low, row.ci_high, lang));
}
