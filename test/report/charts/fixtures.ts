// Inputs for every chart builder in both languages, shaped as the report passes them:
// labels in the chart's language, suppressed values as null. Each case names the
// strings that would give away a value the caller knows but did not publish.
import { bulletChart } from '../../../src/report/charts/bullet-chart.ts';
import { dotPlotWithIntervals } from '../../../src/report/charts/dot-plot.ts';
import { forestPlot } from '../../../src/report/charts/forest-plot.ts';
import { heatMap } from '../../../src/report/charts/heat-map.ts';
import { multiLineChart } from '../../../src/report/charts/multi-line-chart.ts';
import { participationBars } from '../../../src/report/charts/participation-bars.ts';
import { trendChart } from '../../../src/report/charts/trend-chart.ts';
import type {
  ChartSpec,
  ForestGoal,
  GoalStatus,
  Lang,
  Recommendation,
} from '../../../src/report/charts/types.ts';

export interface ChartCase {
  builder: string;
  lang: Lang;
  chart: ChartSpec;
  /** Strings that would reveal the suppressed value (raw, in percent, relative to target). */
  leaks: string[];
}

export const TERMS = [
  'VT2022',
  'HT2022',
  'VT2023',
  'HT2023',
  'VT2024',
  'HT2024',
  'VT2025',
  'HT2025',
];
export const MUNICIPALITIES = [
  'Härnösand',
  'Kramfors',
  'Sollefteå',
  'Sundsvall',
  'Timrå',
  'Ånge',
  'Örnsköldsvik',
  'Östersund',
  'Berg',
  'Bräcke',
  'Härjedalen',
  'Krokom',
  'Ragunda',
  'Strömsund',
  'Åre',
];

/** Ways a number could show: as given, with a decimal comma, in percent with or without a space. */
export function leakForms(value: number): string[] {
  const percent = Math.round(value * 100);
  const raw = String(value);
  return [raw, raw.replace('.', ','), `${percent}%`, `${percent}\u00a0%`, `${percent} %`];
}

const STATUS: Record<Lang, Record<GoalStatus, string>> = {
  sv: {
    not_due: 'ej aktuellt ännu',
    invalid: 'ogiltigt mål',
    insufficient: 'otillräckligt underlag',
    met: 'uppnått',
    likely_met: 'troligen uppnått',
    likely_missed: 'troligen inte uppnått',
    missed: 'inte uppnått',
  },
  en: {
    not_due: 'not due yet',
    invalid: 'invalid goal',
    insufficient: 'insufficient data',
    met: 'met',
    likely_met: 'likely met',
    likely_missed: 'likely missed',
    missed: 'missed',
  },
};
const RECOMMENDATION: Record<Lang, Record<Recommendation, string>> = {
  sv: {
    ended: 'avslutad',
    develop: 'utveckla',
    in_progress: 'pågår',
    insufficient_data: 'otillräckligt underlag',
    end: 'avsluta',
    continue: 'fortsätt',
  },
  en: {
    ended: 'ended',
    develop: 'develop',
    in_progress: 'in progress',
    insufficient_data: 'insufficient data',
    end: 'end',
    continue: 'continue',
  },
};
type IndicatorKey =
  | 'conversion_2t'
  | 'conversion_1t'
  | 'reach'
  | 'first_generation'
  | 'cost'
  | 'prestationsgrad'
  | 'diff'
  | 'linked'
  | 'new_lc_share'
  | 'mature'
  | 'women'
  | 'new_students';
