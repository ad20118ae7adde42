// Secondary suppression (issue 15): after the small-cell rule has hidden its cells
// (primary), hide further cells until no hidden cell can be computed exactly from the
// published ones through the table's additive relations (a total is the sum of its
// parts). The method is a greedy heuristic of the statistical-disclosure literature, in
// the sense of R sdcTable's SIMPLEHEURISTIC (its documentation: it "solves attacker
// problems" so that no sensitive cell can be recalculated), with moves taken from the
// hypercube method: find a hidden cell the published cells determine (exactly, by
// determined-cells.ts), hide the published cells of least information loss (fewest
// persons) that make it undetermined, and repeat until none is determined.
// Deterministic: the cells come in a fixed order and ties go to that order.
//
// This runs on a few hundred aggregate cells per term and table, not on rows of data: a
// search over cells that SQL cannot express, so it is TypeScript (see suppression-cells.ts
// for the SQL that feeds it).
import { ColumnSpan, columnOf, determinedCells, type Relation } from './determined-cells.ts';

export interface SuppressionTable {
  /** Information loss of hiding each cell (persons behind it); index = cell. */
  weights: readonly number[];
  relations: readonly Relation[];
  /**
   * The cells each published quantity has a value in. A cell outside a quantity's set is
   * known to be 0 for it (a share with no row has a denominator of 0), so the same hidden
   * cells may be safe for one quantity and not for another: every one is checked.
   */
  quantities: readonly (readonly number[])[];
  /** Cells the small-cell rule hides. */
  primary: ReadonlySet<number>;
}

/** For each cell, the relations it is in. */
function relationsByCell(relations: readonly Relation[]): Map<number, Relation[]> {
  const byCell = new Map<number, Relation[]>();
  for (const relation of relations) {
    for (const cell of [relation.total, ...relation.parts]) {
      if (!byCell.has(cell)) byCell.set(cell, []);
      byCell.get(cell)!.push(relation);
    }
  }
  return byCell;
}

/** The relations joined to `start` through hidden cells: all that can determine it. */
function componentOf(
  start: number,
  hidden: ReadonlySet<number>,
  byCell: Map<number, Relation[]>,
): Relation[] {
  const seen = new Set<Relation>();
  const reached = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    for (const relation of byCell.get(queue.pop()!) ?? []) {
      if (seen.has(relation)) continue;
      seen.add(relation);
      for (const other of [relation.total, ...relation.parts]) {
        if (hidden.has(other) && !reached.has(other)) {
          reached.add(other);
          queue.push(other);
        }
      }
    }
  }
  return [...seen];
}

