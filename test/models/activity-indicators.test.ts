// Activity indicators and decisions on hand-made data; the arithmetic is in the comments.
//
// Terms with registrations: VT2025, HT2025, VT2026 (the latest). HT2026 has none.
//
// Recruitment R1 (start VT2025, 10 000 kr a term, need N-404 is not in the inventory).
// Sessions: 2025-03-10 (VT2025, 30 people), 2025-09-15 (HT2025, 20 people).
//   P1 first VT2025, prospect, registers HT2025 (parents gymnasial_3: first generation)
//   P2 first VT2025, already registered VT2025: not a prospect
//   P3 at both sessions: A = VT2025 (the first term counts); registers VT2026
//      (parents eftergymnasial_ge3)
//   P4 first HT2025, registers VT2026 (parental education unknown); A+2 = HT2026 is
//      not covered, so P4 is left out of conversion_2t
//   P5 first VT2025, never registers
// Recruitment R2 (start VT2026): no sessions, no participants yet.
// Throughput T1 (start HT2025), session 2025-10-01 with Q1 and Q2. HT2025, all 7.5 hp:
//   Q1: C1 earned 7.5 (complete), C2 earned 0; Q2: C1 earned 0.
//   Non-participants: N1–N6 on C1 (N1–N3 complete), N7 on C2 (not complete), P1 on K9 (0).
//   Pool of Q1/Q2 on C1: N1–N6 (6 ≥ 5): earned 22.5 of 45 hp = 0.5, completion 3/6 = 0.5.
//   Pool of Q1 on C2: only N7 (1 < 5) → every non-participant registration of HT2025:
//   N1–N7 and P1, 8 registrations, 60 hp, earned 22.5 → 0.375, completion 3/8 = 0.375.
//   Q1 registers in VT2026, Q2 does not.
// E1 ended in HT2025.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { decide, type ActivityDecision } from '../../src/decide/decide.ts';
import { wilsonInterval } from '../../src/stats/wilson.ts';

const registrations = `person_id,term,course_code,credits,first_time,parental_education
P2,VT2025,X1,7.5,ja,
P1,HT2025,K9,7.5,ja,gymnasial_3
Q1,HT2025,C1,7.5,ja,
Q1,HT2025,C2,7.5,ja,
Q2,HT2025,C1,7.5,ja,
N1,HT2025,C1,7.5,ja,
N2,HT2025,C1,7.5,ja,
N3,HT2025,C1,7.5,ja,
N4,HT2025,C1,7.5,ja,
N5,HT2025,C1,7.5,ja,
N6,HT2025,C1,7.5,ja,
N7,HT2025,C2,7.5,ja,
P3,VT2026,X2,7.5,ja,eftergymnasial_ge3
P4,VT2026,X3,7.5,ja,unknown
Q1,VT2026,C3,7.5,nej,
`;
const results = `person_id,course_code,credits,grade,result_date
Q1,C1,7.5,G,2025-12-01
N1,C1,7.5,G,2025-12-01
N2,C1,7.5,VG,2025-12-01
N3,C1,7.5,G,2025-12-01
`;
const activities = `activity_id,name,kind,type,municipality_code,start_term,end_term,need_id,cost_sek
R1,Inspirationsdag Östersund,recruitment,inspiration,2380,VT2025,,N-404,10000
R2,Studiebesök Åre,recruitment,study_visit,2321,VT2026,,N-1,
T1,Tentastöd Härnösand,throughput,exam_support,2280,HT2025,,N-1,
E1,Mentorskap,throughput,mentoring,2280,VT2025,HT2025,N-1,
`;
const needs = `need_id,documented_on,source,description
N-1,2024-11-01,Behovsinventering 2024,Studievana saknas bland sökande
`;
const goals = `activity_id,goal_id,indicator,operator,target,by_term
R1,g1,conversion_2t,>=,0.5,VT2026
R1,g2,reach,>=,40,VT2026
R2,g1,linked,>=,10,HT2026
T1,g1,participant_completion_rate,>=,0.6,HT2025
T1,g2,participants,>=,2,VT2026
E1,g1,participants,>=,5,HT2025
`;
const sessions = `activity_id,session_date,participants
R1,2025-03-10,30
R1,2025-09-15,20
T1,2025-10-01,12
`;
const participations = `activity_id,session_date,person_id
R1,2025-03-10,P1
R1,2025-03-10,P2
R1,2025-03-10,P3
R1,2025-03-10,P5
R1,2025-09-15,P3
R1,2025-09-15,P4
T1,2025-10-01,Q1
T1,2025-10-01,Q2
`;

