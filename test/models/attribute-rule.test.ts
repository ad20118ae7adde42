// The attribute rule (indicators.md): a person's attribute in a term is the first
// non-empty value among their registrations of the term, ordered by registration_date
// (empty dates last), then course_code, then course_offering. Each attribute is taken on
// its own, so one person-term may take its values from different registrations.
// Hand-made, one person per case:
//
// P (HT2024): Z9 on 2024-08-10 gives gender K (woman) and foreign_background nej, nothing else;
//    A1 on 2024-08-15 gives home 2380, centre LC-OST, birth year 1990, parental
//    gymnasial_3 (its gender M and foreign ja come too late); A0 has no date, so it is
//    last although its code sorts first, and gives nothing.
//    → home 2380, centre LC-OST, birth 1990, gender K, parental gymnasial_3, foreign false.
// Q (HT2024): two registrations on the same date: K1 sorts before K2 → home 2380.
// R (HT2024): no dates: K1 first, but its home is empty → K2's 2281; K1 gives birth 1985.
// S (HT2024): the same course twice on one date, offerings 20002 and 10001: 10001 first →
//    foreign true, birth 1970.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { Workspace } from '../helpers/workspace.ts';

const registrations = `person_id,term,course_code,course_offering,credits,first_time,home_municipality,centre_id,registration_date,birth_year,gender,parental_education,foreign_background
P,HT2024,Z9,,7.5,ja,,,2024-08-10,,K,,nej
P,HT2024,A1,,7.5,ja,2380,LC-OST,2024-08-15,1990,M,gymnasial_3,ja
P,HT2024,A0,,7.5,ja,2281,LC-W,,1970,K,forgymnasial,ja
Q,HT2024,K2,,7.5,ja,2281,,2024-08-20,,,,
Q,HT2024,K1,,7.5,ja,2380,,2024-08-20,,,,
R,HT2024,K2,,7.5,ja,2281,,,1975,,,
R,HT2024,K1,,7.5,ja,,,,1985,,,
S,HT2024,K1,20002,7.5,ja,2380,,2024-08-20,1980,,,nej
S,HT2024,K1,10001,7.5,ja,2380,,2024-08-20,1970,,,ja
`;

let ws: Workspace;
let terms: Record<
  string,
  {
    home: string | null;
    centre: string | null;
    birth_year: number | null;
    gender: string | null;
    parental_education: string | null;
    foreign_background: boolean | null;
  }
>;

beforeAll(async () => {
  ws = new Workspace();
  const report = await ws.ingest([ws.write('in/registrations.csv', registrations)]);
  expect(report.results.map((r) => r.rowsRejected)).toEqual([0]);
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    const rows = await db.rows<{
      person: string;
      home: string | null;
      centre: string | null;
      birth_year: number | null;
      gender: string | null;
      parental_education: string | null;
      foreign_background: boolean | null;
    }>(
      `SELECT person_key::VARCHAR AS person, home, centre, birth_year, gender, parental_education, foreign_background FROM int_person_terms`,
    );
    // which person_key is which (keys follow the pseudonyms, not the names): each
    // person's courses and offerings, and for Q and R whether they have dates, tell them apart
    const who = await db.rows<{ person: string; name: string }>(
      `SELECT person_key::VARCHAR AS person,
         CASE string_agg(course_code || ':' || course_offering, ',' ORDER BY course_code, course_offering)
           WHEN 'A0:,A1:,Z9:' THEN 'P' WHEN 'K1:,K2:' THEN (CASE WHEN count(registration_date) = 2 THEN 'Q' ELSE 'R' END)
           WHEN 'K1:10001,K1:20002' THEN 'S' END AS name
       FROM stg_registrations GROUP BY person_key`,
    );
    const names = new Map(who.map((w) => [w.person, w.name]));
    terms = Object.fromEntries(
      rows.map(({ person, ...rest }) => [
        names.get(person)!,
        { ...rest, birth_year: rest.birth_year === null ? null : Number(rest.birth_year) },
      ]),
    );
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => ws.remove());

describe('attribute rule', () => {
  it('takes each attribute from the first registration that has it, in date order, empty dates last', () => {
    expect(terms.P).toEqual({
      home: '2380',
      centre: 'LC-OST',
      birth_year: 1990,
      gender: 'woman',
      parental_education: 'gymnasial_3',
      foreign_background: false,
    });
  });
  it('orders registrations of the same date by course code', () => {
    expect(terms.Q!.home).toBe('2380');
  });
  it('skips an empty value of the first registration when no registration has a date', () => {
    expect(terms.R).toMatchObject({ home: '2281', birth_year: 1985 });
  });
  it('orders registrations of the same course and date by offering', () => {
    expect(terms.S).toMatchObject({ foreign_background: true, birth_year: 1970 });
  });
});
