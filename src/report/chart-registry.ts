// Every chart of the term report, once: its name, the section that places it, its
// builder, and the data query that gives the builder's arguments from the published
// data. Only publishable values reach a chart: suppressed ones arrive as null.
//
// Adding a chart is one entry in CHARTS plus its placement, by reference, in its section
// (html/figure.ts placeChart: a chart that is not in CHARTS does not compile there), plus
// its data in the chart tests' report fixture (test/report/charts/report-fixture.ts): the
// schema, compile, render and placement tests iterate CHARTS and fail for a chart the
// fixture does not draw or its section does not place.
//
// The charts never import from the page (html/): the page imports them.
import { RECOMMENDATION_WORDS, STATUS_WORDS } from '../decide/words.ts';
import type { ActivityDecision } from '../decide/decide.ts';
import { formatIndicatorValue } from '../i18n/format-number.ts';
import { findIndicator, indicatorLabel, type IndicatorName } from '../indicators/registry.ts';
import { bulletChart } from './charts/bullet-chart.ts';
import { dotPlotWithIntervals } from './charts/dot-plot.ts';
import { forestPlot } from './charts/forest-plot.ts';
import { indicatorFormat } from './charts/format.ts';
import { heatMap } from './charts/heat-map.ts';
import { WORDS } from './charts/labels.ts';
import { multiLineChart } from './charts/multi-line-chart.ts';
import { participationBars } from './charts/participation-bars.ts';
import { trendChart } from './charts/trend-chart.ts';
import type { ChartSpec } from './charts/types.ts';
import { activityChartName } from './chart-file-name.ts';
import { type PublishedValue, publishedValue, type ReportData } from './report-data.ts';
import { scopeName } from './scope-name.ts';

/** The page's sections that hold charts (their `<section id>`). */
export type ReportSection = 'decisions' | 'activities' | 'recruitment' | 'throughput';

/** A chart builder of charts/: publishable rows (and options, and the language) to a spec. */
type Builder = (...args: never[]) => ChartSpec;

/**
 * What a chart's data query found: the builder's arguments, with whether the chart is
 * drawn; `suppressed`: there are rows but every value is hidden (small-cell protection),
 * so the chart is left out and the page says so; `none`: the data holds nothing for it
 * (no goals, no targets, no participation), so the page shows nothing in its place.
 */
export type ChartQuery<Args> =
  | { status: 'drawn'; args: Args }
  | { status: 'suppressed'; args: Args }
  | { status: 'none' };

/** One chart as the report writes it, or why it does not. */
export type ProducedChart =
  | { status: 'drawn' | 'suppressed'; name: string; chart: ChartSpec }
  | { status: 'none'; name: string };

interface ChartEntry<Id extends string, B extends Builder> {
  /** The name (file stem under charts/) of a report chart; of an activity's chart, its last part. */
  readonly id: Id;
  readonly section: ReportSection;
  readonly builder: B;
}

/** A chart the report has once. */
export interface ReportChart<Id extends string = string> {
  readonly per: 'report';
  readonly id: Id;
  readonly section: ReportSection;
  readonly builder: Builder;
  produce(data: ReportData): ProducedChart;
}

/** A chart each activity card has. */
export interface ActivityChart<Id extends string = string> {
  readonly per: 'activity';
  readonly id: Id;
  readonly section: ReportSection;
  readonly builder: Builder;
  /** The activity's chart name (file stem under charts/): `activity-<id>-<chart id>`. */
  nameFor(activity: ActivityDecision): string;
  produce(data: ReportData, activity: ActivityDecision): ProducedChart;
}

function produced<B extends Builder>(
  builder: B,
  name: string,
  query: ChartQuery<Parameters<B>>,
): ProducedChart {
  if (query.status === 'none') return { status: 'none', name };
  const chart = (builder as (...args: Parameters<B>) => ChartSpec)(...query.args);
  return { status: query.status, name, chart: { ...chart, name } };
}

function reportChart<const Id extends string, B extends Builder>(
  entry: ChartEntry<Id, B> & { query: (data: ReportData) => ChartQuery<NoInfer<Parameters<B>>> },
): ReportChart<Id> {
  const { id, section, builder, query } = entry;
  return {
    per: 'report',
    id,
    section,
    builder,
    produce: (data) => produced(builder, id, query(data)),
  };
}

function activityChart<const Id extends string, B extends Builder>(
  entry: ChartEntry<Id, B> & {
    query: (data: ReportData, activity: ActivityDecision) => ChartQuery<NoInfer<Parameters<B>>>;
  },
): ActivityChart<Id> {
  const { id, section, builder, query } = entry;
  const nameFor = (activity: ActivityDecision) => activityChartName(activity.activityId, id);
  return {
    per: 'activity',
    id,
    section,
    builder,
    nameFor,
    produce: (data, activity) => produced(builder, nameFor(activity), query(data, activity)),
  };
}

