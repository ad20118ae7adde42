// The columns of an SCB statistical-database export, read by name in any position:
// a stub column per dimension (region, år/Tid, ålder, kön, any other such as
// civilstånd) and value columns. In the wide layouts the value columns' headings carry
// the values of the heading dimensions ("2024", "Folkmängd 2024", "2380 Östersund");
// in the long ones (Csv2, Csv3, PxWeb API v2) there is one value column named after the
// table's content ("Folkmängd", "BE0101N1").
import { labelText } from './scb/labels.ts';

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

/** A heading that names a region: a code and a name anywhere in it, Riket or a county. */
export function isRegionHeading(cell: string): boolean {
  return /(?:^|\s)(?:\d{4}(?: - \d{4})? \p{L}|(?:00 )?riket(?:\s|$)|\d{2} \D+ län(?:\s|$))/u.test(
    labelText(cell),
  );
}

/** A year token in a heading: `2024`, `Folkmängd 2024`, `Folkmängd 2024 män`. */
export function hasYearToken(cell: string): boolean {
  return /(?:^|\s)(?:18|19|20|21)\d{2}(?:\s|$)/.test(labelText(cell));
}

/**
 * An SCB export: a region dimension (a stub column, or regions in headings) and a year
 * (a stub column, or years in headings).
 */
export function isScbHeader(header: string[]): boolean {
  const stubs = header.map(stubDimension);
  const heads = header.filter((_, i) => stubs[i] === null);
  const region = stubs.includes('region') || heads.some(isRegionHeading);
  const year = stubs.includes('year') || heads.some(hasYearToken);
  return region && year;
}
