// Secondary suppression (issue 15): after the small-cell rule has hidden its cells
// (primary), hide further cells until no hidden cell can be computed exactly from the
// published ones through the table's additive relations (a total is the sum of its
// parts). The method is the greedy "exact recalculation" heuristic of the statistical
// disclosure literature (as in sdcTable's SIMPLEHEURISTIC and τ-Argus's singleton checks,
// here with an exact test instead of a rule of thumb): find a hidden cell the published
// cells determine (determined-cells.ts), hide the published cell of least information
// loss (fewest persons) that makes it undetermined, and repeat until none is determined.
// Deterministic: the cells come in a fixed order and ties go to that order.
//
// This runs on a few hundred aggregate cells per term and table, not on rows of data: a
// search over cells that SQL cannot express, so it is TypeScript (see suppression-cells.ts
// for the SQL that feeds it).
import { determinedCells, type Relation } from './determined-cells.ts';

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
function componentOf(start: number, hidden: ReadonlySet<number>, byCell: Map<number, Relation[]>): Relation[] {
  const seen = new Set<Relation>();
  const reached = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    for (const relation of byCell.get(queue.pop()!) ?? []) {
      if (seen.has(relation)) continue;
      seen.add(relation);
      for (const other of [relation.total, ...relation.parts]) {
        if (hidden.has(other) && !reached.has(other)) { reached.add(other); queue.push(other); }
      }
    }
  }
  return [...seen];
}

/** Cells (index order) that the relations determine in some quantity, with `hidden` hidden. */
export function recoverableCells(table: Pick<SuppressionTable, 'relations' | 'quantities'>, hidden: ReadonlySet<number>): number[] {
  const byCell = relationsByCell(table.relations);
  const found = new Set<number>();
  for (const cells of table.quantities) {
    const hiddenHere = new Set(cells.filter((c) => hidden.has(c)));
    const done = new Set<number>();
    for (const cell of hiddenHere) {
      if (done.has(cell)) continue;
      const relations = componentOf(cell, hiddenHere, byCell);
      for (const r of relations) for (const c of [r.total, ...r.parts]) if (hiddenHere.has(c)) done.add(c);
      for (const c of determinedCells(relations, hiddenHere)) found.add(c);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Sets of published cells {c1, c2, c3} that make a rectangle with the leak d: c1 shares a
 * sum with d, c2 another sum with d, and c3 shares a sum with c1 and one with c2 (for a
 * municipality's LC cell: its other group, a neighbour's LC cell and the neighbour's other
 * group). Cheapest first; at most `limit`.
 */
function rectangles(d: number, hidden: ReadonlySet<number>, byCell: Map<number, Relation[]>, weights: readonly number[], limit = 200): number[][] {
  const cellsOf = (r: Relation) => [r.total, ...r.parts];
  const own = byCell.get(d) ?? [];
  const found = new Map<string, { cells: number[]; cost: number }>();
  for (const r1 of own) {
    for (const r2 of own) {
      if (r1 === r2) continue;
      for (const c1 of cellsOf(r1)) {
        if (c1 === d) continue;
        for (const r3 of byCell.get(c1) ?? []) {
          if (r3 === r1) continue;
          for (const c3 of cellsOf(r3)) {
            if (c3 === c1 || c3 === d) continue;
            const withC3 = new Set((byCell.get(c3) ?? []).filter((r) => r !== r3).flatMap(cellsOf));
            for (const c2 of cellsOf(r2)) {
              if (c2 === d || c2 === c1 || c2 === c3 || !withC3.has(c2)) continue;
              const cells = [...new Set([c1, c2, c3])].sort((a, b) => a - b);
              const cost = cells.reduce((sum, c) => sum + (hidden.has(c) ? 0 : weights[c]!), 0);
              found.set(cells.join(','), { cells, cost });
            }
          }
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.cost - b.cost || a.cells.join(',').localeCompare(b.cells.join(',')))
    .slice(0, limit)
    .map((r) => r.cells);
}

/** The cells to hide besides the primary ones, in the order they were chosen. */
export function secondaryCells(table: SuppressionTable): number[] {
  const hidden = new Set(table.primary);
  const chosen: number[] = [];
  const relationsOf = relationsByCell(table.relations);
  const quantitySets = table.quantities.map((cells) => new Set(cells));
  const cheaper = (a: number, b: number) => table.weights[a]! - table.weights[b]! || a - b;
  /** Is the cell determined in any quantity it has a value in? Only its component is solved. */
  const determined = (cell: number): boolean =>
    quantitySets.some((cells) => {
      if (!cells.has(cell)) return false;
      const hiddenHere = new Set([...hidden].filter((c) => cells.has(c)));
      return determinedCells(componentOf(cell, hiddenHere, relationsOf), hiddenHere).has(cell);
    });
  // The determined cells of each quantity, kept up to date: hiding a cell changes only
  // the component it joins.
  const leaksOf = quantitySets.map((cells) => new Set(recoverableCells({ relations: table.relations, quantities: [[...cells]] }, hidden)));
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
      for (const other of [relation.total, ...relation.parts]) if (!hidden.has(other)) near.add(other);
    }
    // Cells in a relation with the leak itself first (a partner in its own sum nearly
    // always frees it), each group by least information loss.
    const direct = new Set((relationsOf.get(leak) ?? []).flatMap((r) => [r.total, ...r.parts]));
    const candidates = [...near].sort((a, b) => Number(direct.has(b)) - Number(direct.has(a)) || cheaper(a, b));
    if (candidates.length === 0) {
      // cannot happen: a determined cell lies in a relation with a published cell
      throw new Error(`secondary suppression: no cell can protect cell ${leak}`);
    }
    const frees = (cells: readonly number[]) => {
      const added = cells.filter((c) => !hidden.has(c));
      for (const c of added) hidden.add(c);
      const freed = !determined(leak);
      for (const c of added) hidden.delete(c);
      return freed;
    };
    let pick: readonly number[] | undefined = candidates.filter((c) => direct.has(c)).map((c) => [c]).find(frees);
    // A cell in two sums (its group's and its area's) needs a rectangle, as in the
    // hypercube method: a partner in each sum and the cell the partners share a sum with.
    pick ??= rectangles(leak, hidden, relationsOf, table.weights).find(frees);
    pick ??= candidates.map((c) => [c]).find(frees);
    // Nothing frees it at once: hide the cheapest neighbour and look again.
    pick ??= [candidates[0]!];
    for (const c of pick) {
      if (hidden.has(c)) continue;
      hideCell(c);
      chosen.push(c);
    }
  }
}
