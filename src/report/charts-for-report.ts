// Which charts the report holds, and the published data each is drawn from. Only
// publishable values reach a chart: suppressed ones arrive as null.
import { SHARE_INDICATORS } from '../contract/indicator-names.ts';
import { RECOMMENDATION_WORDS, STATUS_WORDS } from '../decide/words.ts';
import { formatIndicatorValue, isCountIndicator } from '../i18n/format-number.ts';
import { indicatorLabel } from '../i18n/indicator-labels.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ChartSpec } from './charts/types.ts';
import { forestPlot } from './charts/forest-plot.ts';
import { trendChart } from './charts/trend-chart.ts';
import { bulletChart } from './charts/bullet-chart.ts';
import { heatMap } from './charts/heat-map.ts';
import { dotPlotWithIntervals } from './charts/dot-plot.ts';
import { participationBars } from './charts/participation-bars.ts';
import { multiLineChart } from './charts/multi-line-chart.ts';
import { publishedValue, type ReportData } from './report-data.ts';
import { scopeName } from './html/sections/recruitment.ts';
import { activityChartName } from './chart-file-name.ts';

type Format = 'percent' | 'number' | 'ratio';
const SHARES = new Set<string>(SHARE_INDICATORS);

function formatOf(indicator: string): Format {
  if (SHARES.has(indicator)) return 'percent';
  if (
    isCountIndicator(indicator) ||
    indicator === 'cost_per_conversion' ||
    indicator === 'hst' ||
    indicator === 'hpr'
  )
    return 'number';
  return 'ratio';
}

const MAIN_INDICATOR: Record<string, string> = {
  recruitment: 'conversion_2t',
  throughput: 'participant_prestationsgrad',
};
const WIDENING = [
  'new_lc_share',
  'first_generation_share',
  'low_parental_education_share',
  'mature_share',
  'foreign_background_share',
  'women_share',
];

function words(lang: Lang) {
  return lang === 'sv'
    ? {
        headcount: 'Antal deltagare (huvudräkning)',
        linked: 'Uppföljningsbara deltagare',
        lc: 'Lärcentrum',
        nonLc: 'Övriga',
        per10k: 'Nybörjare per 10 000 invånare 20–64 år',
        shares: 'Breddad rekrytering i regionen: andelar bland nybörjarna',
        pg: 'Prestationsgrad per kommun',
        completion: 'Andel fullföljda registreringar per kommun',
        participation: 'Deltagande per termin',
        goals: 'Målen mot sina målvärden',
      }
    : {
        headcount: 'Participants (headcount)',
        linked: 'Linked participants',
        lc: 'Learning centre',
        nonLc: 'Other',
        per10k: 'New students per 10,000 inhabitants aged 20–64',
        shares: 'Widened recruitment in the region: shares among new students',
        pg: 'Performance rate per municipality',
        completion: 'Completion rate per municipality',
        participation: 'Participation per term',
        goals: 'Goals against their targets',
      };
}

