// 2. The decision sheet: one row per activity with its goals and the recommendation, and
// the forest plot of every goal against its target. An activity whose own row is not
// loaded is listed too, with why; goal rows that could not be read are named.
import { type ActivityDecision, type GoalDecision, mainReason } from '../../../decide/decide.ts';
import { formatIndicatorValue, formatInterval } from '../../../i18n/format-number.ts';
import { indicatorLabel, showsN } from '../../../indicators/registry.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { placeChart, type RenderedChart } from '../figure.ts';
import { CHARTS } from '../../chart-registry.ts';
import { table } from '../table.ts';
import { text } from '../texts.ts';
import { suppressedMark } from '../values.ts';
import { badge, statusText } from './badge.ts';
import {
  newerRowUnreadSentence,
  notLoadedSentence,
  unreadGoalsSentence,
} from '../../../decide/unread-rows.ts';

export function placeOf(d: ActivityDecision, data: ReportData): string {
  const municipality =
    data.municipalities.find((m) => m.code === d.municipalityCode)?.name ??
    d.municipalityCode ??
    '';
  return [municipality, d.centreId].filter(Boolean).join(' / ');
}

export function kindText(kind: string | null, lang: Lang): string {
  if (kind === null) return '–';
  return kind === 'recruitment' ? text('recruitmentKind', lang) : text('throughputKind', lang);
}

/** The activity's name, or its id when its own row is not loaded. */
export function nameOf(d: ActivityDecision): string {
  return d.name ?? d.activityId;
}

/** The warnings of an activity: its own row not loaded (or a newer one), goal rows that could not be read. */
export function unreadNotes(d: ActivityDecision, lang: Lang): string {
  const notes: string[] = [];
  if (d.notLoaded) notes.push(notLoadedSentence(d.notLoaded, lang));
  if (d.newerRowUnread) notes.push(newerRowUnreadSentence(d.newerRowUnread, lang));
  if (d.unreadGoals.length) notes.push(unreadGoalsSentence(d.unreadGoals, lang));
  return notes.map((note) => `<p class="unread warning" role="note">⚠ ${esc(note)}</p>`).join('');
}

export function goalLine(goal: GoalDecision, lang: Lang): string {
  const sign = goal.operator === '>=' ? '≥' : '≤';
  const value =
    goal.value === null
      ? '–'
      : goal.suppressed
        ? suppressedMark({}, lang)
        : esc(formatIndicatorValue(goal.indicator, goal.value, lang));
  const interval =
    !goal.suppressed && goal.low !== null && goal.high !== null
      ? ` [${formatInterval(goal.indicator, goal.low, goal.high, lang)}]`
      : '';
  const n = !goal.suppressed && goal.n !== null && showsN(goal.indicator) ? `, n = ${goal.n}` : '';
  const invalid =
    goal.status === 'invalid' && goal.invalidReason ? ` (${esc(goal.invalidReason)})` : '';
  return `${esc(indicatorLabel(goal.indicator, lang))} ${sign} ${esc(formatIndicatorValue(goal.indicator, goal.target, lang))} (${esc(goal.byTerm)}): <strong>${value}</strong>${esc(interval)}${esc(n)} – ${statusText(goal.status, lang)}${invalid}`;
}

export function decisionSheetSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const { lang } = data;
  if (!data.decisions.length) {
    return `<section id="decisions"><h2>${text('decisionSheet', lang)}</h2><p>${esc(text('noActivities', lang))}</p></section>`;
  }
  const rows = data.decisions.map((d) => [
    `<a href="#activity-${esc(d.activityId)}">${esc(nameOf(d))}</a>`,
    esc(placeOf(d, data)),
    esc(kindText(d.kind, lang)),
    (d.goals.length
      ? `<ul class="goals">${d.goals.map((g) => `<li>${goalLine(g, lang)}</li>`).join('')}</ul>`
      : d.notLoaded || d.unreadGoals.length
        ? ''
        : '–') + unreadNotes(d, lang),
    // the badge and, beside it, the sentence of the rule that won (the first of the card's reasons)
    `<div class="decision">${badge(d.recommendation, lang)} <span class="reason">${esc(mainReason(d, lang))}</span></div>`,
  ]);
  return `<section id="decisions"><h2>${text('decisionSheet', lang)} ${esc(data.reviewTerm)}</h2>
${table([text('activity', lang), text('place', lang), text('kind', lang), text('goals', lang), text('recommendation', lang)], rows, { rowHeader: true, className: 'decisions' })}
${placeChart(data, charts, CHARTS.goalsForest)}
</section>`;
}