/** Cells (index order) that the relations determine in some quantity, with `hidden` hidden. */
export function recoverableCells(
  table: Pick<SuppressionTable, 'relations' | 'quantities'>,
  hidden: ReadonlySet<number>,
): number[] {
  const byCell = relationsByCell(table.relations);
  const found = new Set<number>();
  for (const cells of table.quantities) {
    const hiddenHere = new Set(cells.filter((c) => hidden.has(c)));
    const done = new Set<number>();
    for (const cell of hiddenHere) {
      if (done.has(cell)) continue;
      const relations = componentOf(cell, hiddenHere, byCell);
      for (const r of relations)
        for (const c of [r.total, ...r.parts]) if (hiddenHere.has(c)) done.add(c);
      for (const c of determinedCells(relations, hiddenHere)) found.add(c);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Sets of published cells {c1, c2, c3} that make a rectangle with the leak d: c1 shares a
 * sum with d, c2 another sum with d, and c3 shares a sum with c1 and one with c2 (for a
 * municipality's LC cell: its other group, a neighbour's LC cell and the neighbour's other
 * group). Only the `width` cheapest partners in each sum are tried (a rectangle of cheap
 * corners is what the search wants, and a county's sum has hundreds of cells); cheapest
 * rectangle first.
 */
function rectangles(
  d: number,
  hidden: ReadonlySet<number>,
  byCell: Map<number, Relation[]>,
  neighbours: (cell: number) => Set<number>,
  weights: readonly number[],
  width = 6,
): number[][] {
  const cost = (c: number) => (hidden.has(c) ? 0 : weights[c]!);
  const cheapest = (r: Relation) =>
    [r.total, ...r.parts]
      .filter((c) => c !== d)
      .sort((a, b) => cost(a) - cost(b) || a - b)
      .slice(0, width);
  const own = byCell.get(d) ?? [];
  const found = new Map<string, { cells: number[]; cost: number }>();
  for (const r1 of own) {
    for (const r2 of own) {
      if (r1 === r2) continue;
      for (const c1 of cheapest(r1)) {
        const n1 = neighbours(c1);
        for (const c2 of cheapest(r2)) {
          if (c2 === c1) continue;
          for (const c3 of neighbours(c2)) {
            if (c3 === d || c3 === c1 || c3 === c2 || !n1.has(c3)) continue;
            const cells = [...new Set([c1, c2, c3])].sort((a, b) => a - b);
            found.set(cells.join(','), { cells, cost: cells.reduce((sum, c) => sum + cost(c), 0) });
          }
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.cost - b.cost || a.cells.join(',').localeCompare(b.cells.join(',')))
    .map((r) => r.cells);
}

/** The cells to hide besides the primary ones, in the order they were chosen. */
export function secondaryCells(table: SuppressionTable): number[] {
  const hidden = new Set(table.primary);
  const chosen: number[] = [];
  const relationsOf = relationsByCell(table.relations);
  const quantitySets = table.quantities.map((cells) => new Set(cells));
  const relationIndexes = new Map<number, number[]>();
  table.relations.forEach((r, i) => {
    for (const cell of new Set([r.total, ...r.parts])) {
      if (!relationIndexes.has(cell)) relationIndexes.set(cell, []);
      relationIndexes.get(cell)!.push(i);
    }
  });
  const column = columnOf(table.relations, relationIndexes);
  const cheaper = (a: number, b: number) => table.weights[a]! - table.weights[b]! || a - b;
  const neighbourSets = new Map<number, Set<number>>();
  const neighbours = (cell: number) => {
    let found = neighbourSets.get(cell);
    if (!found) {
      found = new Set((relationsOf.get(cell) ?? []).flatMap((r) => [r.total, ...r.parts]));
      found.delete(cell);
      neighbourSets.set(cell, found);
    }
    return found;
  };
  // The determined cells of each quantity, kept up to date: hiding a cell changes only
  // the component it joins.
  const leaksOf = quantitySets.map(
    (cells) =>
      new Set(recoverableCells({ relations: table.relations, quantities: [[...cells]] }, hidden)),
  );
  const hideCell = (cell: number) => {
    hidden.add(cell);
    quantitySets.forEach((cells, q) => {
      if (!cells.has(cell)) return;
      const hiddenHere = new Set([...hidden].filter((c) => cells.has(c)));
      const relations = componentOf(cell, hiddenHere, relationsOf);
      const leaks = leaksOf[q]!;
      for (const r of relations) for (const c of [r.total, ...r.parts]) leaks.delete(c);
      for (const c of determinedCells(relations, hiddenHere)) leaks.add(c);
    });
  };
  for (;;) {
    let leak = Infinity;
    for (const leaks of leaksOf) for (const c of leaks) if (c < leak) leak = c;
    if (leak === Infinity) return chosen;
    // The published cells a combination that determines the leak can run through: those
    // in the relations joined to it through hidden cells.
    const near = new Set<number>();
    for (const relation of componentOf(leak, hidden, relationsOf)) {
      for (const other of [relation.total, ...relation.parts]) {
        // a cell with a value in no quantity is known (0) to every reader: hiding it hides nothing
        if (!hidden.has(other) && quantitySets.some((cells) => cells.has(other))) near.add(other);
      }
    }
    // Cells in a relation with the leak itself first (a partner in its own sum nearly
    // always frees it), each group by least information loss.
    const direct = new Set((relationsOf.get(leak) ?? []).flatMap((r) => [r.total, ...r.parts]));
    const candidates = [...near].sort(
      (a, b) => Number(direct.has(b)) - Number(direct.has(a)) || cheaper(a, b),
    );
    if (candidates.length === 0) {
      // cannot happen: a determined cell lies in a relation with a published cell
      throw new Error(`secondary suppression: no cell can protect cell ${leak}`);
    }
    // Hiding S frees the leak in a quantity exactly when rank(H \ {leak} ∪ S) = rank(H ∪ S)
    // there (determined-cells.ts): two spans per quantity it is determined in, then each
    // try is a few reductions, not a new elimination.
    const checks = quantitySets.flatMap((cells, q) => {
      if (!leaksOf[q]!.has(leak)) return [];
      const hiddenHere = [...hidden].filter((c) => cells.has(c));
      const all = new ColumnSpan(column);
      all.add(hiddenHere);
      const without = new ColumnSpan(column);
      without.add(hiddenHere.filter((c) => c !== leak));
      if (without.rank !== all.rank - 1)
        throw new Error(`secondary suppression: cell ${leak} is not determined after all`);
      return [{ cells, all, without }];
    });
    const frees = (set: readonly number[]) =>
      checks.every(({ cells, all, without }) => {
        const added = set.filter((c) => cells.has(c) && !hidden.has(c));
        return without.rank + without.growth(added) === all.rank + all.growth(added);
      });
    let pick: readonly number[] | undefined = candidates
      .filter((c) => direct.has(c))
      .map((c) => [c])
      .find(frees);
    // A cell in two sums (its group's and its area's) needs a rectangle, as in the
    // hypercube method: a partner in each sum and the cell the partners share a sum with.
    pick ??= rectangles(leak, hidden, relationsOf, neighbours, table.weights).find(frees);
    pick ??= candidates
      .filter((c) => !direct.has(c))
      .map((c) => [c])
      .find(frees);
    // Nothing frees it at once: hide the cheapest neighbour and look again.
    pick ??= [candidates[0]!];
    for (const c of pick) {
      // a corner of a rectangle may be a known 0 (in no quantity): hiding it hides nothing
      if (hidden.has(c) || !quantitySets.some((cells) => cells.has(c))) continue;
      hideCell(c);
      chosen.push(c);
    }
  }
}
