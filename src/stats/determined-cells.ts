// Which hidden cells of a table can an outsider compute exactly from the published ones?
// The table's additive relations (a total equals the sum of its parts) are linear
// equations; with the published cells moved to the right-hand side they become a system
// in the hidden cells alone. A hidden cell is determined exactly when its unit vector
// lies in the row space of that system. Worked in exact integer arithmetic (BigInt, rows
// kept reduced and divided by their gcd): floating point could call a cell safe that is
// not. The reduced row echelon form answers every cell at once: e_j is in the row space
// iff some reduced row is a multiple of e_j.

/** A total cell equals the sum of its part cells (indices into the table's cells). */
export interface Relation {
  total: number;
  parts: readonly number[];
}

type SparseRow = Map<number, bigint>;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Divides the row by the gcd of its entries, sign chosen so the pivot is positive. */
function normalise(row: SparseRow, pivot: number): void {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n || (row.get(pivot) ?? 1n) < 0n) {
    const sign = (row.get(pivot) ?? 1n) < 0n ? -1n : 1n;
    for (const [k, v] of row) row.set(k, (v / g) * sign);
  }
}

/** target := a·target − b·source, where a = source[col], b = target[col]: target[col] becomes 0. */
function eliminate(target: SparseRow, source: SparseRow, col: number): void {
  const a = source.get(col)!;
  const b = target.get(col)!;
  for (const [k, v] of target) target.set(k, v * a);
  for (const [k, v] of source) {
    const next = (target.get(k) ?? 0n) - b * v;
    if (next === 0n) target.delete(k);
    else target.set(k, next);
  }
}

function firstColumn(row: SparseRow): number {
  let best = Infinity;
  for (const k of row.keys()) if (k < best) best = k;
  return best;
}

/**
 * The hidden cells (by index) that the relations determine, given which cells are hidden.
 * Relations with no hidden cell are ignored; cells not hidden are known.
 */
export function determinedCells(
  relations: readonly Relation[],
  hidden: ReadonlySet<number>,
): Set<number> {
  const basis: { pivot: number; row: SparseRow }[] = [];
  for (const relation of relations) {
    const row: SparseRow = new Map();
    const add = (cell: number, coefficient: bigint) => {
      if (!hidden.has(cell)) return;
      const next = (row.get(cell) ?? 0n) + coefficient;
      if (next === 0n) row.delete(cell);
      else row.set(cell, next);
    };
    add(relation.total, 1n);
    for (const part of relation.parts) add(part, -1n);
    if (row.size === 0) continue;
    for (const b of basis) if (row.has(b.pivot)) eliminate(row, b.row, b.pivot);
    if (row.size === 0) continue;
    const pivot = firstColumn(row);
    normalise(row, pivot);
    for (const b of basis) {
      if (b.row.has(pivot)) {
        eliminate(b.row, row, pivot);
        normalise(b.row, b.pivot);
      }
    }
    basis.push({ pivot, row });
  }
  const determined = new Set<number>();
  for (const b of basis) if (b.row.size === 1) determined.add(b.pivot);
  return determined;
}

/**
 * The span of some cells' columns in the relations (one coordinate per relation: +1 where
 * the cell is the total, −1 where it is a part), in reduced echelon form. Used to ask
 * cheaply whether hiding more cells frees a determined one: the cell d is determined by
 * hidden cells H exactly when rank(H \ {d}) = rank(H) − 1, so hiding the set S as well
 * frees it exactly when rank(H \ {d} ∪ S) = rank(H ∪ S).
 */
export class ColumnSpan {
  private readonly basis: { pivot: number; row: SparseRow }[] = [];

  constructor(private readonly columnOf: (cell: number) => SparseRow) {}

  /** Adds the cells' columns; returns how many were independent of the span. */
  add(cells: Iterable<number>): number {
    let added = 0;
    for (const cell of cells) if (this.insert(new Map(this.columnOf(cell)))) added++;
    return added;
  }

  get rank(): number {
    return this.basis.length;
  }

  /** How much the rank would grow with these cells, leaving the span as it is. */
  growth(cells: readonly number[]): number {
    const extra = new ColumnSpan(this.columnOf);
    let grown = 0;
    for (const cell of cells) {
      const row = new Map(this.columnOf(cell));
      this.reduce(row);
      extra.reduce(row);
      if (row.size && extra.insertReduced(row)) grown++;
    }
    return grown;
  }

  private reduce(row: SparseRow): void {
    for (const b of this.basis) if (row.has(b.pivot)) eliminate(row, b.row, b.pivot);
  }

  private insert(row: SparseRow): boolean {
    this.reduce(row);
    return row.size > 0 && this.insertReduced(row);
  }

  private insertReduced(row: SparseRow): boolean {
    const pivot = firstColumn(row);
    normalise(row, pivot);
    for (const b of this.basis) {
      if (b.row.has(pivot)) {
        eliminate(b.row, row, pivot);
        normalise(b.row, b.pivot);
      }
    }
    this.basis.push({ pivot, row });
    return true;
  }
}

/** A cell's column over the relations (indexed as in `relations`). */
export function columnOf(
  relations: readonly Relation[],
  relationsOfCell: ReadonlyMap<number, readonly number[]>,
): (cell: number) => SparseRow {
  return (cell) => {
    const column: SparseRow = new Map();
    for (const i of relationsOfCell.get(cell) ?? []) {
      const r = relations[i]!;
      let v = r.total === cell ? 1n : 0n;
      for (const p of r.parts) if (p === cell) v -= 1n;
      if (v !== 0n) column.set(i, v);
    }
    return column;
  };
}
