// Municipality indicators on hand-made data, every expected number worked out by hand
// from indicators.md (the arithmetic is in the comments). Persons use pseudonymous ids.
//
// Terms: HT2024 runs 2024-08-26 – 2025-01-12 (term cutoff + 30 days: 2025-02-11; its
// four-term cutoff is the end of VT2026, 2026-05-31). VT2025 runs 2025-01-13 –
// 2025-06-01 (cutoff 2025-07-01). HT2025 has no registrations.
//
// A: HT2024, home 2380, LC (LC-OST), new, K1 15 hp. Module results: M1 7.5 G (twice:
//    a duplicate), M2 7.5 F, then M2 7.5 G on 2025-03-01 (after the term cutoff, before
//    the four-term cutoff), and a whole-course K1 15 G that must not count (module rows
//    exist). earned(term) = 7.5, earned(4t) = 15.
// B: HT2024, home 2380, new, K1 7.5 hp; a whole-course result of 15 hp: capped at 7.5.
// C: HT2024, home 2281, new, K2 30 hp, no results. VT2025: moved to 2380, first_time
//    again (new only in HT2024), K3 7.5 hp earned by a result without a term.
// D: HT2024, not new, two registrations: K1 7.5 hp (reg date 2024-08-20, home 2380,
//    LC-OST) failed U then passed G; K5 7.5 hp (no date, home 2281) no results. Home by
//    the attribute rule: 2380. VT2025: K4 7.5 hp, no results.
// E: HT2024, home 0180 (outside the region), new, K1 7.5 hp.
// X: a result with no registration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { wilsonInterval } from '../../src/stats/wilson.ts';

const registrations = `person_id,term,course_code,credits,first_time,home_municipality,centre_id,registration_date,gender,parental_education,birth_year,foreign_background
stud-A,HT2024,K1,15,ja,2380,LC-OST,2024-08-20,K,gymnasial_3,1990,nej
stud-B,HT2024,K1,"7,5",ja,2380,,2024-08-20,M,eftergymnasial_lt3,2005,ja
stud-C,HT2024,K2,30,ja,2281,,2024-08-21,,unknown,,
stud-C,VT2025,K3,7.5,ja,2380,,2025-01-10,,,,
stud-D,HT2024,K1,7.5,nej,2380,LC-OST,2024-08-20,M,,1980,nej
stud-D,HT2024,K5,7.5,nej,2281,,,M,,1980,nej
stud-D,VT2025,K4,7.5,nej,2380,LC-OST,2025-01-10,M,,1980,nej
stud-E,HT2024,K1,7.5,ja,0180,,2024-08-22,K,,2000,nej
`;
const results = `person_id,course_code,module_code,credits,grade,result_date
stud-A,K1,M1,7.5,G,2024-10-01
stud-A,K1,M1,7.5,G,2024-10-01
stud-A,K1,M2,7.5,F,2024-12-01
stud-A,K1,M2,7.5,G,2025-03-01
stud-A,K1,,15,G,2025-03-01
stud-B,K1,,15,G,2024-11-01
stud-C,K3,,7.5,G,2025-04-01
stud-D,K1,,7.5,U,2024-10-15
stud-D,K1,,7.5,G,2024-12-20
stud-X,K9,,7.5,G,2024-10-01
`;
// A supplied reference replaces the default: 2380 and 2321 in county 23, 2281 in 22,
// all in the region; 0180 outside it.
const municipalities = `municipality_code,name,in_region
2380,Östersund,ja
2321,Åre,ja
2281,Sundsvall,ja
0180,Stockholm,nej
`;
// HT2024 uses year 2023. 2281 lacks 2023: its latest earlier year (2022) is used.
const population = `municipality_code,year,population_20_64
2380,2023,40000
2321,2023,8000
2281,2022,50000
`;

let ws: Workspace;
type Row = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number | null;
  preliminary: boolean;
  suppressed: boolean;
};
let rows: Map<string, Row>;
let tests: Map<string, number>;