const INDICATOR: Record<Lang, Record<IndicatorKey, string>> = {
  sv: {
    conversion_2t: 'Konvertering inom två terminer',
    conversion_1t: 'Konvertering inom en termin',
    reach: 'Antal deltagare (huvudräkning)',
    first_generation: 'Andel förstagenerationsstudenter bland de konverterade',
    cost: 'Kostnad per konvertering',
    prestationsgrad: 'Deltagarnas prestationsgrad',
    diff: 'Skillnad i fullföljande mot jämförelsegruppen',
    linked: 'Uppföljningsbara deltagare',
    new_lc_share: 'Andel nybörjare via lärcentrum',
    mature: 'Andel 25 år och äldre',
    women: 'Andel kvinnor',
    new_students: 'Nybörjare',
  },
  en: {
    conversion_2t: 'Conversion within two terms',
    conversion_1t: 'Conversion within one term',
    reach: 'Participants (headcount)',
    first_generation: 'First-generation share among the converted',
    cost: 'Cost per conversion',
    prestationsgrad: "Participants' performance rate",
    diff: 'Completion difference against the comparison pool',
    linked: 'Linked participants',
    new_lc_share: 'Share of new students through a learning centre',
    mature: 'Share aged 25 or older',
    women: 'Share of women',
    new_students: 'New students',
  },
};

const pct = (lang: Lang, value: number) => (lang === 'sv' ? `${value}\u00a0%` : `${value}%`);

export function forestGoals(lang: Lang): ForestGoal[] {
  const i = INDICATOR[lang];
  const goal = (
    activityId: string,
    activityName: string,
    goalLabel: string,
    indicator: string,
    recommendation: Recommendation,
    status: GoalStatus,
    operator: '>=' | '<=',
    target: number,
    value: number | null,
    low: number | null,
    high: number | null,
  ): ForestGoal => ({
    activityId,
    activityName,
    goalLabel,
    indicator,
    recommendation,
    recommendationLabel: RECOMMENDATION[lang][recommendation],
    status,
    statusLabel: STATUS[lang][status],
    operator,
    target,
    value,
    low,
    high,
  });
  return [
    goal(
      'A1',
      'Studieverkstad Härnösand',
      `${i.conversion_2t} ≥ ${pct(lang, 15)}`,
      'conversion_2t',
      'continue',
      'met',
      '>=',
      0.15,
      0.2222,
      0.1585,
      0.3017,
    ),
    goal(
      'A1',
      'Studieverkstad Härnösand',
      `${i.reach} ≥ 100`,
      'reach',
      'continue',
      'met',
      '>=',
      100,
      412,
      null,
      null,
    ),
    goal(
      'A2',
      'Mattestöd Sollefteå',
      `${i.first_generation} ≥ ${pct(lang, 30)}`,
      'converted_first_generation_share',
      'develop',
      'likely_missed',
      '>=',
      0.3,
      0.255,
      0.12,
      0.41,
    ),
    goal(
      'A2',
      'Mattestöd Sollefteå',
      `${i.cost} ≤ ${lang === 'sv' ? '5\u00a0000\u00a0kr' : 'SEK\u00a05,000'}`,
      'cost_per_conversion',
      'develop',
      'likely_met',
      '<=',
      5000,
      4120,
      3050,
      5560,
    ),
    // Suppressed: the caller knows 0.3717 with 0.2913–0.4621 but publishes none of it.
    goal(
      'A3',
      'Språkcafé Kramfors',
      `${i.prestationsgrad} ≥ ${lang === 'sv' ? '0,80' : '0.80'}`,
      'participant_prestationsgrad',
      'insufficient_data',
      'insufficient',
      '>=',
      0.8,
      null,
      null,
      null,
    ),
    goal(
      'A4',
      'Handledning Timrå',
      `${i.diff} ≥ 0`,
      'completion_rate_diff',
      'end',
      'missed',
      '>=',
      0,
      -0.083,
      -0.152,
      -0.011,
    ),
    goal(
      'A4',
      'Handledning Timrå',
      `${i.conversion_1t} ≥ ${pct(lang, 10)}`,
      'conversion_1t',
      'end',
      'missed',
      '>=',
      0.1,
      0.031,
      0.012,
      0.069,
    ),
    goal(
      'A5',
      'Vägledning Ånge',
      `${i.linked} ≥ 40`,
      'linked',
      'in_progress',
      'not_due',
      '>=',
      40,
      22,
      null,
      null,
    ),
  ];
}
/** The suppressed goal's value and interval, and the same relative to its target (0.8). */
export const FOREST_HIDDEN = [0.3717, 0.2913, 0.4621, 0.4646, 0.3641, 0.5776];
/** Every way the suppressed goal could show: as given, in percent, and as the ratio it is ("0,37"). */
export const FOREST_LEAKS = [
  ...FOREST_HIDDEN.flatMap(leakForms),
  ...['0.37', '0,37', '0.29', '0,29', '0.46', '0,46'],
];

