// The disclosure audit (disclosure-audit.ts) on hand-made systems: its rational
// arithmetic, the elimination that decides which unknowns are determined, and the
// audit on tiny published CSVs whose leaks are worked out by hand below.
import { describe, expect, it } from 'vitest';
import {
  Fraction,
  auditDisclosure,
  readIndicatorsCsv,
  recoveredRows,
  rref,
  solveDetermined,
  type Equation,
  type Leak,
  type ReferenceMunicipality,
} from './disclosure-audit.ts';

const f = (n: number | bigint, d: number | bigint = 1): Fraction =>
  new Fraction(BigInt(n), BigInt(d));
/** An equation from {variable: coefficient} and a right-hand side. */
const eq = (coeffs: Record<number, number>, rhs: number | Fraction): Equation => ({
  coeffs: new Map(Object.entries(coeffs).map(([v, c]) => [Number(v), f(c)])),
  rhs: rhs instanceof Fraction ? rhs : f(rhs),
});
const values = (m: Map<number, Fraction>): Record<number, string> =>
  Object.fromEntries([...m].map(([v, x]) => [v, x.toString()]));

describe('Fraction', () => {
  it('parses decimal strings exactly, as the CSV spells them', () => {
    expect(Fraction.parse('12').toString()).toBe('12');
    expect(Fraction.parse('0.1').toString()).toBe('1/10');
    expect(Fraction.parse('3.425').toString()).toBe('137/40'); // 3425/1000
    expect(Fraction.parse('3.425').mul(f(60)).toString()).toBe('411/2'); // 205.5 credits
    expect(Fraction.parse('-2.5E+3').toString()).toBe('-2500');
    expect(Fraction.parse('1e-7').toString()).toBe('1/10000000');
    expect(Fraction.parse('0.30000000000000004').equals(f(3, 10))).toBe(false); // a double's digits, not 0.3
    expect(() => Fraction.parse('..')).toThrow();
    expect(() => Fraction.parse('')).toThrow();
  });

  it('adds, subtracts, multiplies and divides in lowest terms', () => {
    expect(f(1, 2).add(f(1, 3)).toString()).toBe('5/6');
    expect(f(1, 2).sub(f(1, 2)).isZero()).toBe(true);
    expect(f(2, 3).mul(f(3, 4)).toString()).toBe('1/2');
    expect(f(1, 2).div(f(-1, 4)).toString()).toBe('-2');
    expect(f(7, 2).toNumber()).toBe(3.5);
  });
});