export function chartsForReport(data: ReportData): ChartSpec[] {
  const { lang, reviewTerm } = data;
  const w = words(lang);
  const charts: ChartSpec[] = [];
  const regionMunicipalities = data.municipalities.filter((m) => m.inRegion);

  const goals = data.decisions.flatMap((d) =>
    d.goals.map((g) => ({
      activityId: d.activityId,
      activityName: d.name ?? d.activityId,
      goalLabel: `${indicatorLabel(g.indicator, lang)} ${g.operator === '>=' ? '≥' : '≤'} ${formatIndicatorValue(g.indicator, g.target, lang)}`,
      recommendation: d.recommendation,
      recommendationLabel: RECOMMENDATION_WORDS[d.recommendation][lang],
      status: g.status,
      statusLabel: STATUS_WORDS[g.status][lang],
      operator: g.operator,
      target: g.target,
      value: g.suppressed ? null : g.value,
      low: g.suppressed ? null : g.low,
      high: g.suppressed ? null : g.high,
    })),
  );
  if (goals.length) charts.push({ ...forestPlot(goals, lang), name: 'goals-forest' });

  for (const d of data.decisions) {
    const indicator =
      d.goals[0]?.indicator ?? (d.kind ? MAIN_INDICATOR[d.kind] : undefined) ?? 'reach';
    const points = data.terms
      .map((term) => ({
        term,
        row: publishedValue(data, 'activity', d.activityId, term, indicator),
      }))
      .filter((p) => p.row)
      .map(({ term, row }) => ({ term, value: row!.value, low: row!.ci_low, high: row!.ci_high }));
    if (points.length) {
      const goal = d.goals.find((g) => g.indicator === indicator);
      charts.push({
        ...trendChart(
          {
            title: `${d.name ?? d.activityId}: ${indicatorLabel(indicator, lang)}`,
            points,
            ...(goal ? { target: { value: goal.target, operator: goal.operator } } : {}),
            format: formatOf(indicator),
          },
          lang,
        ),
        name: activityChartName(d.activityId, 'trend'),
      });
    }
    const participation = data.participation.filter((p) => p.activityId === d.activityId);
    if (participation.length) {
      charts.push({
        ...participationBars(
          participation.flatMap((p) => [
            { term: p.term, series: 'headcount', seriesLabel: w.headcount, value: p.headcount },
            { term: p.term, series: 'linked', seriesLabel: w.linked, value: p.linked },
          ]),
          { title: `${d.name ?? d.activityId}: ${w.participation}` },
          lang,
        ),
        name: activityChartName(d.activityId, 'participation'),
      });
    }
  }

  if (data.targets.length) {
    charts.push({
      ...bulletChart(
        data.targets.map((t) => ({
          label: `${scopeName(t.scope, t.scopeId, data)}: ${indicatorLabel(t.indicator, lang)} (${t.byTerm})`,
          actual: t.value,
          target: t.target,
          operator: t.operator,
          statusLabel: STATUS_WORDS[t.status][lang],
          format: formatOf(t.indicator),
        })),
        lang,
      ),
      name: 'targets-bullet',
    });
  }

  const heat = regionMunicipalities.flatMap((m) =>
    data.terms.map((term) => ({
      rowLabel: m.name,
      term,
      value:
        publishedValue(data, 'municipality', m.code, term, 'new_students_per_10k')?.value ?? null,
    })),
  );
  if (heat.some((c) => c.value !== null))
    charts.push({
      ...heatMap(heat, { title: w.per10k, format: 'number' }, lang),
      name: 'new-students-per-10k',
    });

  const shares = WIDENING.flatMap((indicator) =>
    data.terms.map((term) => {
      const row = publishedValue(data, 'region', 'region', term, indicator);
      return {
        term,
        series: indicator,
        seriesLabel: indicatorLabel(indicator, lang),
        value: row?.value ?? null,
        low: row?.ci_low ?? null,
        high: row?.ci_high ?? null,
      };
    }),
  );
  if (shares.some((s) => s.value !== null))
    charts.push({
      ...multiLineChart(shares, { title: w.shares, format: 'percent' }, lang),
      name: 'recruitment-shares',
    });

  for (const [indicator, name, title] of [
    ['prestationsgrad', 'prestationsgrad-lc', w.pg],
    ['completion_rate', 'completion-lc', w.completion],
  ] as const) {
    const rows = regionMunicipalities.flatMap((m) =>
      (['lc', 'non_lc'] as const).map((group) => {
        const row = publishedValue(data, 'municipality', m.code, reviewTerm, indicator, group);
        return {
          label: m.name,
          group,
          groupLabel: group === 'lc' ? w.lc : w.nonLc,
          value: row?.value ?? null,
          low: row?.ci_low ?? null,
          high: row?.ci_high ?? null,
        };
      }),
    );
    if (rows.some((r) => r.value !== null))
      charts.push({
        ...dotPlotWithIntervals(
          rows,
          { title: `${title}, ${reviewTerm}`, format: formatOf(indicator) },
          lang,
        ),
        name,
      });
  }
  return charts;
}