function get(
  scope: string,
  id: string,
  term: string,
  indicator: string,
  group = 'all',
): Row | undefined {
  return rows.get([scope, id, term, indicator, group].join('|'));
}
function value(
  scope: string,
  id: string,
  term: string,
  indicator: string,
  group = 'all',
): number | null | undefined {
  return get(scope, id, term, indicator, group)?.value;
}

beforeAll(async () => {
  ws = new Workspace();
  const files = [
    ws.write('in/registrations.csv', registrations),
    ws.write('in/results.csv', results),
    ws.write('in/municipalities.csv', municipalities),
    ws.write('in/population.csv', population),
  ];
  const report = await ws.ingest(files);
  expect(report.failures).toEqual([]);
  expect(report.results.every((r) => r.rowsRejected === 0)).toBe(true);
  const db = await Database.open(ws.dbPath);
  try {
    const build = await buildModels(db, DEFAULT_BUILD_SETTINGS);
    tests = new Map(build.tests.map((t) => [t.name, t.failingRows]));
    const all = await db.rows<
      Row & { scope: string; scope_id: string; term: string; indicator: string; group: string }
    >('select * from indicators');
    rows = new Map(
      all.map((r) => [[r.scope, r.scope_id, r.term, r.indicator, r.group].join('|'), r]),
    );
  } finally {
    db.close();
  }
});
afterAll(() => ws.remove());

describe('new students and widened-recruitment shares', () => {
  it('counts a person as new once, in the earliest first_time term', () => {
    // Region HT2024: A, B, C are new (D is continuing, E lives outside the region).
    expect(value('region', 'region', 'HT2024', 'new_students')).toBe(3);
    // C is marked first_time again in VT2025 but is not new there.
    expect(value('region', 'region', 'VT2025', 'new_students')).toBe(0);
    expect(value('municipality', '2380', 'VT2025', 'new_students')).toBe(0);
    expect(tests.get('first_time_in_two_terms')).toBe(1);
  });

  it('splits by LC status in the term, and all = lc + non_lc', () => {
    expect(value('region', 'region', 'HT2024', 'new_students', 'lc')).toBe(1); // A
    expect(value('region', 'region', 'HT2024', 'new_students', 'non_lc')).toBe(2); // B, C
    expect(value('region', 'region', 'HT2024', 'new_lc_share')).toBeCloseTo(1 / 3, 12);
    expect(value('region', 'region', 'HT2024', 'new_lc_share', 'lc')).toBe(1);
    expect(value('region', 'region', 'HT2024', 'new_lc_share', 'non_lc')).toBe(0);
  });

  it('places a person by the home of the term (attribute rule) and follows a move', () => {
    // D's first registration by date has home 2380; the undated one (2281) comes last.
    expect(value('municipality', '2380', 'HT2024', 'hst')).toBeCloseTo((15 + 7.5 + 15) / 60, 12); // A, B, D
    expect(value('municipality', '2281', 'HT2024', 'hst')).toBeCloseTo(30 / 60, 12); // C only
    // C moved to 2380 in VT2025: 2380 then holds C and D.
    expect(value('municipality', '2380', 'VT2025', 'hst')).toBeCloseTo((7.5 + 7.5) / 60, 12);
    expect(get('municipality', '2281', 'VT2025', 'hst')).toBeUndefined();
  });

  it('shares count only persons with a known value', () => {
    // Among A, B, C: gender K, M, unknown → 1 of 2 women.
    expect(get('region', 'region', 'HT2024', 'women_share')).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      n: 2,
    });
    // Parental education gymnasial_3 (first generation, not low), eftergymnasial_lt3, unknown.
    expect(get('region', 'region', 'HT2024', 'first_generation_share')).toMatchObject({
      value: 0.5,
      denominator: 2,
    });
    expect(get('region', 'region', 'HT2024', 'low_parental_education_share')).toMatchObject({
      value: 0,
      denominator: 2,
    });
    // Ages 2024 − 1990 = 34 (mature) and 2024 − 2005 = 19; C unknown.
    expect(get('region', 'region', 'HT2024', 'mature_share')).toMatchObject({
      value: 0.5,
      denominator: 2,
    });
    expect(get('region', 'region', 'HT2024', 'foreign_background_share')).toMatchObject({
      value: 0.5,
      denominator: 2,
    });
  });

  it('has Wilson intervals on shares', () => {
    const row = get('region', 'region', 'HT2024', 'new_lc_share')!;
    const expected = wilsonInterval(1, 3)!; // checked against Newcombe (1998) in test/stats
    expect(row.ci_low).toBeCloseTo(expected.low, 12);
    expect(row.ci_high).toBeCloseTo(expected.high, 12);
    expect(row.n).toBe(3);
  });
});

