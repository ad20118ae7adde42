// The SQL reads the indicator registry (ref_indicators): the marts take each indicator's
// kind and small-cell rule from it, goals their family, and a data test fails for an
// emitted indicator the registry lacks. Also the attribute macros of
// sql/macros/attributes.sql: the packed first_non_empty against arg_min, and the parental
// education lists of indicators.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
import { suppressionRule } from '../../src/indicators/indicator.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { readDataTests } from '../../src/models/data-tests.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';
import { Workspace } from '../helpers/workspace.ts';

// Six new students in 2380 (two of them LC), one in 2281: some cells under min_cell 5.
const registrations = `person_id,term,course_code,course_offering,credits,first_time,home_municipality,centre_id,registration_date,birth_year,gender,parental_education,foreign_background
A,HT2024,K1,,7.5,ja,2380,LC-OST,2024-08-20,1990,K,gymnasial_3,nej
B,HT2024,K1,,7.5,ja,2380,LC-OST,2024-08-20,1970,M,eftergymnasial_ge3,ja
C,HT2024,K1,,7.5,ja,2380,,2024-08-20,2001,K,forgymnasial,nej
D,HT2024,K1,,15,ja,2380,,2024-08-20,1985,K,eftergymnasial_lt3,nej
E,HT2024,K2,,7.5,ja,2380,,2024-08-20,1999,M,gymnasial_le2,nej
F,HT2024,K2,,7.5,ja,2380,,2024-08-20,1960,K,,ja
G,HT2024,K2,,7.5,ja,2281,,2024-08-20,1980,K,gymnasial_3,nej
`;

let ws: Workspace;

beforeAll(async () => {
  ws = new Workspace();
  const report = await ws.ingest([ws.write('in/registrations.csv', registrations)]);
  expect(report.results.map((r) => r.rowsRejected)).toEqual([0]);
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => ws.remove());

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(ws.dbPath);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('the marts read ref_indicators', () => {
  it('give every row the kind of its registry entry', async () => {
    const rows = await withDb((db) =>
      db.rows<{ indicator: string; kind: string }>(
        `SELECT DISTINCT indicator, kind FROM mart_municipality_indicators ORDER BY indicator`,
      ),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { indicator, kind } of rows)
      expect(kind, indicator).toBe(INDICATORS.find((i) => i.name === indicator)!.kind);
  });

  it("judge every row by its registry entry's small-cell rule", async () => {
    const rows = await withDb((db) =>
      db.rows<{
        indicator: string;
        persons: number;
        numerator: number | null;
        denominator: number | null;
        suppressed: boolean;
      }>(
        `SELECT indicator, persons::DOUBLE AS persons, numerator, denominator, suppressed
         FROM mart_municipality_indicators`,
      ),
    );
    const minCell = DEFAULT_BUILD_SETTINGS.minCell;
    let hidden = 0;
    for (const r of rows) {
      const entry = INDICATORS.find((i) => i.name === r.indicator)!;
      const rule = suppressionRule(entry.kind);
      // the default share rule is the spec's: a share by its denominator's persons only
      const expected =
        rule === 'count' ? r.persons >= 1 && r.persons < minCell : r.persons < minCell;
      expect(r.suppressed, `${r.indicator} ${r.persons}`).toBe(expected);
      if (r.suppressed) hidden++;
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it('a data test names an emitted indicator that has no registry entry', async () => {
    const test = readDataTests().find((t) => t.name === 'indicator_not_in_registry')!;
    expect(test.severity).toBe('error');
    const before = await withDb((db) => test.run(db));
    expect(before.failingRows).toBe(0);
    const after = await withDb(async (db) => {
      await db.run(`DELETE FROM ref_indicators WHERE indicator = 'hst'`);
      return db.rows<{ model: string; indicator: string }>(test.sql);
    });
    expect(after).toEqual([
      { model: 'mart_municipality_indicators', indicator: 'hst', registry_model: null },
    ]);
  });
});

describe('attribute macros', () => {
  it('first_non_empty gives what arg_min over the non-empty values gives', async () => {
    await withMacroConnection(async (c) => {
      // 2 000 groups of 8 rows, a quarter of the values empty, every 97th group all empty
      const per = await c.runAndReadAll(
        `WITH t AS (
           SELECT i // 8 AS g, (hash(i, 'k') % 1000000)::BIGINT * 8 + i % 8 AS sort_key,
             CASE WHEN hash(i, 'e') % 4 = 0 OR i // 8 % 97 = 0 THEN NULL ELSE (hash(i, 'v') % 1048576)::INTEGER END AS value
           FROM range(16000) r(i)
         ),
         g AS (
           SELECT g, first_non_empty(value, sort_key) AS packed,
             arg_min(value, sort_key) FILTER (WHERE value IS NOT NULL) AS expected
           FROM t GROUP BY g
         )
         SELECT count(*)::INTEGER AS groups, count_if(packed IS DISTINCT FROM expected)::INTEGER AS differ,
           count_if(packed IS NULL)::INTEGER AS empty
         FROM g`,
      );
      expect(per.getRowObjects()[0]).toEqual({ groups: 2000, differ: 0, empty: 21 });
    });
  });

  it('first-generation and low parental education are the lists of indicators.md', async () => {
    await withMacroConnection(async (c) => {
      const r = await c.runAndReadAll(
        `SELECT v, is_first_generation(v) AS first, is_low_parental_education(v) AS low
         FROM (VALUES ('forgymnasial'), ('gymnasial_le2'), ('gymnasial_3'), ('eftergymnasial_lt3'),
                      ('eftergymnasial_ge3'), (NULL)) t(v)`,
      );
      expect(r.getRowObjects()).toEqual([
        { v: 'forgymnasial', first: true, low: true },
        { v: 'gymnasial_le2', first: true, low: true },
        { v: 'gymnasial_3', first: true, low: false },
        { v: 'eftergymnasial_lt3', first: false, low: false },
        { v: 'eftergymnasial_ge3', first: false, low: false },
        { v: null, first: null, low: null },
      ]);
    });
  });
});
