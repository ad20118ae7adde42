// 3. One card per activity: the need it answers (or the warning), its goals, the trend of
// its main indicator and participation per term, and the reasons. An activity whose own
// row is not loaded has a card too, saying why; goal rows that could not be read are named.
import type { ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { placeChart, type RenderedChart } from '../figure.ts';
import { text } from '../texts.ts';
import { CHARTS } from '../../chart-registry.ts';
import { badge } from './badge.ts';
import { goalLine, kindText, nameOf, placeOf, unreadNotes } from './decision-sheet.ts';

export function activityCardsSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const { lang } = data;
  if (!data.decisions.length) return '';
  const cards = data.decisions.map((d) => {
    const need = data.needs.find((n) => n.needId === d.needId);
    // an activity not loaded has no need_id to judge: its card says why it is not loaded instead
    const needHtml = d.notLoaded
      ? ''
      : d.needDocumented && need
        ? `<p class="need"><strong>${text('need', lang)}:</strong> ${esc(need.description)} <span class="muted">(${esc(need.source)}, ${esc(need.documentedOn)})</span></p>`
        : `<p class="need warning" role="note">⚠ ${esc(text('noNeed', lang))}</p>`;
    const participation = data.participation.filter((p) => p.activityId === d.activityId);
    const noParticipants =
      participation.length === 0 ? `<p class="muted">${esc(text('noParticipants', lang))}</p>` : '';
    return `<article class="card" id="activity-${esc(d.activityId)}">
<h3>${esc(nameOf(d))} ${badge(d.recommendation, lang)}</h3>
<p class="muted">${esc(d.activityId)} · ${esc(kindText(d.kind, lang))}${placeOf(d, data) ? ` · ${esc(placeOf(d, data))}` : ''}</p>
${needHtml}
${d.goals.length ? `<h4>${text('goals', lang)}</h4><ul class="goals">${d.goals.map((g) => `<li>${goalLine(g, lang)}</li>`).join('')}</ul>` : ''}
${unreadNotes(d, lang)}
${noParticipants}
<div class="card-charts">${placeChart(data, charts, CHARTS.activityTrend, d)}${placeChart(data, charts, CHARTS.activityParticipation, d)}</div>
<h4>${text('reasons', lang)}</h4>
<p class="reasons">${esc(d.reasons)}</p>
</article>`;
  });
  return `<section id="activities"><h2>${text('activities', lang)}</h2>
${cards.join('\n')}
</section>`;
}
