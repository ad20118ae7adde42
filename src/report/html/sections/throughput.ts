// 5. Throughput: prestationsgrad and completion per municipality, LC against non-LC with
// intervals, and prestationsgrad after four terms with preliminary values marked.
import type { ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { CHARTS } from '../../chart-registry.ts';
import { placeChart, type RenderedChart } from '../figure.ts';
import { table } from '../table.ts';
import { text } from '../texts.ts';
import { intervalCell, valueCell } from '../values.ts';
import { scopeName } from '../../scope-name.ts';

export function throughputSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const { lang } = data;
  const scopes = [
    { scope: 'region', id: 'region' },
    ...[...new Set(data.municipalities.filter((m) => m.inRegion).map((m) => m.county))]
      .sort()
      .map((c) => ({ scope: 'county', id: c })),
  ];
  const rows: string[][] = [];
  for (const s of scopes) {
    for (const term of data.terms) {
      const row = data.indicators.find(
        (r) =>
          r.scope === s.scope &&
          r.scope_id === s.id &&
          r.term === term &&
          r.indicator === 'prestationsgrad_4t' &&
          r.group === 'all',
      );
      if (!row) continue;
      rows.push([
        esc(scopeName(s.scope, s.id, data)),
        esc(term),
        valueCell(row, lang),
        intervalCell(row, lang),
        row.preliminary ? `<span class="prelim">${text('preliminary', lang)}</span>` : '',
      ]);
    }
  }
  return `<section id="throughput"><h2>${text('throughput', lang)}</h2>
${placeChart(data, charts, CHARTS.prestationsgradLc)}
${placeChart(data, charts, CHARTS.completionLc)}
<h3>${esc(lang === 'sv' ? 'Prestationsgrad efter fyra terminer' : 'Performance rate after four terms')}</h3>
${rows.length ? table([text('scope', lang), text('term', lang), text('value', lang), text('interval', lang), ''], rows, { rowHeader: true, numeric: [2] }) : '<p>–</p>'}
</section>`;
}
