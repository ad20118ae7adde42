// A 10-digit personnummer typed into Excel without its dash is stored as a number, and
// one born in 2000–2009 (0501011234) loses its leading zero: nine digits, which would be
// taken for an already pseudonymous id and never link to the same person elsewhere.
// In the person column, a nine-digit number cell whose zero-padded form passes the Luhn
// check is read as that personnummer.
import { columnsOf } from '../../contract/columns-of.ts';
import type { Kind } from '../../contract/kinds.ts';
import { ladokColumnIndexes } from '../ladok-columns.ts';
import { luhnOk } from '../personnummer.ts';
import { normaliseColumnName, type CsvSniff } from '../sniff-csv.ts';
import type { SheetCellText } from './sheet-rows.ts';

/** The 0-based column of person_id under the sniffed header, if the kind has one. */
export function personColumn(kind: Kind, sniff: CsvSniff): number | undefined {
  if (!columnsOf(kind).some((c) => c.type === 'person_id')) return undefined;
  if (sniff.dialect === 'ladok') return ladokColumnIndexes(sniff.header).person_id;
  if (sniff.dialect !== 'contract') return undefined;
  const index = sniff.header.map(normaliseColumnName).indexOf('person_id');
  return index === -1 ? undefined : index;
}

/** Restores the leading zero in place; true when it did. */
export function restorePersonnummerZero(
  cells: (SheetCellText | undefined)[],
  column: number,
): boolean {
  const cell = cells[column];
  if (!cell?.number || !/^[0-9]{9}$/.test(cell.text) || !luhnOk(`0${cell.text}`)) return false;
  cells[column] = { text: `0${cell.text}`, number: false };
  return true;
}