/** The builder's arguments of a chart that is drawn. */
const drawn = <Args extends unknown[]>(...args: Args): ChartQuery<Args> => ({
  status: 'drawn',
  args,
});
const NONE = { status: 'none' } as const;

/** Drawn when any value is shown; left out, and said so, when the values there are all suppressed. */
function shownOrSuppressed<Args>(
  rows: (PublishedValue | undefined)[],
  args: () => Args,
): ChartQuery<Args> {
  if (rows.some((r) => r?.value !== null && r?.value !== undefined))
    return { status: 'drawn', args: args() };
  if (rows.some((r) => r?.suppressed)) return { status: 'suppressed', args: args() };
  return { status: 'none' };
}

const format = (indicator: string) => indicatorFormat(findIndicator(indicator));
const regionMunicipalities = (data: ReportData) => data.municipalities.filter((m) => m.inRegion);

/** An activity's main indicator when it has no goal. */
const MAIN_INDICATOR: Record<string, IndicatorName> = {
  recruitment: 'conversion_2t',
  throughput: 'participant_prestationsgrad',
};
const WIDENING: IndicatorName[] = [
  'new_lc_share',
  'first_generation_share',
  'low_parental_education_share',
  'mature_share',
  'foreign_background_share',
  'women_share',
];

/** An indicator per municipality of the region in the review term, LC against the others. */
function lcAgainstOthers(
  data: ReportData,
  indicator: IndicatorName,
): ChartQuery<Parameters<typeof dotPlotWithIntervals>> {
  const { lang, reviewTerm } = data;
  const words = WORDS[lang];
  const rows = regionMunicipalities(data).flatMap((m) =>
    (['lc', 'non_lc'] as const).map((group) => ({
      municipality: m.name,
      group,
      row: publishedValue(data, 'municipality', m.code, reviewTerm, indicator, group),
    })),
  );
  return shownOrSuppressed(
    rows.map((r) => r.row),
    () => [
      rows.map(({ municipality, group, row }) => ({
        label: municipality,
        group,
        groupLabel: group === 'lc' ? words.groupLc : words.groupOther,
        value: row?.value ?? null,
        low: row?.ci_low ?? null,
        high: row?.ci_high ?? null,
      })),
      {
        title: `${words.perMunicipality(indicatorLabel(indicator, lang))}, ${reviewTerm}`,
        format: format(indicator),
      },
      lang,
    ],
  );
}

/**
 * The report's charts, in the order the report writes them (an activity's together).
 * Adding a chart is one entry here plus its placement in its section.
 */
