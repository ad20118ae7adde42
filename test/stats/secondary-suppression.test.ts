// Secondary suppression on hand-made tables, each worked out by hand: which hidden cells
// the published ones determine (exact linear algebra), and which cells the greedy search
// adds to protect them.
import { describe, expect, it } from 'vitest';
import { determinedCells, type Relation } from '../../src/stats/determined-cells.ts';
import { recoverableCells, secondaryCells } from '../../src/stats/secondary-suppression.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';
import { protectTable } from '../../src/models/suppression-cells.ts';

const set = (...cells: number[]) => new Set(cells);

describe('determinedCells', () => {
  // t(2) = a(0) + b(1)
  const sum: Relation[] = [{ total: 2, parts: [0, 1] }];
  it('finds the one hidden part of a published total', () => {
    expect([...determinedCells(sum, set(0))]).toEqual([0]); // a = t − b
    expect([...determinedCells(sum, set(2))]).toEqual([2]); // t = a + b
  });
  it('leaves two hidden cells of one sum undetermined', () => {
    expect(determinedCells(sum, set(0, 1)).size).toBe(0); // a + b = t: one equation, two unknowns
    expect(determinedCells(sum, set(0, 1, 2)).size).toBe(0);
  });

  // a 2 × 2 table with margins: a b | r1 ; c d | r2 ; c1 c2 | g
  //   cells a0 b1 c2 d3 r1=4 r2=5 c1=6 c2=7 g=8
  const table: Relation[] = [
    { total: 4, parts: [0, 1] },
    { total: 5, parts: [2, 3] },
    { total: 6, parts: [0, 2] },
    { total: 7, parts: [1, 3] },
    { total: 8, parts: [4, 5] },
    { total: 8, parts: [6, 7] },
  ];
  it('leaves the four inner cells of a 2 × 2 table hidden together undetermined', () => {
    // four unknowns, four equations of rank 3: a + b = r1, c + d = r2, a + c = c1, b + d = c2
    expect(determinedCells(table, set(0, 1, 2, 3)).size).toBe(0);
  });
  it('determines all three when only three inner cells are hidden', () => {
    // d is published: c = r2 − d, a = c1 − c, b = r1 − a
    expect([...determinedCells(table, set(0, 1, 2))].sort()).toEqual([0, 1, 2]);
  });
  it('determines every cell of a triangle of sums', () => {
    // x0 + y1 = k3, y1 + z2 = k4, x0 + z2 = k5 → x = (k3 − k4 + k5) / 2: determined, not integral in steps
    const triangle: Relation[] = [
      { total: 3, parts: [0, 1] },
      { total: 4, parts: [1, 2] },
      { total: 5, parts: [0, 2] },
    ];
    expect([...determinedCells(triangle, set(0, 1, 2))].sort()).toEqual([0, 1, 2]);
  });
  it('ignores relations without a hidden cell', () => {
    expect(determinedCells(table, set()).size).toBe(0);
  });
});

describe('secondaryCells', () => {
  it('hides the cheapest partner of a lone hidden part', () => {
    // county 3 = m0 (3 persons, primary) + m1 (10) + m2 (20): hiding m1 (cheapest) protects m0
    const table = {
      weights: [3, 10, 20, 33],
      relations: [{ total: 3, parts: [0, 1, 2] }],
      quantities: [[0, 1, 2, 3]],
      primary: set(0),
    };
    expect(secondaryCells(table)).toEqual([1]);
    expect(recoverableCells(table, set(0, 1))).toEqual([]);
  });

  it('keeps going when no single cell frees the hidden one', () => {
    // T3 = a0 + b1 and T4 = a0 + c2, a primary. Hiding b alone leaves a = T4 − c, hiding c
    // alone leaves a = T3 − b, and hiding a total leaves the other: the cheapest (b, 5)
    // first, then c (6), after which a + b = T3, a + c = T4 has three unknowns.
    const table = {
      weights: [2, 5, 6, 100, 100],
      relations: [
        { total: 3, parts: [0, 1] },
        { total: 4, parts: [0, 2] },
      ],
      quantities: [[0, 1, 2, 3, 4]],
      primary: set(0),
    };
    expect(secondaryCells(table)).toEqual([1, 2]);
  });

  it('checks every quantity: a cell that is 0 in one of them is known there', () => {
    // t2 = a0 + b1; a and b hidden. For a quantity that has no value in b (b is 0 there,
    // as a share with no row has denominator 0), a = t: t must be hidden too.
    const table = {
      weights: [3, 4, 7],
      relations: [{ total: 2, parts: [0, 1] }],
      quantities: [
        [0, 1, 2],
        [0, 2],
      ],
      primary: set(0, 1),
    };
    expect(secondaryCells(table)).toEqual([2]);
  });

  it('adds nothing when nothing can be worked out', () => {
    const table = {
      weights: [3, 4, 7],
      relations: [{ total: 2, parts: [0, 1] }],
      quantities: [[0, 1, 2]],
      primary: set(0, 1),
    };
    expect(secondaryCells(table)).toEqual([]);
  });
});

