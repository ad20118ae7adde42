// Small-cell protection (spec "Small-cell protection"): in everything published a
// count from 1 to minCell − 1 persons, and any share or ratio whose denominator has
// fewer than minCell persons, is suppressed and shown as '..'. The database keeps the
// unsuppressed values. SQL twins: suppress_count / suppress_share in
// sql/macros/stats.sql.

/** SCB's notation for a suppressed cell. */
export const SUPPRESSED_MARK = '..';

/** The spec's default min_cell. */
export const DEFAULT_MIN_CELL = 5;

function assertMinCell(minCell: number): void {
  if (!(Number.isInteger(minCell) && minCell >= 1)) {
    throw new RangeError(`min_cell must be an integer ≥ 1, got ${minCell}`);
  }
}

/** True when a count of persons must be suppressed: 1 ≤ value < minCell. 0 is shown. */
export function suppressCount(value: number, minCell: number = DEFAULT_MIN_CELL): boolean {
  assertMinCell(minCell);
  return value >= 1 && value < minCell;
}

/**
 * True when a share or ratio must be suppressed: its denominator has fewer than
 * minCell persons (a denominator of 0 included — the value is absent then anyway).
 *
 * Only the denominator counts, as the spec says: a share of 2 of 40 persons is shown,
 * numerator included, although a standalone count of 2 would be suppressed. Small
 * numerators are what some shares are about (e.g. few first-generation students), and
 * a denominator of ≥ minCell already hides who the 2 are among 40. The stricter rule
 * (share_rule 'cells': numerator or complement 1 … minCell − 1 too) is a build setting,
 * applied in SQL (indicator_suppressed in sql/macros/stats_rows.sql); the cells hidden to
 * protect others are chosen by secondary-suppression.ts.
 */
export function suppressShare(
  denominatorPersons: number,
  minCell: number = DEFAULT_MIN_CELL,
): boolean {
  assertMinCell(minCell);
  return denominatorPersons < minCell;
}