export const CHARTS = {
  /** Every goal of every activity against its target, on the indicator's own scale. */
  goalsForest: reportChart({
    id: 'goals-forest',
    section: 'decisions',
    builder: forestPlot,
    query: ({ decisions, lang }) => {
      const goals = decisions.flatMap((d) =>
        d.goals.map((g) => ({
          activityId: d.activityId,
          activityName: d.name ?? d.activityId,
          goalLabel: `${indicatorLabel(g.indicator, lang)} ${g.operator === '>=' ? '≥' : '≤'} ${formatIndicatorValue(g.indicator, g.target, lang)}`,
          indicator: g.indicator,
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
      // a goal whose value is hidden is drawn as ".." among the others
      return goals.length ? drawn(goals, lang) : NONE;
    },
  }),

  /** An activity's first goal's indicator (or its kind's main one) per term, with the goal's target. */
  activityTrend: activityChart({
    id: 'trend',
    section: 'activities',
    builder: trendChart,
    query: (data, d) => {
      const indicator =
        d.goals[0]?.indicator ?? (d.kind ? MAIN_INDICATOR[d.kind] : undefined) ?? 'reach';
      const points = data.terms.flatMap((term) => {
        const row = publishedValue(data, 'activity', d.activityId, term, indicator);
        return row ? [{ term, value: row.value, low: row.ci_low, high: row.ci_high }] : [];
      });
      if (!points.length) return NONE;
      const goal = d.goals.find((g) => g.indicator === indicator);
      return drawn(
        {
          title: `${d.name ?? d.activityId}: ${indicatorLabel(indicator, data.lang)}`,
          points,
          ...(goal ? { target: { value: goal.target, operator: goal.operator } } : {}),
          format: format(indicator),
        },
        data.lang,
      );
    },
  }),

  /** An activity's headcount and linked participants per term. */
  activityParticipation: activityChart({
    id: 'participation',
    section: 'activities',
    builder: participationBars,
    query: ({ participation, lang }, d) => {
      const own = participation.filter((p) => p.activityId === d.activityId);
      if (!own.length) return NONE;
      const [headcount, linked] = [indicatorLabel('reach', lang), indicatorLabel('linked', lang)];
      return drawn(
        own.flatMap((p) => [
          { term: p.term, series: 'headcount', seriesLabel: headcount, value: p.headcount },
          { term: p.term, series: 'linked', seriesLabel: linked, value: p.linked },
        ]),
        { title: `${d.name ?? d.activityId}: ${WORDS[lang].participationTitle}` },
        lang,
      );
    },
  }),

  /** The management's recruitment targets against the actual, on the indicator's own scale. */
  targetsBullet: reportChart({
    id: 'targets-bullet',
    section: 'recruitment',
    builder: bulletChart,
    query: (data) => {
      const { lang, targets } = data;
      if (!targets.length) return NONE;
      const rows = targets.map((t) => ({
        label: `${scopeName(t.scope, t.scopeId, data)}: ${indicatorLabel(t.indicator, lang)} (${t.byTerm})`,
        actual: t.value,
        target: t.target,
        operator: t.operator,
        statusLabel: STATUS_WORDS[t.status][lang],
        indicator: t.indicator,
      }));
      return drawn(rows, lang);
    },
  }),

  /** New students per 10 000 inhabitants per municipality of the region and term. */
  newStudentsPer10k: reportChart({
    id: 'new-students-per-10k',
    section: 'recruitment',
    builder: heatMap,
    query: (data) => {
      const cells = regionMunicipalities(data).flatMap((m) =>
        data.terms.map((term) => ({
          municipality: m.name,
          term,
          row: publishedValue(data, 'municipality', m.code, term, 'new_students_per_10k'),
        })),
      );
      return shownOrSuppressed(
        cells.map((c) => c.row),
        () => [
          cells.map((c) => ({
            rowLabel: c.municipality,
            term: c.term,
            value: c.row?.value ?? null,
          })),
          { title: indicatorLabel('new_students_per_10k', data.lang), format: 'number' },
          data.lang,
        ],
      );
    },
  }),

  /** The widened-recruitment shares of the region over the terms, one line each. */
  recruitmentShares: reportChart({
    id: 'recruitment-shares',
    section: 'recruitment',
    builder: multiLineChart,
    query: (data) => {
      const points = WIDENING.flatMap((indicator) =>
        data.terms.map((term) => ({
          indicator,
          term,
          row: publishedValue(data, 'region', 'region', term, indicator),
        })),
      );
      return shownOrSuppressed(
        points.map((p) => p.row),
        () => [
          points.map(({ indicator, term, row }) => ({
            term,
            series: indicator,
            seriesLabel: indicatorLabel(indicator, data.lang),
            value: row?.value ?? null,
            low: row?.ci_low ?? null,
            high: row?.ci_high ?? null,
          })),
          { title: WORDS[data.lang].sharesTitle, format: 'percent' },
          data.lang,
        ],
      );
    },
  }),

  prestationsgradLc: reportChart({
    id: 'prestationsgrad-lc',
    section: 'throughput',
    builder: dotPlotWithIntervals,
    query: (data) => lcAgainstOthers(data, 'prestationsgrad'),
  }),

  completionLc: reportChart({
    id: 'completion-lc',
    section: 'throughput',
    builder: dotPlotWithIntervals,
    query: (data) => lcAgainstOthers(data, 'completion_rate'),
  }),
} as const;

export type RegisteredChart = (typeof CHARTS)[keyof typeof CHARTS];
export type RegisteredReportChart = Extract<RegisteredChart, { per: 'report' }>;
export type RegisteredActivityChart = Extract<RegisteredChart, { per: 'activity' }>;

/** CHARTS as a list, in their order. */
export const CHART_LIST: readonly RegisteredChart[] = Object.values(CHARTS);

/**
 * Every chart the data gives, in the order of CHARTS; a run of activity charts is
 * produced per activity (its trend, then its participation, then the next activity's).
 */
export function produceCharts(data: ReportData): ProducedChart[] {
  const entries = CHART_LIST;
  const out: ProducedChart[] = [];
  for (let i = 0; i < entries.length; ) {
    const entry = entries[i]!;
    if (entry.per === 'report') {
      out.push(entry.produce(data));
      i++;
      continue;
    }
    const run: RegisteredActivityChart[] = [];
    for (; entries[i]?.per === 'activity'; i++) run.push(entries[i] as RegisteredActivityChart);
    for (const d of data.decisions) for (const chart of run) out.push(chart.produce(data, d));
  }
  return out;
}