describe('protectTable (one term of one table)', () => {
  const cell = (
    scope: 'municipality' | 'county' | 'region',
    scope_id: string,
    group: 'all' | 'lc' | 'non_lc',
    persons: number,
    primary = false,
  ) => ({
    term: 'HT2025',
    suppression_table: 'new_students',
    scope,
    scope_id,
    group,
    primary_hidden: primary,
    persons,
    indicators: ['new_lc_share', 'new_students'],
  });
  it('protects a small LC cell through both of its sums, choosing the fewest persons', () => {
    // county 21 = municipalities 2100 + 2101 (also the region). 2100 lc = 3 is hidden.
    //            all   lc   non_lc
    //   2100      40    3     37
    //   2101      50   10     40
    //   21        90   13     77
    //   region    90   13     77
    // 2100 lc = 2100 all − 2100 non_lc, and = 21 lc − 2101 lc. Hiding 2100 non_lc (37) —
    // the cheapest cell of its own sum — still leaves 21 lc − 2101 lc; the cheapest cell
    // that frees it alone is 2101 lc (10). Then 2101 lc = 2101 all − 2101 non_lc: 2101
    // non_lc (40, cheaper than 2101 all 50) is hidden. Then 2100 lc + 2100 non_lc = 40,
    // 2101 lc + 2101 non_lc = 50, 2100 lc + 2101 lc = 13, 2100 non_lc + 2101 non_lc = 77:
    // a 2 × 2 table of hidden cells, none determined (and the region's sums repeat the county's).
    const cells = [
      cell('municipality', '2100', 'lc', 3, true),
      cell('municipality', '2100', 'non_lc', 37),
      cell('municipality', '2100', 'all', 40),
      cell('municipality', '2101', 'lc', 10),
      cell('municipality', '2101', 'non_lc', 40),
      cell('municipality', '2101', 'all', 50),
      cell('county', '21', 'lc', 13),
      cell('county', '21', 'non_lc', 77),
      cell('county', '21', 'all', 90),
      cell('region', 'region', 'lc', 13),
      cell('region', 'region', 'non_lc', 77),
      cell('region', 'region', 'all', 90),
    ];
    const reference = {
      countyOf: new Map([
        ['2100', '21'],
        ['2101', '21'],
      ]),
      inRegion: new Set(['2100', '2101']),
    };
    const { hidden, secondary } = protectTable(cells, reference);
    const names = (ix: Iterable<number>) =>
      [...ix].map((i) => `${cells[i]!.scope_id} ${cells[i]!.group}`).sort();
    expect(names(hidden)).toEqual(['2100 lc', '2100 non_lc', '2101 lc', '2101 non_lc']);
    expect(names(secondary)).toEqual(['2100 non_lc', '2101 lc', '2101 non_lc']);
    // same data, same cells
    expect(names(protectTable(cells, reference).hidden)).toEqual(names(hidden));
  });
});

describe('indicator_suppressed (SQL), share rules at their boundaries', () => {
  it('hides a share by its denominator only, or also by numerator and complement', async () => {
    // min_cell 5. denominator rule: persons < 5. cells rule: also numerator in 1..4 or
    // denominator − numerator in 1..4. Counts: 1..4 hidden, 0 and 5 shown.
    const cases: [string, number, number, number, string, boolean][] = [
      ['share', 4, 0, 4, 'denominator', true], // 4 persons in the denominator
      ['share', 5, 0, 5, 'denominator', false],
      ['share', 40, 2, 40, 'denominator', false], // 2 of 40: shown under the spec's rule
      ['share', 40, 2, 40, 'cells', true], // numerator 2
      ['share', 40, 0, 40, 'cells', false], // numerator 0, complement 40
      ['share', 40, 5, 40, 'cells', false], // numerator 5, complement 35
      ['share', 40, 4, 40, 'cells', true], // numerator 4
      ['share', 40, 36, 40, 'cells', true], // complement 4
      ['share', 40, 35, 40, 'cells', false], // complement 5
      ['share', 40, 40, 40, 'cells', false], // complement 0
      ['ratio', 40, 2, 40, 'cells', false], // a ratio of credits is not a table of persons
      ['count', 4, 0, 0, 'cells', true],
      ['count', 0, 0, 0, 'cells', false],
      ['count', 5, 0, 0, 'denominator', false],
    ];
    await withMacroConnection(async (c) => {
      for (const [kind, persons, numerator, denominator, rule, expected] of cases) {
        const r = await c.runAndReadAll(
          `SELECT indicator_suppressed($1, $2, $3::DOUBLE, $4::DOUBLE, 5, $5) AS s`,
          [kind, persons, numerator, denominator, rule],
        );
        expect(
          r.getRowObjects()[0]!.s,
          `${kind} ${numerator}/${denominator} (${persons}) ${rule}`,
        ).toBe(expected);
      }
    });
  });
});