type Row = {
  value: number;
  numerator: number | null;
  denominator: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  suppressed: boolean;
};
let ws: Workspace;
let rows: Map<string, Row>;
let decisions: Map<string, ActivityDecision>;
let decisionsHT2025: Map<string, ActivityDecision>;
const get = (activity: string, term: string, indicator: string) =>
  rows.get(`${activity}|${term}|${indicator}`);

beforeAll(async () => {
  ws = new Workspace();
  const files = Object.entries({
    registrations,
    results,
    activities,
    needs,
    activity_goals: goals,
    activity_sessions: sessions,
    participations,
  }).map(([kind, text]) => ws.write(`in/${kind}.csv`, text));
  const report = await ws.ingest(files);
  expect(report.failures).toEqual([]);
  expect(report.results.map((r) => r.rowsRejected)).toEqual(files.map(() => 0));
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    const all = await db.rows<Row & { scope_id: string; term: string; indicator: string }>(
      `select * from indicators where scope = 'activity'`,
    );
    rows = new Map(all.map((r) => [`${r.scope_id}|${r.term}|${r.indicator}`, r]));
    decisions = new Map(
      (await decide(db, 'VT2026', { minN: 10, lang: 'sv' })).map((d) => [d.activityId, d]),
    );
    decisionsHT2025 = new Map(
      (await decide(db, 'HT2025', { minN: 10, lang: 'en' })).map((d) => [d.activityId, d]),
    );
  } finally {
    db.close();
  }
});
afterAll(() => ws.remove());

describe('recruitment activity R1', () => {
  it('has a row for every review term from its start to the latest term with registrations', () => {
    expect(get('R1', 'VT2025', 'reach')?.value).toBe(30);
    expect(get('R1', 'HT2025', 'reach')?.value).toBe(50);
    expect(get('R1', 'VT2026', 'reach')?.value).toBe(50);
    expect(get('R1', 'HT2026', 'reach')).toBeUndefined();
  });

  it('counts linked participants and prospects; someone registered by A is no prospect', () => {
    expect(get('R1', 'VT2025', 'linked')?.value).toBe(4); // P1, P2, P3, P5
    expect(get('R1', 'VT2026', 'linked')?.value).toBe(5);
    expect(get('R1', 'VT2026', 'prospects')?.value).toBe(4); // not P2
  });

  it('conversion_1t counts prospects whose A+1 is covered at R', () => {
    // At HT2025: P1 (HT2025, registered), P3 and P5 (HT2025, not); P4's A+1 is VT2026 > R.
    expect(get('R1', 'HT2025', 'conversion_1t')).toMatchObject({ numerator: 1, denominator: 3 });
    // At VT2026: P1 yes, P3 no, P5 no, P4 (VT2026) yes → 2 of 4.
    expect(get('R1', 'VT2026', 'conversion_1t')).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
    });
    expect(get('R1', 'VT2025', 'conversion_1t')).toBeUndefined(); // nobody's A+1 is covered
  });

  it('conversion_2t leaves out prospects whose A+2 is not covered, and counts the first session term', () => {
    // A+2 = VT2026 for P1, P3, P5 (P3's second session in HT2025 does not move A); P4's
    // A+2 = HT2026 has no data. Converted: P1 (HT2025), P3 (VT2026) → 2 of 3.
    const row = get('R1', 'VT2026', 'conversion_2t')!;
    expect(row).toMatchObject({ numerator: 2, denominator: 3, n: 3, suppressed: true });
    const wilson = wilsonInterval(2, 3)!;
    expect(row.ci_low).toBeCloseTo(wilson.low, 12);
    expect(get('R1', 'HT2025', 'conversion_2t')).toBeUndefined();
  });

  it('first-generation share among the converted uses the parental education after A', () => {
    // Converted within two terms at VT2026: P1 (gymnasial_3), P3 (eftergymnasial_ge3), P4 (unknown) → 1 of 2 known.
    expect(get('R1', 'VT2026', 'converted_first_generation_share')).toMatchObject({
      value: 0.5,
      denominator: 2,
    });
  });

  it('cost per conversion: cost a term × terms run ÷ converted', () => {
    // VT2026: 10 000 × 3 terms (VT2025–VT2026) / 3 converted (P1, P3, P4) = 10 000.
    expect(get('R1', 'VT2026', 'cost_per_conversion')).toMatchObject({
      value: 10000,
      numerator: 30000,
      denominator: 3,
    });
    // HT2025: 10 000 × 2 / 1 converted (P1) = 20 000. VT2025: nobody converted → absent.
    expect(get('R1', 'HT2025', 'cost_per_conversion')?.value).toBe(20000);
    expect(get('R1', 'VT2025', 'cost_per_conversion')).toBeUndefined();
  });
});

