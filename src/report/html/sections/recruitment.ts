// 4. Recruitment goals: each management target against the actual, new students per
// 10 000 inhabitants per municipality and term, the widened-recruitment shares over terms.
import { formatIndicatorValue } from '../../../i18n/format-number.ts';
import { indicatorLabel } from '../../../indicators/registry.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { ReportData } from '../../report-data.ts';
import type { TargetRow } from '../../queries/recruitment-targets.ts';
import { esc } from '../escape.ts';
import { CHARTS } from '../../chart-registry.ts';
import { scopeName } from '../../scope-name.ts';
import { placeChart, type RenderedChart } from '../figure.ts';
import { table } from '../table.ts';
import { text } from '../texts.ts';
import { suppressedMark } from '../values.ts';
import { statusText } from './badge.ts';

function actual(row: TargetRow, lang: Lang): string {
  if (row.value === null) return row.suppressed ? suppressedMark({}, lang) : '–';
  return esc(formatIndicatorValue(row.indicator, row.value, lang));
}

export function recruitmentSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const { lang } = data;
  const targets = data.targets.length
    ? table(
        [
          text('scope', lang),
          text('indicator', lang),
          text('target', lang),
          text('byTerm', lang),
          text('actual', lang),
          text('status', lang),
        ],
        data.targets.map((t) => [
          esc(scopeName(t.scope, t.scopeId, data)),
          esc(indicatorLabel(t.indicator, lang)),
          `${t.operator === '>=' ? '≥' : '≤'} ${esc(formatIndicatorValue(t.indicator, t.target, lang))}`,
          esc(t.byTerm),
          `${actual(t, lang)} <span class="muted">(${esc(t.term)})</span>`,
          statusText(t.status, lang),
        ]),
        { rowHeader: true, numeric: [2, 4] },
      ) + placeChart(data, charts, CHARTS.targetsBullet)
    : `<p>${esc(text('noTargets', lang))}</p>`;
  return `<section id="recruitment"><h2>${text('recruitment', lang)}</h2>
<h3>${text('targets', lang)}</h3>
${targets}
${placeChart(data, charts, CHARTS.newStudentsPer10k)}
${placeChart(data, charts, CHARTS.recruitmentShares)}
</section>`;
}