describe('which unknowns the published cells determine', () => {
  it('a + b = 7 with b = 3 published: a is determined, a = 4', () => {
    // Known b moves to the right: a = 7 − 3 = 4. One variable (a = 0).
    const s = solveDetermined(1, [eq({ 0: 1 }, 7 - 3)]);
    expect(values(s.determined)).toEqual({ 0: '4' });
  });

  it('a 2 × 2 table with its margins published and all four cells hidden: none is determined', () => {
    // a b | 5      a + b = 5, c + d = 9, a + c = 6, b + d = 8 (5 + 9 = 6 + 8: one is redundant).
    // c d | 9      RREF (pivots a, c, d; b free): a + b = 5, c − b = 1, d + b = 8. No row
    // 6 8          is a unit vector: (a, b, c, d) = (5 − t, t, 1 + t, 8 − t) for every t.
    const s = solveDetermined(4, [
      eq({ 0: 1, 1: 1 }, 5),
      eq({ 2: 1, 3: 1 }, 9),
      eq({ 0: 1, 2: 1 }, 6),
      eq({ 1: 1, 3: 1 }, 8),
    ]);
    expect(s.determined.size).toBe(0);
    expect(s.inconsistent).toBe(0);
    expect(
      rref([
        eq({ 0: 1, 1: 1 }, 5),
        eq({ 2: 1, 3: 1 }, 9),
        eq({ 0: 1, 2: 1 }, 6),
        eq({ 1: 1, 3: 1 }, 8),
      ]).rows,
    ).toHaveLength(3);
  });

  it('a + b, b + c and a + c published: all three determined, a = (k1 − k2 + k3) / 2', () => {
    // k1 = a + b = 5, k2 = b + c = 7, k3 = a + c = 6:
    // a = (5 − 7 + 6)/2 = 2, b = k1 − a = 3, c = k3 − a = 4.
    const s = solveDetermined(3, [
      eq({ 0: 1, 1: 1 }, 5),
      eq({ 1: 1, 2: 1 }, 7),
      eq({ 0: 1, 2: 1 }, 6),
    ]);
    expect(values(s.determined)).toEqual({ 0: '2', 1: '3', 2: '4' });
    // With k1 = k2 = k3 = 1 the values are not integers but still exact: a = b = c = 1/2.
    const half = solveDetermined(3, [
      eq({ 0: 1, 1: 1 }, 1),
      eq({ 1: 1, 2: 1 }, 1),
      eq({ 0: 1, 2: 1 }, 1),
    ]);
    expect(values(half.determined)).toEqual({ 0: '1/2', 1: '1/2', 2: '1/2' });
  });

  it('a chain of sums: nothing until one link is known', () => {
    // x0 + x1 = 10, x1 + x2 = 4, x3 in no equation. Null space: (1, −1, 1, 0) and
    // (0, 0, 0, 1), nonzero in every coordinate: nothing is fixed.
    const s = solveDetermined(4, [eq({ 0: 1, 1: 1 }, 10), eq({ 1: 1, 2: 1 }, 4)]);
    expect(s.determined.size).toBe(0);
    // x0 − x2 = 6 is the difference of the two (nothing new). x2 = 1 fixes the chain:
    // x1 = 4 − 1 = 3, x0 = 10 − 3 = 7.
    expect(
      solveDetermined(4, [eq({ 0: 1, 1: 1 }, 10), eq({ 1: 1, 2: 1 }, 4), eq({ 0: 1, 2: -1 }, 6)])
        .determined.size,
    ).toBe(0);
    expect(
      values(
        solveDetermined(4, [eq({ 0: 1, 1: 1 }, 10), eq({ 1: 1, 2: 1 }, 4), eq({ 2: 1 }, 1)])
          .determined,
      ),
    ).toEqual({ 0: '7', 1: '3', 2: '1' });
  });

  it('separate components are solved separately; contradictions are counted, not solved', () => {
    // {x0 + x1 = 3, x0 − x1 = 1} gives x0 = 2, x1 = 1; {x2 + x3 = 5} gives nothing;
    // x4 + x5 = 1 and x4 + x5 = 2 contradict each other.
    const s = solveDetermined(6, [
      eq({ 0: 1, 1: 1 }, 3),
      eq({ 2: 1, 3: 1 }, 5),
      eq({ 0: 1, 1: -1 }, 1),
      eq({ 4: 1, 5: 1 }, 1),
      eq({ 4: 1, 5: 1 }, 2),
    ]);
    expect(values(s.determined)).toEqual({ 0: '2', 1: '1' });
    expect(s.inconsistent).toBe(1);
  });
});

// ---------------------------------------------------------------- the audit on tiny CSVs

const HEADER =
  'scope,scope_id,term,indicator,group,value,numerator,denominator,ci_low,ci_high,n,preliminary,suppressed';
type Cells = { value?: string; numerator?: string; denominator?: string; n?: string };
/** A published line; `..` for a suppressed one. */
function line(
  scope: string,
  id: string,
  indicator: string,
  group: string,
  cells: Cells | '..',
  term = 'HT2025',
): string {
  if (cells === '..') return `${scope},${id},${term},${indicator},${group},,,,,,,false,true`;
  return `${scope},${id},${term},${indicator},${group},${cells.value ?? ''},${cells.numerator ?? ''},${cells.denominator ?? ''},,,${cells.n ?? ''},false,false`;
}
const csv = (...lines: string[]): string => `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`;
const count = (v: number): Cells => ({ value: String(v), n: String(v) });
const hst = (v: string): Cells => ({ value: v, n: v });

