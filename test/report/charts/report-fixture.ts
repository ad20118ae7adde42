// Published report data, made up, from which every chart of the registry is drawn: the
// chart tests iterate the registry (CHARTS) over it, so a chart added there without data
// here fails them. `allSuppressed` hides every value the way small-cell protection does.
import type { ActivityDecision, GoalDecision } from '../../../src/decide/decide.ts';
import type { Lang } from '../../../src/i18n/lang.ts';
import {
  produceCharts,
  type ProducedChart,
  type RegisteredChart,
} from '../../../src/report/chart-registry.ts';
import type { PublishedValue, ReportData } from '../../../src/report/report-data.ts';

const TERMS = ['VT2024', 'HT2024', 'VT2025', 'HT2025'];
const REVIEW = 'HT2025';
const MUNICIPALITIES = [
  { code: '2180', name: 'Gävle', county: '21', inRegion: true },
  { code: '2281', name: 'Sundsvall', county: '22', inRegion: true },
  { code: '2380', name: 'Östersund', county: '23', inRegion: true },
  { code: '0180', name: 'Stockholm', county: '01', inRegion: false },
];
const SHARES = [
  'new_lc_share',
  'first_generation_share',
  'low_parental_education_share',
  'mature_share',
  'foreign_background_share',
  'women_share',
];

function value(
  scope: string,
  scopeId: string,
  term: string,
  indicator: string,
  v: number,
  group = 'all',
): PublishedValue {
  const interval = v < 1 ? { ci_low: v * 0.8, ci_high: Math.min(1, v * 1.2) } : {};
  return {
    scope,
    scope_id: scopeId,
    term,
    indicator,
    group,
    value: v,
    numerator: null,
    denominator: null,
    ci_low: null,
    ci_high: null,
    ...interval,
    n: 40,
    preliminary: false,
    suppressed: false,
    suppression: null,
  };
}

function indicators(): PublishedValue[] {
  const rows: PublishedValue[] = [];
  TERMS.forEach((term, t) => {
    rows.push(value('activity', 'R1', term, 'conversion_2t', 0.12 + t * 0.02));
    rows.push(value('activity', 'T1', term, 'participant_prestationsgrad', 0.7 + t * 0.03));
    SHARES.forEach((indicator, s) => {
      rows.push(value('region', 'region', term, indicator, 0.15 + s * 0.08 + t * 0.01));
    });
    MUNICIPALITIES.forEach((m, i) => {
      rows.push(value('municipality', m.code, term, 'new_students_per_10k', 30 + i * 4.5 + t));
    });
  });
  MUNICIPALITIES.forEach((m, i) => {
    for (const [group, base] of [
      ['lc', 0.7],
      ['non_lc', 0.8],
    ] as const) {
      rows.push(value('municipality', m.code, REVIEW, 'prestationsgrad', base + i * 0.02, group));
      rows.push(value('municipality', m.code, REVIEW, 'completion_rate', base - i * 0.03, group));
    }
  });
  return rows;
}

function goal(indicator: string, target: number, v: number): GoalDecision {
  return {
    goalId: `${indicator}-goal`,
    sentence: '',
    indicator,
    operator: '>=',
    target,
    byTerm: REVIEW,
    value: v,
    low: v * 0.8,
    high: v * 1.2,
    n: 40,
    suppressed: false,
    status: v >= target ? 'likely_met' : 'likely_missed',
    onTrack: null,
  };
}

function activity(
  activityId: string,
  name: string,
  kind: 'recruitment' | 'throughput',
  goals: GoalDecision[],
): ActivityDecision {
  return {
    activityId,
    name,
    kind,
    type: null,
    municipalityCode: '2281',
    centreId: 'LC-SUNDSVALL',
    needId: null,
    needDocumented: false,
    reviewTerm: REVIEW,
    recommendation: 'develop',
    ground: 'no_documented_need',
    goals,
    notLoaded: null,
    newerRowUnread: null,
    unreadGoals: [],
    unreadOther: [],
    reasons: '–',
  };
}

export function reportFixture(lang: Lang): ReportData {
  return {
    reviewTerm: REVIEW,
    terms: TERMS,
    lang,
    settings: {
      minCell: 5,
      shareRule: 'denominator',
      minN: 10,
      graceDays: 30,
      confidence: 0.95,
      asOf: null,
    },
    municipalities: MUNICIPALITIES,
    counties: [
      { code: '21', name: 'Gävleborgs län' },
      { code: '22', name: 'Västernorrlands län' },
      { code: '23', name: 'Jämtlands län' },
    ],
    indicators: indicators(),
    decisions: [
      activity('R1', 'Studiebesök', 'recruitment', [goal('conversion_2t', 0.15, 0.18)]),
      activity('T1', 'Studieverkstad', 'throughput', [
        goal('participant_prestationsgrad', 0.8, 0.79),
        goal('participant_completion_rate', 0.7, 0.75),
      ]),
    ],
    participation: TERMS.flatMap((term, t) => [
      { activityId: 'R1', term, headcount: 40 + t * 5, linked: 30 + t * 4 },
      { activityId: 'T1', term, headcount: 20 + t, linked: 18 + t },
    ]),
    needs: [],
    targets: [
      {
        scope: 'region',
        scopeId: 'region',
        indicator: 'new_students',
        operator: '>=',
        target: 1200,
        byTerm: REVIEW,
        term: REVIEW,
        value: 1100,
        low: null,
        high: null,
        suppressed: false,
        status: 'missed',
      },
      {
        scope: 'county',
        scopeId: '22',
        indicator: 'new_lc_share',
        operator: '>=',
        target: 0.2,
        byTerm: REVIEW,
        term: REVIEW,
        value: 0.23,
        low: 0.19,
        high: 0.27,
        suppressed: false,
        status: 'likely_met',
      },
    ],
    quality: {
      files: [],
      failed: [],
      rejects: [],
      coverage: [],
      unknown: [],
      tests: [],
      suppressedCells: 0,
      secondaryCells: 0,
      publishedCells: 0,
      suppressionByScope: [],
      missingKinds: [],
    },
  };
}

/** The same data with every published value hidden (small-cell protection). */
export function allSuppressed(data: ReportData): ReportData {
  return {
    ...data,
    indicators: data.indicators.map((r) => ({
      ...r,
      value: null,
      ci_low: null,
      ci_high: null,
      n: null,
      suppressed: true,
      suppression: 'primary',
    })),
  };
}

/** The charts the fixture gives, by registry entry, in the order of produceCharts. */
export function chartsOf(data: ReportData, entry: RegisteredChart): ProducedChart[] {
  const names = new Set(
    entry.per === 'report' ? [entry.id] : data.decisions.map((d) => entry.nameFor(d)),
  );
  return produceCharts(data).filter((p) => names.has(p.name));
}
