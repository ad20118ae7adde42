// Registrations that repeat a key (person, term, course, offering) count once, as the
// row loaded first (stg_registrations; data test registrations_duplicate_keys counts them).
//
// P1: C1 without an offering twice in one file (7.5 hp from 2380 first, then 15 hp from
//     2361) and C2 once: kept C1 7.5 + C2 7.5 = 15 hp, home 2380.
// P2: C1 on offering X and on offering Y (two keys, both kept), and X again in a file
//     loaded later with 30 hp from 2361: kept X 7.5 + Y 7.5 = 15 hp, home 2380.
// Two keys repeat (P1 C1, P2 C1 X), so the data test has two failing rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { Workspace } from '../helpers/workspace.ts';

const first = `person_id,term,course_code,course_offering,credits,first_time,home_municipality
P1,HT2024,C1,,7.5,ja,2380
P1,HT2024,C1,,15,ja,2361
P1,HT2024,C2,,7.5,ja,2380
P2,HT2024,C1,X,7.5,ja,2380
P2,HT2024,C1,Y,7.5,ja,2380
`;
const later = `person_id,term,course_code,course_offering,credits,first_time,home_municipality
P2,HT2024,C1,X,30,ja,2361
`;

let ws: Workspace;
let kept: {
  course_code: string;
  course_offering: string;
  credits: string;
  home_municipality: string;
}[];
let persons: { hp: string; home: string }[];
let failing: number;

beforeAll(async () => {
  ws = new Workspace();
  await ws.ingest([ws.write('in/registrations.csv', first)]);
  await ws.ingest([ws.write('in/registrations-late.csv', later)]);
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    kept =
      await db.rows(`SELECT course_code, course_offering, credits::VARCHAR AS credits, home_municipality
      FROM stg_registrations ORDER BY reg_id`);
    persons = await db.rows(
      `SELECT hp::DOUBLE::VARCHAR AS hp, home FROM int_person_terms ORDER BY person_key`,
    );
    failing = Number(
      (await db.one<{ n: bigint }>(
        `SELECT failing_rows AS n FROM data_test_results WHERE name = 'registrations_duplicate_keys'`,
      ))!.n,
    );
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => ws.remove());

describe('duplicate registrations', () => {
  it('keep the row loaded first of each key, across lines and files', () => {
    expect(
      kept.map((r) => [r.course_code, r.course_offering, Number(r.credits), r.home_municipality]),
    ).toEqual([
      ['C1', '', 7.5, '2380'], // P1, line 2 (line 3 dropped)
      ['C2', '', 7.5, '2380'], // P1
      ['C1', 'X', 7.5, '2380'], // P2 (the later file's X dropped)
      ['C1', 'Y', 7.5, '2380'], // P2
    ]);
  });
  it('count the kept credits once per person and term', () => {
    expect(persons).toEqual([
      { hp: '15.0', home: '2380' },
      { hp: '15.0', home: '2380' },
    ]);
  });
  it('are counted by the data test, one row per repeated key', () => {
    expect(failing).toBe(2);
  });
});
