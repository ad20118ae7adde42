// Tooltips for the page's live charts: one string per mark, its lines joined with "\n",
// written here with the chart's own formats and words, so a tooltip reads exactly as the
// chart and its text alternative do, in the chart's language. The string travels in the
// data as `tip`; Vega shows it as the title of the chart's container. A missing or
// suppressed value reads ".." and nothing else: no number of it is ever written.
import { MISSING_MARK } from './base.ts';
import { WORDS } from './labels.ts';
import type { Lang } from './types.ts';

/** The tooltip channel of every mark that has one: the prepared string, as it is. */
export const TOOLTIP = { field: 'tip', type: 'nominal' } as const;

/** Lines of a tooltip, the empty ones left out. */
export function tipLines(...lines: (string | null | false | undefined)[]): string {
  return lines
    .filter((line): line is string => typeof line === 'string' && line.length > 0)
    .join('\n');
}

/** "Värde: 22 %", "Värde: 22 % (preliminärt)", or "Värde: .. (saknas eller döljs för att skydda en liten grupp)". */
export function valueLine(
  value: string | null,
  lang: Lang,
  preliminary = false,
  key?: string,
): string {
  const words = WORDS[lang];
  const shown =
    value === null
      ? `${MISSING_MARK} (${words.missingShort})`
      : preliminary
        ? `${value} (${words.tipPreliminary})`
        : value;
  return `${key ?? words.tipValue}: ${shown}`;
}

/** "Konfidensintervall: 14–32 %", or nothing when there is no interval to show. */
export function intervalLine(interval: string | null, lang: Lang): string | null {
  return interval === null ? null : `${WORDS[lang].tipInterval}: ${interval}`;
}
