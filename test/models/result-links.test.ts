// Which registration a result without a term belongs to (data-contract.md, results.term:
// "the latest term of the person's registration on the course (and offering, when
// given) that starts on or before result_date"). Hand-made cases, one person each:
//
// P1: C4 offering X in HT2024, C4 with no offering in VT2025; a result on offering X
//     dated in VT2025 belongs to the X registration (HT2024), not the later one.
// P2: C2 with no offering in HT2024; a result on offering Z9 still links there (the
//     registration does not say which offering, so it does not contradict the result).
// P3: C5 offering A in HT2024, offering B in VT2025; a result without an offering
//     dated in VT2025 goes to the latest term (VT2025); one on offering A to HT2024.
// P4: C6 offering A in HT2024 only; a result on offering B links to nothing.
// P5: C7 offering A in HT2024, offering B in VT2025 (two registrations to choose from); a
//     result on offering C links to neither, and is listed once, with no registration.
// P6: C8 in VT2025; the same result loaded twice, first with term VT2025, then HT2024.
//     Duplicates count once, with the first term in sort order (HT2024), and no
//     registration is in HT2024: the data test results_without_registration lists it
//     once, with the term the link used (HT2024), not the first loaded row's (VT2025).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { readDataTests } from '../../src/models/data-tests.ts';
import { Workspace } from '../helpers/workspace.ts';

const registrations = `person_id,term,course_code,course_offering,credits,first_time,home_municipality
P1,HT2024,C4,X,7.5,ja,2380
P1,VT2025,C4,,7.5,nej,2380
P2,HT2024,C2,,7.5,ja,2380
P3,HT2024,C5,A,7.5,ja,2380
P3,VT2025,C5,B,7.5,nej,2380
P4,HT2024,C6,A,7.5,ja,2380
P5,HT2024,C7,A,7.5,ja,2380
P5,VT2025,C7,B,7.5,nej,2380
P6,VT2025,C8,,7.5,ja,2380
`;
const results = `person_id,course_code,course_offering,credits,grade,result_date,term
P1,C4,X,7.5,G,2025-03-01,
P2,C2,Z9,7.5,G,2024-10-01,
P3,C5,,7.5,G,2025-03-02,
P3,C5,A,7.5,G,2025-03-03,
P4,C6,B,7.5,G,2024-10-01,
P5,C7,C,7.5,G,2025-03-04,
P6,C8,,7.5,G,2025-03-05,VT2025
P6,C8,,7.5,G,2025-03-05,HT2024
`;

let ws: Workspace;
let links: { course_code: string; result_date: string; term: string | null }[];
let unlinked: { course_code: string; term: string | null; result_date: string }[];

beforeAll(async () => {
  ws = new Workspace();
  const report = await ws.ingest([
    ws.write('in/registrations.csv', registrations),
    ws.write('in/results.csv', results),
  ]);
  expect(report.results.map((r) => r.rowsRejected)).toEqual([0, 0]);
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    links =
      await db.rows(`SELECT res.course_code, strftime(res.result_date, '%Y-%m-%d') AS result_date, reg.term
      FROM stg_results res LEFT JOIN int_result_links l USING (result_id) LEFT JOIN stg_registrations reg ON reg.reg_id = l.reg_id
      ORDER BY res.result_date`);
    const test = readDataTests().find((t) => t.name === 'results_without_registration')!;
    unlinked = await db.rows(
      `SELECT course_code, term, strftime(result_date, '%Y-%m-%d') AS result_date FROM (${test.sql}) ORDER BY result_date`,
    );
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => ws.remove());

describe('result to registration link', () => {
  it('prefers the registration on the result’s own offering, then the latest term; a different offering never links', () => {
    expect(links.map((l) => [l.course_code, l.result_date, l.term])).toEqual([
      ['C2', '2024-10-01', 'HT2024'], // P2
      ['C6', '2024-10-01', null], // P4
      ['C4', '2025-03-01', 'HT2024'], // P1
      ['C5', '2025-03-02', 'VT2025'], // P3, no offering
      ['C5', '2025-03-03', 'HT2024'], // P3, offering A
      ['C7', '2025-03-04', null], // P5
      ['C8', '2025-03-05', null], // P6
    ]);
  });
  it('lists each unlinked result once in the data test, with the term its link used', () => {
    expect(unlinked.map((u) => [u.course_code, u.result_date, u.term])).toEqual([
      ['C6', '2024-10-01', null], // P4
      ['C7', '2025-03-04', null], // P5
      ['C8', '2025-03-05', 'HT2024'], // P6: the kept duplicate's term
    ]);
  });
});