describe('new students per 10 000 inhabitants', () => {
  it('uses population of year Y−1, and the latest earlier year when that is missing', () => {
    // 2281: 1 new (C) / 50 000 (year 2022) × 10 000 = 0.2
    expect(get('municipality', '2281', 'HT2024', 'new_students_per_10k')).toMatchObject({
      value: 0.2,
      numerator: 1,
      denominator: 50000,
    });
    // 2380: 2 new (A, B) / 40 000 × 10 000 = 0.5
    expect(value('municipality', '2380', 'HT2024', 'new_students_per_10k')).toBeCloseTo(0.5, 12);
    expect(tests.get('population_year_missing')).toBeGreaterThan(0);
  });

  it('sums the population of a county and of the region over their municipalities', () => {
    // County 23 = 2380 + 2321: 2 new / 48 000 × 10 000
    expect(value('county', '23', 'HT2024', 'new_students_per_10k')).toBeCloseTo(
      (2 * 10000) / 48000,
      12,
    );
    // County 22 = 2281: 1 / 50 000 × 10 000
    expect(value('county', '22', 'HT2024', 'new_students_per_10k')).toBeCloseTo(0.2, 12);
    // Region = 2380 + 2321 + 2281: 3 new / 98 000 × 10 000
    expect(value('region', 'region', 'HT2024', 'new_students_per_10k')).toBeCloseTo(
      30000 / 98000,
      12,
    );
  });

  it('is absent where a municipality has no population at all', () => {
    expect(value('municipality', '0180', 'HT2024', 'new_students')).toBe(1);
    expect(get('municipality', '0180', 'HT2024', 'new_students_per_10k')).toBeUndefined();
    expect(get('county', '01', 'HT2024', 'new_students_per_10k')).toBeUndefined();
  });
});