describe('throughput activity T1', () => {
  it('counts participants with a session and a registration in the term', () => {
    expect(get('T1', 'HT2025', 'participants')?.value).toBe(2);
  });

  it('participant prestationsgrad is Σ earned / Σ hp over participant registrations', () => {
    // Q1 7.5 of 15, Q2 0 of 7.5 → 7.5 / 22.5. Delta over units Q1 (15, 7.5), Q2 (7.5, 0):
    // d = 2.5, −2.5, SE = √(12.5 / 2) / 11.25 = 0.2222, high = 1/3 + 1.959964 · 0.2222 = 0.76888.
    const row = get('T1', 'HT2025', 'participant_prestationsgrad')!;
    expect(row.value).toBeCloseTo(1 / 3, 12);
    expect(row.ci_low).toBe(0);
    expect(row.ci_high).toBeCloseTo(0.7688808888888888, 9);
  });

  it('observed / expected uses the course pool, or the term pool when the course pool is under 5', () => {
    // expected: Q1 C1 7.5 × 0.5 = 3.75, Q2 C1 3.75, Q1 C2 7.5 × 0.375 = 2.8125 (term pool) → 10.3125.
    const row = get('T1', 'HT2025', 'prestationsgrad_oe')!;
    expect(row.value).toBeCloseTo(7.5 / 10.3125, 12);
    expect(row.denominator).toBeCloseTo(10.3125, 12);
    // Not clipped at 1: units Q1 (6.5625, 7.5), Q2 (3.75, 0) → SE 0.528926, high 1.763948.
    expect(row.ci_high).toBeCloseTo(1.7639479008264463, 9);
  });

  it('completion rate and the difference against the pool, per registration', () => {
    expect(get('T1', 'HT2025', 'participant_completion_rate')).toMatchObject({
      numerator: 1,
      denominator: 3,
      n: 3,
    });
    // Q1 C1: 1 − 0.5; Q1 C2: 0 − 0.375; Q2 C1: 0 − 0.5 → mean −0.125, sd 0.544862,
    // interval −0.125 ± 1.959964 · 0.544862 / √3.
    const diff = get('T1', 'HT2025', 'completion_rate_diff')!;
    expect(diff.value).toBeCloseTo(-0.125, 12);
    expect(diff.ci_low).toBeCloseTo(-0.7415584874621252, 9);
    expect(diff.ci_high).toBeCloseTo(0.49155848746212516, 9);
    expect(diff.n).toBe(3);
  });

  it('participant retention needs A+1 covered', () => {
    expect(get('T1', 'HT2025', 'participant_retention')).toBeUndefined();
    expect(get('T1', 'VT2026', 'participant_retention')).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
  });
});

describe('an activity with no participants yet', () => {
  it('reports its counts as 0 and no shares', () => {
    expect(get('R2', 'VT2026', 'reach')?.value).toBe(0);
    expect(get('R2', 'VT2026', 'linked')?.value).toBe(0);
    expect(get('R2', 'VT2026', 'conversion_1t')).toBeUndefined();
  });
});

describe('decisions', () => {
  it('develops an activity without a documented need even though its count goal is met', () => {
    const r1 = decisions.get('R1')!;
    expect(r1.recommendation).toBe('develop');
    expect(r1.needDocumented).toBe(false);
    expect(r1.goals.map((g) => [g.goalId, g.status])).toEqual([
      ['g1', 'insufficient'], // n = 3 < min_n 10
      ['g2', 'met'], // reach 50 ≥ 40, a count
    ]);
  });

  it('never writes a suppressed value in a reason', () => {
    const reasons = decisions.get('R1')!.reasons;
    expect(reasons).toContain(
      'Konvertering inom två terminer ≥ 50\u00a0%: värdet visas inte (färre än 5 personer) – otillräckligt underlag.',
    );
    expect(reasons).not.toMatch(/67\s?%/); // 2 of 3
    expect(reasons).toContain('Inget dokumenterat behov');
  });

  it('keeps an activity with no goal due in progress, ended ones for the record, and continues T1', () => {
    expect(decisions.get('R2')!.recommendation).toBe('in_progress');
    expect(decisions.get('E1')!.recommendation).toBe('ended');
    expect(decisions.get('T1')!.recommendation).toBe('continue'); // g1 insufficient, g2 met
    expect(decisionsHT2025.get('T1')!.recommendation).toBe('insufficient_data'); // only g1 is due
    // At HT2025 E1 has not ended (end_term HT2025 is not before R); its count goal
    // participants ≥ 5 is due and 0 < 5 → missed, the only judged goal → end.
    expect(decisionsHT2025.get('E1')!.recommendation).toBe('end');
  });
});
