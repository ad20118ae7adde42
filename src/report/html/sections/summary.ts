// 1. Summary: new students from the region and the change from a year earlier, the share
// through a learning centre, prestationsgrad LC against others, activities per
// recommendation.
import { formatNumber } from '../../../i18n/format-number.ts';
import { publishedValue, yearEarlier, type ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { SENTENCES, text } from '../texts.ts';
import { intervalCell, valueCell } from '../values.ts';
import type { Recommendation } from '../../../decide/recommend.ts';
import { badge } from './badge.ts';

const ORDER: Recommendation[] = [
  'continue',
  'develop',
  'end',
  'insufficient_data',
  'in_progress',
  'ended',
];

export function summarySection(data: ReportData): string {
  const { lang, reviewTerm: r } = data;
  const now = publishedValue(data, 'region', 'region', r, 'new_students');
  const before = publishedValue(data, 'region', 'region', yearEarlier(r), 'new_students');
  let change = '';
  if (
    now &&
    before &&
    !now.suppressed &&
    !before.suppressed &&
    now.value !== null &&
    before.value !== null
  ) {
    const diff = now.value - before.value;
    change = ` (${text('change', lang)} ${diff > 0 ? '+' : ''}${formatNumber(diff, lang)} ${lang === 'sv' ? 'mot' : 'against'} ${esc(yearEarlier(r))}, ${text('yearEarlier', lang)}: ${valueCell(before, lang)})`;
  }
  const lcShare = publishedValue(data, 'region', 'region', r, 'new_lc_share');
  const pgLc = publishedValue(data, 'region', 'region', r, 'prestationsgrad', 'lc');
  const pgOther = publishedValue(data, 'region', 'region', r, 'prestationsgrad', 'non_lc');
  const counts = ORDER.map((rec) => ({
    rec,
    n: data.decisions.filter((d) => d.recommendation === rec).length,
  })).filter((c) => c.n > 0);
  const withInterval = (row: typeof pgLc) =>
    `${valueCell(row, lang)}${intervalCell(row, lang) ? ` (${lang === 'sv' ? '95 % KI' : '95% CI'} ${intervalCell(row, lang)})` : ''}`;
  return `<section id="summary"><h2>${text('summary', lang)}</h2>
<dl class="key-figures">
<div><dt>${text('newStudentsRegion', lang)}, ${esc(r)}</dt><dd>${valueCell(now, lang)}${change}</dd></div>
<div><dt>${text('viaLc', lang)}</dt><dd>${withInterval(lcShare)}</dd></div>
<div><dt>${text('pgLc', lang)}</dt><dd>${withInterval(pgLc)}</dd></div>
<div><dt>${text('pgNonLc', lang)}</dt><dd>${withInterval(pgOther)}</dd></div>
<div><dt>${text('activitiesPerRecommendation', lang)}</dt><dd>${
    counts.length
      ? counts.map((c) => `${badge(c.rec, lang)} ${c.n}`).join(' ')
      : esc(text('noActivities', lang))
  }</dd></div>
</dl>
<p class="note">${esc(SENTENCES.suppressedNote(data.settings.minCell)[lang])}</p>
</section>`;
}
