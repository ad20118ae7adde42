// The columns of an SCB statistical-database export, read by name in any position:
// a stub column per dimension (region, år/Tid, ålder, kön, any other such as
// civilstånd) and value columns. In the wide layouts the value columns' headings carry
// the values of the heading dimensions ("2024", "Folkmängd 2024", "2380 Östersund");
// in the long ones (Csv2, Csv3, PxWeb API v2) there is one value column named after the
// table's content ("Folkmängd", "BE0101N1").
import { labelText, regionOf, yearOf } from './scb/labels.ts';

export type Dimension = 'region' | 'year' | 'age' | 'sex' | 'contents';

/** Stub names as PxWeb writes them: texts (`region`, `ålder`), codes (`Alder`, `Tid`), or both (`Region - region`). */
const STUB_NAMES: Record<string, Dimension> = {
  region: 'region',
  regioner: 'region',
  kommun: 'region',
  år: 'year',
  tid: 'year',
  year: 'year',
  ålder: 'age',
  alder: 'age',
  age: 'age',
  kön: 'sex',
  kon: 'sex',
  sex: 'sex',
  tabellinnehåll: 'contents',
  contentscode: 'contents',
  contents: 'contents',
};

/** The dimension a header cell names, also as `code - text` (API v2) or `ålder (1-årsklasser)`. */
export function stubDimension(cell: string): Dimension | null {
  const text = labelText(cell).replace(/^"|"$/g, '');
  for (const part of [text, ...text.split(/\s+-\s+/), text.replace(/\s*\(.*\)$/, '')]) {
    const found = STUB_NAMES[part.trim()];
    if (found) return found;
  }
  return null;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** A heading that names a region (a municipality, county or the country) by code and name. */
export function isRegionHeading(cell: string): boolean {
  const text = labelText(cell);
  return /^\d{2}(\d{2})? \D/.test(text) && regionOf(text, NO_NAMES).level !== 'unknown';
}

/**
 * An SCB export: a region dimension (a stub column, or regions as headings) and a year
 * (a stub column, or years as headings).
 */
export function isScbHeader(header: string[]): boolean {
  const stubs = header.map(stubDimension);
  const region = stubs.includes('region') || header.some(isRegionHeading);
  const year = stubs.includes('year') || header.some((cell) => stubDimension(cell) === null && yearOf(cell) !== null);
  return region && year;
}