// Two municipalities of county 21 in the region, one of county 22 outside it.
const REFERENCE: ReferenceMunicipality[] = [
  { code: '2180', county: '21', inRegion: true },
  { code: '2181', county: '21', inRegion: true },
  { code: '2280', county: '22', inRegion: false },
];
const brief = (leaks: Leak[]): string[] =>
  leaks.map((l) => `${l.quantity} ${l.scope} ${l.scope_id} ${l.group} ${l.how} ${l.exact}`).sort();

/** The same lines for municipality 2180, county 21 and the region (2180 is the only
 * municipality with persons, so all three hold the same numbers). */
const everywhere = (make: (scope: string, id: string) => string[]): string[] => [
  ...make('municipality', '2180'),
  ...make('county', '21'),
  ...make('region', 'region'),
];

describe('the audit of a published CSV', () => {
  it("finds new_students of group lc in new_lc_share's numerator, and non_lc by subtraction", () => {
    // 10 new students, 3 of them LC: new_students lc (1..4) is hidden and non_lc with it,
    // new_lc_share of `all` (denominator 10) shows numerator 3 = N(lc); N(non_lc) = 10 − 3
    // = 7. The same in 2180, county 21 and the region: 6 leaks.
    const text = csv(
      ...everywhere((scope, id) => [
        line(scope, id, 'new_students', 'all', count(10)),
        line(scope, id, 'new_students', 'lc', '..'),
        line(scope, id, 'new_students', 'non_lc', '..'),
        line(scope, id, 'new_lc_share', 'all', {
          value: '0.3',
          numerator: '3',
          denominator: '10',
          n: '10',
        }),
        line(scope, id, 'new_lc_share', 'lc', '..'),
        line(scope, id, 'new_lc_share', 'non_lc', '..'),
      ]),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(brief(result.leaks)).toEqual([
      'N county 21 lc exposed 3',
      'N county 21 non_lc determined 7',
      'N municipality 2180 lc exposed 3',
      'N municipality 2180 non_lc determined 7',
      'N region region lc exposed 3',
      'N region region non_lc determined 7',
    ]);
    expect(result.leaks.find((l) => l.how === 'exposed')!.via).toBe('new_lc_share/all.numerator');
    // 3 is a small count (1..4): sensitive; 7 would have been published.
    expect(brief(result.sensitiveLeaks)).toEqual([
      'N county 21 lc exposed 3',
      'N municipality 2180 lc exposed 3',
      'N region region lc exposed 3',
    ]);
    expect(
      auditDisclosure(readIndicatorsCsv(text), REFERENCE, { minCell: 3 }).sensitiveLeaks,
    ).toEqual([]);
    expect(result.suppressedRows).toBe(12);
    // Every suppressed row can be filled in: new_students lc = 3, non_lc = 7, new_lc_share
    // lc = 3/3 (numerator and denominator N(lc)), non_lc = 0/7 (its numerator hides nothing).
    expect(recoveredRows(readIndicatorsCsv(text), result)).toHaveLength(12);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('finds a municipality by subtracting its neighbour from the county (hst, in credits)', () => {
    // County 21 and the region: hst 2.5 = 150 credits, lc / non_lc hidden. 2180: 1 = 60
    // credits, all non-LC (its lc row is absent: 0). 2181 all / lc / non_lc hidden.
    // County all: 150 = 60 + x(2181 all) → x = 90 credits (hst 1.5), determined.
    // The lc split stays open: x(2181 lc) = s, x(2181 non_lc) = 90 − s, county lc = s,
    // county non_lc = 150 − s (the region the same) solve it for every s.
    const text = csv(
      ...['county,21', 'region,region'].flatMap((s) => {
        const [scope, id] = s.split(',') as [string, string];
        return [
          line(scope, id, 'hst', 'all', hst('2.5')),
          line(scope, id, 'hst', 'lc', '..'),
          line(scope, id, 'hst', 'non_lc', '..'),
        ];
      }),
      line('municipality', '2180', 'hst', 'all', hst('1')),
      line('municipality', '2180', 'hst', 'non_lc', hst('1')),
      line('municipality', '2181', 'hst', 'all', '..'),
      line('municipality', '2181', 'hst', 'lc', '..'),
      line('municipality', '2181', 'hst', 'non_lc', '..'),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(brief(result.leaks)).toEqual(['SX municipality 2181 all determined 90']);
    // hst's only quantity is SX: the row of 2181 all is given back (1.5), the others not.
    expect(
      recoveredRows(readIndicatorsCsv(text), result).map((r) => `${r.row.scope_id} ${r.row.group}`),
    ).toEqual(['2181 all']);
    expect(result.leaks[0]!.value).toBe(90);
    // A credit sum with no known number of persons behind it: sensitive.
    expect(result.leaks[0]!.sensitive).toBe(true);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('a county of one municipality gives the municipality away; an absent share row gives a hidden 0 away', () => {
    // County 22 is municipality 2280 alone (in the reference). The county shows 6 new
    // students, all non-LC. 2280's three new_students rows are hidden (non_lc and all for
    // nothing, lc = 0 as the partner of a hidden cell) and so are its new_lc_share rows.
    //   N(2280 all) = N(county 22 all) = 6, N(2280 non_lc) = N(county 22 non_lc) = 6: determined;
    //   N(2280 lc): new_lc_share has rows this term but none for 2280 lc, so its
    //   denominator N(2280 lc) is 0: exposed by the absence.
    const text = csv(
      line('county', '22', 'new_students', 'all', count(6)),
      line('county', '22', 'new_students', 'lc', count(0)),
      line('county', '22', 'new_students', 'non_lc', count(6)),
      line('county', '22', 'new_lc_share', 'all', {
        value: '0',
        numerator: '0',
        denominator: '6',
        n: '6',
      }),
      line('county', '22', 'new_lc_share', 'non_lc', {
        value: '0',
        numerator: '0',
        denominator: '6',
        n: '6',
      }),
      line('municipality', '2280', 'new_students', 'all', '..'),
      line('municipality', '2280', 'new_students', 'lc', '..'),
      line('municipality', '2280', 'new_students', 'non_lc', '..'),
      line('municipality', '2280', 'new_lc_share', 'all', '..'),
      line('municipality', '2280', 'new_lc_share', 'non_lc', '..'),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(brief(result.leaks)).toEqual([
      'N municipality 2280 all determined 6',
      'N municipality 2280 lc exposed 0',
      'N municipality 2280 non_lc determined 6',
    ]);
    expect(result.leaks.find((l) => l.how === 'exposed')!.via).toBe('no new_lc_share/lc row');
    // 6, 0 and 6 are all values the small-cell rule publishes: none is sensitive. The
    // five rows can all be filled in (new_lc_share all = 0/6, non_lc = 0/6).
    expect(result.sensitiveLeaks).toEqual([]);
    expect(
      recoveredRows(readIndicatorsCsv(text), result)
        .map((r) => `${r.row.indicator}/${r.row.group}`)
        .sort(),
    ).toEqual([
      'new_lc_share/all',
      'new_lc_share/non_lc',
      'new_students/all',
      'new_students/lc',
      'new_students/non_lc',
    ]);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('finds nothing in a 2 × 2 hidden table with its margins shown', () => {
    // Municipalities 2180, 2181 × all, lc, non_lc hidden; county 21 and the region show
    // all three groups (12 = 6 + 6 registrations, 6 = 3 + 3 completed). With a = 2180 and
    // b = 2181: a_lc = s, a_non = t, a_all = s + t, b_lc = 6 − s, b_non = 6 − t,
    // b_all = 12 − s − t solve it for all s, t: no cell is fixed.
    const shown = (scope: string, id: string) => [
      line(scope, id, 'completion_rate', 'all', {
        value: '0.5',
        numerator: '6',
        denominator: '12',
        n: '12',
      }),
      line(scope, id, 'completion_rate', 'lc', {
        value: '0.5',
        numerator: '3',
        denominator: '6',
        n: '6',
      }),
      line(scope, id, 'completion_rate', 'non_lc', {
        value: '0.5',
        numerator: '3',
        denominator: '6',
        n: '6',
      }),
    ];
    const hidden = (id: string) =>
      ['all', 'lc', 'non_lc'].map((g) => line('municipality', id, 'completion_rate', g, '..'));
    const text = csv(
      ...shown('county', '21'),
      ...shown('region', 'region'),
      ...hidden('2180'),
      ...hidden('2181'),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(result.leaks).toEqual([]);
    expect(result.hiddenCells).toBe(12); // C and REG of 6 cells
    expect(recoveredRows(readIndicatorsCsv(text), result)).toEqual([]);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('does not read a missing new_students_per_10k row as 0 (its rows also need a population)', () => {
    // County 21 and the region: 9 new students, lc / non_lc hidden. 2180: 5 shown, split
    // hidden. 2181: 4, hidden with its split. Only 2180 has a per-10k row. Were the
    // missing per-10k row of 2181 read as N = 0, 2181 would be 'exposed 0'; it is
    // determined instead: 9 − 5 = 4. The lc splits stay open (s for 2180, t for 2181).
    const text = csv(
      ...['county,21', 'region,region'].flatMap((s) => {
        const [scope, id] = s.split(',') as [string, string];
        return [
          line(scope, id, 'new_students', 'all', count(9)),
          line(scope, id, 'new_students', 'lc', '..'),
          line(scope, id, 'new_students', 'non_lc', '..'),
        ];
      }),
      line('municipality', '2180', 'new_students', 'all', count(5)),
      line('municipality', '2180', 'new_students', 'lc', '..'),
      line('municipality', '2180', 'new_students', 'non_lc', '..'),
      line('municipality', '2181', 'new_students', 'all', '..'),
      line('municipality', '2181', 'new_students', 'lc', '..'),
      line('municipality', '2181', 'new_students', 'non_lc', '..'),
      line('municipality', '2180', 'new_students_per_10k', 'all', {
        value: '2',
        numerator: '5',
        denominator: '25000',
        n: '5',
      }),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(brief(result.leaks)).toEqual(['N municipality 2181 all determined 4']);
  });

  it("reads prestationsgrad's n as P, the persons of retention's denominator", () => {
    // 7 persons, all LC, in 2180 (so in county 21 and the region): retention is hidden
    // everywhere, prestationsgrad shown with n = 7. P leaks by exposure in all six cells;
    // RET stays hidden (RET(all) = RET(lc) everywhere, one free value).
    const text = csv(
      ...everywhere((scope, id) =>
        ['all', 'lc'].flatMap((g) => [
          line(scope, id, 'retention', g, '..'),
          line(scope, id, 'prestationsgrad', g, {
            value: '0.5',
            numerator: '1',
            denominator: '2',
            n: '7',
          }),
        ]),
      ),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(brief(result.leaks)).toEqual(
      ['county 21', 'municipality 2180', 'region region'].flatMap((s) =>
        ['all', 'lc'].map((g) => `P ${s} ${g} exposed 7`),
      ),
    );
    expect(result.sensitiveLeaks).toEqual([]); // 7 ≥ min_cell
    // With 3 persons it is: retention's denominator would be hidden by the small-cell rule itself.
    const three = auditDisclosure(
      readIndicatorsCsv(text.replaceAll(',7,false', ',3,false')),
      REFERENCE,
    );
    expect(three.sensitiveLeaks).toHaveLength(6);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('lists the activity rows and keeps them out of the system', () => {
    const text = csv(
      line('activity', 'INSP-KRA', 'reach', 'all', '..'),
      line('activity', 'INSP-KRA', 'linked', 'all', count(12)),
    );
    const result = auditDisclosure(readIndicatorsCsv(text), REFERENCE);
    expect(result.activityRows).toHaveLength(2);
    expect(result.suppressedRows).toBe(0);
    expect(result.leaks).toEqual([]);
  });
});