describe('throughput', () => {
  it('counts earned credits by the module/course rule, retakes, duplicates, the cutoff and the cap', () => {
    // Region HT2024: hp A 15 + B 7.5 + C 30 + D 15 = 67.5 → hst 1.125.
    expect(value('region', 'region', 'HT2024', 'hst')).toBeCloseTo(67.5 / 60, 12);
    // earned by the term cutoff: A 7.5 (M1 once; M2 passed after the cutoff; the
    // whole-course row ignored), B 7.5 (15 capped at 7.5), C 0, D 7.5 (U then G) = 22.5.
    expect(value('region', 'region', 'HT2024', 'hpr')).toBeCloseTo(22.5 / 60, 12);
    const pg = get('region', 'region', 'HT2024', 'prestationsgrad')!;
    expect(pg.value).toBeCloseTo(1 / 3, 12);
    // Delta method, persons as units: (x, y) = A (15, 7.5), B (7.5, 7.5), C (30, 0), D (15, 7.5);
    // R = 1/3, d = 2.5, 5, −10, 2.5, Σd² = 137.5, SE = √(137.5 / 12) / 16.875 = 0.2005935;
    // R ± 1.959964 · SE = −0.0598 (clipped to 0) … 0.7264895.
    expect(pg.ci_low).toBe(0);
    expect(pg.ci_high).toBeCloseTo(0.7264894520420719, 9);
    expect(pg).toMatchObject({ numerator: 0.375, denominator: 1.125, n: 4 });
  });

  it('prestationsgrad_4t counts results up to the end of T+3 and is preliminary before it', () => {
    // By 2026-05-31: A 15 (M2 passed 2025-03-01), B 7.5, C 0, D 7.5 = 30 of 67.5.
    const row = get('region', 'region', 'HT2024', 'prestationsgrad_4t')!;
    expect(row.value).toBeCloseTo(30 / 67.5, 12);
    expect(row).toMatchObject({ numerator: 30, denominator: 67.5, n: 4, preliminary: true });
    // d = 15 − 6.667, 7.5 − 3.333, −13.333, 7.5 − 6.667 → SE = 0.2786224, high = 0.9905343.
    expect(row.ci_high).toBeCloseTo(0.9905343206129614, 9);
  });

  it('completion rate is per registration', () => {
    // A K1 no, B K1 yes, C K2 no, D K1 yes, D K5 no → 2 of 5.
    expect(get('region', 'region', 'HT2024', 'completion_rate')).toMatchObject({
      value: 0.4,
      numerator: 2,
      denominator: 5,
      n: 5,
    });
    // LC (A, D): 1 of 3; non-LC (B, C): 1 of 2.
    expect(get('region', 'region', 'HT2024', 'completion_rate', 'lc')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(get('region', 'region', 'HT2024', 'completion_rate', 'non_lc')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it('retention counts next-term registrations and is absent when T+1 has no data', () => {
    // HT2024 region: C and D registered in VT2025 → 2 of 4.
    expect(get('region', 'region', 'HT2024', 'retention')).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
    });
    // VT2025: HT2025 has no registrations at all.
    expect(get('region', 'region', 'VT2025', 'retention')).toBeUndefined();
    expect(get('region', 'region', 'VT2025', 'hst')).toBeDefined();
  });

  it('links a result without a term to the latest registration term that started before it', () => {
    // C's K3 result 2025-04-01 has no term: VT2025 (start 2025-01-13). VT2025 2380 hpr = 7.5 / 60.
    expect(value('municipality', '2380', 'VT2025', 'hpr')).toBeCloseTo(7.5 / 60, 12);
    expect(tests.get('results_without_registration')).toBe(1); // X
  });
});

describe('scopes', () => {
  it('sums counties and the region from their municipalities, leaving out homes outside the region', () => {
    expect(value('county', '23', 'HT2024', 'new_students')).toBe(2); // A, B
    expect(value('county', '22', 'HT2024', 'new_students')).toBe(1); // C
    expect(value('county', '01', 'HT2024', 'new_students')).toBe(1); // E
    expect(value('region', 'region', 'HT2024', 'hst')).toBeCloseTo(67.5 / 60, 12); // without E
  });

  it('groups LC students by their centre, in group lc only', () => {
    expect(value('centre', 'LC-OST', 'HT2024', 'new_students', 'lc')).toBe(1); // A
    expect(value('centre', 'LC-OST', 'HT2024', 'hst', 'lc')).toBeCloseTo((15 + 15) / 60, 12); // A, D
    expect(get('centre', 'LC-OST', 'HT2024', 'hst', 'all')).toBeUndefined();
  });

  it('marks small cells as suppressed but keeps their values', () => {
    // 3 new students < min_cell 5: suppressed, value kept for analysts.
    expect(get('region', 'region', 'HT2024', 'new_students')).toMatchObject({
      value: 3,
      suppressed: true,
    });
    // 0 is shown.
    expect(get('region', 'region', 'VT2025', 'new_students')).toMatchObject({
      value: 0,
      suppressed: false,
    });
  });
});
