// Published values in a cell: the formatted number, '..' when suppressed, '–' when absent.
import { formatIndicatorValue, formatInterval } from '../../i18n/format-number.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { PublishedValue } from '../report-data.ts';
import { esc } from './escape.ts';
import { text } from './texts.ts';

export const SUPPRESSED = '..';

/**
 * What a '..' hides and why: a small group, either in the value itself (too few persons)
 * or in a value that could be worked out from it (secondary suppression); either, when the
 * row does not say which.
 */
export function suppressedTitle(
  row: Partial<Pick<PublishedValue, 'suppression'>>,
  lang: Lang,
): string {
  if (row.suppression === 'secondary') return text('suppressedSecondary', lang);
  if (row.suppression === undefined || row.suppression === null)
    return text('suppressedEither', lang);
  return text('suppressedPrimary', lang);
}

/** '..' with what it hides as its title. */
export function suppressedMark(
  row: Partial<Pick<PublishedValue, 'suppression'>>,
  lang: Lang,
): string {
  return `<span class="suppressed" title="${esc(suppressedTitle(row, lang))}">${SUPPRESSED}</span>`;
}

export function valueCell(row: PublishedValue | undefined, lang: Lang): string {
  if (!row) return '–';
  if (row.suppressed || row.value === null) return suppressedMark(row, lang);
  return esc(formatIndicatorValue(row.indicator, row.value, lang));
}

export function intervalCell(row: PublishedValue | undefined, lang: Lang): string {
  if (!row || row.suppressed || row.ci_low === null || row.ci_high === null) return '';
  return esc(formatInterval(row.indicator, row.ci_low, row.ci_high, lang));
}
