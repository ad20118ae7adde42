// Property: for a random PxWeb-shaped population table — ages 0–100+ cut into random
// single ages and bands, perhaps coarser overlapping bands and a total beside them,
// perhaps by sex with a total sex — the loaded population 20–64 equals the sum of the
// finest cells of ages 20–64, computed here directly; a table whose cuts do not fall on
// 20 and 65 is refused. The oracle knows nothing of the reader's tiling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { TEST_INGEST_DATE, TEST_KEY, Workspace } from '../helpers/workspace.ts';
import { budget, fcParams } from './support.ts';

interface Table {
  /** Band starts after 0, ascending, below 100: the finest classes are [cut_i, cut_i+1 − 1], the last 100+. */
  cuts: number[];
  /** Merge some neighbouring finest classes into an extra coarser class (overlap). */
  merges: number[];
  withTotal: boolean;
  bySex: boolean;
  long: boolean;
  values: number[];
  order: number[];
}

const table: fc.Arbitrary<Table> = fc
  .record({
    inner: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 40 }),
    hit: fc.boolean(),
    merges: fc.array(fc.nat(60), { maxLength: 4 }),
    withTotal: fc.boolean(),
    bySex: fc.boolean(),
    long: fc.boolean(),
    values: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 240, maxLength: 240 }),
    order: fc.array(fc.nat(1000), { minLength: 240, maxLength: 240 }),
  })
  .map(({ inner, hit, ...rest }) => {
    // Half the tables get cuts at 20 and 65 so that 20–64 can be formed.
    const cuts = [...new Set([0, ...inner, ...(hit ? [20, 65] : []), 100])].sort((a, b) => a - b);
    return { cuts, ...rest };
  });

function label(from: number, to: number | null): string {
  if (to === null) return `${from}+ år`;
  return from === to ? `${from} år` : `${from}-${to} år`;
}

/** The file and the expected 20–64 total (null: must be refused). */
function render(t: Table): { text: string; expected: number | null } {
  const classes = t.cuts.map((from, i) => ({
    from,
    to: i + 1 < t.cuts.length ? t.cuts[i + 1]! - 1 : null,
  }));
  const sexes = t.bySex ? ['män', 'kvinnor'] : [''];
  // value of finest class c for sex s
  const v = (c: number, s: number) => t.values[(c * 2 + s) % t.values.length]!;
  const cells: { age: string; sex: string; value: number }[] = [];
  const addCell = (age: string, per: (s: number) => number) => {
    for (const [s, sex] of sexes.entries()) cells.push({ age, sex, value: per(s) });
    if (t.bySex) cells.push({ age, sex: 'totalt', value: per(0) + per(1) });
  };
  for (const [i, c] of classes.entries()) addCell(label(c.from, c.to), (s) => v(i, s));
  for (const m of t.merges) {
    const i = m % (classes.length - 1);
    const a = classes[i]!;
    const b = classes[i + 1]!;
    addCell(label(a.from, b.to), (s) => v(i, s) + v(i + 1, s));
  }
  if (t.withTotal) addCell('totalt ålder', (s) => classes.reduce((sum, _, i) => sum + v(i, s), 0));

  const formable = t.cuts.includes(20) && t.cuts.includes(65);
  let expected: number | null = null;
  if (formable) {
    expected = 0;
    classes.forEach((c, i) => {
      if (c.from >= 20 && c.to !== null && c.to <= 64)
        for (const s of sexes.keys()) expected! += v(i, s);
    });
  }
  const order = cells
    .map((_, i) => i)
    .sort((a, b) => t.order[a % t.order.length]! - t.order[b % t.order.length]! || a - b);
  const sexColumn = t.bySex ? ['kön'] : [];
  const lines = t.long
    ? [
        `"region","ålder",${sexColumn.map((s) => `"${s}",`).join('')}"år","Folkmängd"`,
        ...order.map((i) => {
          const c = cells[i]!;
          return `"2380 Östersund","${c.age}",${t.bySex ? `"${c.sex}",` : ''}"2024",${c.value}`;
        }),
      ]
    : [
        '"Folkmängden efter region, ålder och år"',
        '',
        `"region","ålder",${sexColumn.map((s) => `"${s}",`).join('')}"2024"`,
        ...order.map((i) => {
          const c = cells[i]!;
          return `"2380 Östersund","${c.age}",${t.bySex ? `"${c.sex}",` : ''}"${c.value}"`;
        }),
      ];
  return { text: `${lines.join('\r\n')}\r\n`, expected };
}

describe('SCB population tables of random ages, bands and totals', () => {
  it(
    'loads exactly the 20–64 total computed directly, or refuses the table',
    async () => {
      const ws = new Workspace();
      try {
        await fc.assert(
          fc.asyncProperty(table, async (t) => {
            const { text, expected } = render(t);
            const db = await Database.open(':memory:');
            try {
              const file = ws.write('population-scb.csv', text);
              const report = await ingest(db, [file], {
                ingestDate: TEST_INGEST_DATE,
                env: { LARSAM_PSEUDONYM_KEY: TEST_KEY },
              });
              if (expected === null) {
                expect(report.failures.map((f) => f.error.message)).toEqual([
                  expect.stringContaining('cannot give the population 20–64'),
                ]);
              } else {
                expect(report.failures).toEqual([]);
                const rows = await db.rows<{ p: number }>(
                  'SELECT population_20_64::INT AS p FROM raw_population',
                );
                expect(rows).toEqual([{ p: expected }]);
              }
            } finally {
              db.close();
            }
          }),
          fcParams(30),
        );
      } finally {
        ws.remove();
      }
    },
    budget(30, 500),
  );
});