export function cases(lang: Lang): ChartCase[] {
  const i = INDICATOR[lang];
  const sv = lang === 'sv';
  const list: ChartCase[] = [];

  list.push({
    builder: 'forestPlot',
    lang,
    chart: forestPlot(forestGoals(lang), lang),
    leaks: FOREST_LEAKS,
  });

  // Trend: HT2023 suppressed (hidden 0.1789, 0.1134–0.2688); VT2025 preliminary.
  list.push({
    builder: 'trendChart',
    lang,
    chart: trendChart(
      {
        title: `Studieverkstad Härnösand: ${i.conversion_2t}`,
        points: [
          { term: 'VT2023', value: 0.121, low: 0.072, high: 0.196 },
          { term: 'HT2023', value: null, low: null, high: null },
          { term: 'VT2024', value: 0.164, low: 0.108, high: 0.241 },
          { term: 'HT2024', value: 0.2011, low: 0.1402, high: 0.2803 },
          { term: 'VT2025', value: 0.2222, low: 0.1585, high: 0.3017, preliminary: true },
        ],
        target: { value: 0.15, operator: '>=' },
        format: 'percent',
      },
      lang,
    ),
    leaks: [0.1789, 0.1134, 0.2688].flatMap(leakForms),
  });

  list.push({
    builder: 'bulletChart',
    lang,
    chart: bulletChart(
      [
        {
          label: `${sv ? 'Regionen' : 'The region'}: ${i.new_students} (HT2025)`,
          actual: 1234,
          target: 1500,
          operator: '>=',
          statusLabel: STATUS[lang].missed,
          indicator: 'new_students',
        },
        {
          label: `${sv ? 'Regionen' : 'The region'}: ${i.new_lc_share} (HT2025)`,
          actual: 0.226,
          target: 0.2,
          operator: '>=',
          statusLabel: STATUS[lang].met,
          indicator: 'new_lc_share',
        },
        {
          label: `Sundsvall: ${i.new_students} (HT2025)`,
          actual: 512,
          target: 450,
          operator: '>=',
          statusLabel: STATUS[lang].met,
          indicator: 'new_students',
        },
        // Suppressed: hidden 0.1937.
        {
          label: `Ånge: ${i.new_lc_share} (HT2025)`,
          actual: null,
          target: 0.3,
          operator: '>=',
          statusLabel: STATUS[lang].insufficient,
          indicator: 'new_lc_share',
        },
        {
          label: `Örnsköldsvik: ${i.new_students} (HT2025)`,
          actual: 988,
          target: 280,
          operator: '>=',
          statusLabel: STATUS[lang].met,
          indicator: 'new_students',
        },
      ],
      lang,
    ),
    leaks: [0.1937, 0.6457].flatMap(leakForms),
  });

  // Heat map: new students per 10 000; Ånge VT2024 suppressed (hidden 41.37).
  const cells = MUNICIPALITIES.flatMap((rowLabel, r) =>
    TERMS.map((term, t) => ({
      rowLabel,
      term,
      value:
        rowLabel === 'Ånge' && term === 'VT2024'
          ? null
          : rowLabel === 'Berg' && term === 'VT2022'
            ? null
            : Math.round((8 + ((r * 7 + t * 3) % 29) + t * 0.4) * 10) / 10,
    })),
  );
  list.push({
    builder: 'heatMap',
    lang,
    chart: heatMap(
      cells,
      {
        title: sv
          ? 'Nybörjare per 10 000 invånare 20–64 år'
          : 'New students per 10,000 inhabitants aged 20–64',
        format: 'number',
      },
      lang,
    ),
    leaks: ['41.37', '41,37', '41,4', '41.4'],
  });

  // Dot plot: Kramfors LC suppressed (hidden 0.8923, 0.6334–0.9311); Åre LC preliminary.
  // (Hidden values are chosen so that no published value or interval rounds to the same
  // whole percent: tooltips write every published interval.)
  const dotRows = MUNICIPALITIES.slice(0, 8).flatMap((label, r) => [
    label === 'Kramfors'
      ? {
          label,
          group: 'lc',
          groupLabel: sv ? 'Lärcentrum' : 'Learning centre',
          value: null,
          low: null,
          high: null,
        }
      : {
          label,
          group: 'lc',
          groupLabel: sv ? 'Lärcentrum' : 'Learning centre',
          value: 0.62 + r * 0.021,
          low: 0.5 + r * 0.02,
          high: 0.73 + r * 0.02,
          preliminary: r === 7,
        },
    {
      label,
      group: 'non_lc',
      groupLabel: sv ? 'Övriga' : 'Other',
      value: 0.7 + r * 0.01,
      low: 0.67 + r * 0.01,
      high: 0.73 + r * 0.01,
    },
  ]);
  list.push({
    builder: 'dotPlotWithIntervals',
    lang,
    chart: dotPlotWithIntervals(
      dotRows,
      {
        title: `${sv ? 'Prestationsgrad per kommun' : 'Performance rate per municipality'}, HT2025`,
        format: 'percent',
      },
      lang,
    ),
    leaks: [0.8923, 0.6334, 0.9311].flatMap(leakForms),
  });

  // Participation: linked VT2024 suppressed (hidden 3).
  const participation = ['HT2023', 'VT2024', 'HT2024', 'VT2025', 'HT2025'].flatMap((term, t) => [
    { term, series: 'headcount', seriesLabel: i.reach, value: [14, 9, 1234, 31, 40][t]! },
    {
      term,
      series: 'linked',
      seriesLabel: i.linked,
      value: term === 'VT2024' ? null : [11, 0, 1102, 25, 33][t]!,
    },
  ]);
  list.push({
    builder: 'participationBars',
    lang,
    chart: participationBars(
      participation,
      {
        title: `Studieverkstad Härnösand: ${sv ? 'deltagande per termin' : 'participation per term'}`,
      },
      lang,
    ),
    leaks: [],
  });

  // Multi-line: women VT2024 suppressed (hidden 0.6783, 0.5433–0.6877).
  const series = [
    ['new_lc_share', i.new_lc_share, 0.12],
    ['mature', i.mature, 0.34],
    ['women', i.women, 0.55],
  ] as const;
  const lines = series.flatMap(([key, label, base]) =>
    TERMS.map((term, t) =>
      key === 'women' && term === 'VT2024'
        ? { term, series: key, seriesLabel: label, value: null, low: null, high: null }
        : {
            term,
            series: key,
            seriesLabel: label,
            value: base + t * 0.011,
            low: base + t * 0.011 - 0.03,
            high: base + t * 0.011 + 0.03,
          },
    ),
  );
  list.push({
    builder: 'multiLineChart',
    lang,
    chart: multiLineChart(
      lines,
      {
        title: sv
          ? 'Breddad rekrytering i regionen: andelar bland nybörjarna'
          : 'Widened recruitment in the region: shares among new students',
        format: 'percent',
      },
      lang,
    ),
    leaks: [0.6783, 0.5433, 0.6877].flatMap(leakForms),
  });
  return list;
}
