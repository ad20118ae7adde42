// The dimension values a value column's heading carries. PxWeb joins the values of the
// heading variables with a space ("Folkmängd 2023", "Folkmängd män 2281 Sundsvall",
// "Folkmängd 2023 kvinnor"), PxWebApi 2 each as "code - text" ("BE0101N1 - Folkmängd
// 2023 - 2023"). A region is a code followed by its own name (so "2023 män" is a year
// and a sex, not Malung-Sälen), a year a 4-digit token; what is left names the content.
import type { Dimension } from '../scb-columns.ts';
import { labelText } from './labels.ts';

export type Heading = Partial<Record<Dimension, string>>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Takes the first match of `pattern` out of `text`: [the match, the rest]. */
function take(text: string, pattern: RegExp): [string | undefined, string] {
  const match = pattern.exec(text);
  if (!match) return [undefined, text];
  return [
    match[1] ?? match[0],
    `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`
      .replace(/\s+/g, ' ')
      .trim(),
  ];
}

const SEPARATORS = /^(\s|-)+|(\s|-)+$/g;

/**
 * `stubs`: dimensions that have a column of their own (not looked for in headings);
 * `namesByCode`: municipality code → lower-case name. Null when the heading carries no
 * dimension value (a long layout's value column, or a further dimension's column).
 */
export function headingOf(
  cell: string,
  stubs: ReadonlySet<Dimension>,
  namesByCode: ReadonlyMap<string, string>,
): Heading | null {
  const heading: Heading = {};
  let rest = labelText(cell);
  if (!stubs.has('region')) {
    for (const [code, name] of namesByCode) {
      const [found, left] = take(
        rest,
        new RegExp(`(?:^|\\s)(${code}(?: - ${code})? ${escapeRegExp(name)})(?=\\s|$)`),
      );
      if (found) {
        heading.region = found;
        rest = left;
        break;
      }
    }
    if (!heading.region) {
      const [found, left] = take(
        rest,
        /(?:^|\s)((?:00(?: - 00)? riket|\d{2}(?: - \d{2})? [^\d]+? län|riket))(?=\s|$)/,
      );
      if (found) [heading.region, rest] = [found, left];
    }
  }
  if (!stubs.has('year')) {
    const [found, left] = take(rest, /(?:^|\s)((?:18|19|20|21)\d{2})(?: - \1)?(?=\s|$)/);
    if (found) [heading.year, rest] = [found, left];
  }
  if (!stubs.has('age')) {
    const [found, left] = take(
      rest,
      /(?:^|\s)((?:\S+ - )?(?:\d{1,3}(?:-\d{1,3}|\+)? år|totalt ålder))(?=\s|$)/,
    );
    if (found) [heading.age, rest] = [found, left];
  }
  if (!stubs.has('sex')) {
    const [found, left] = take(rest, /(?:^|\s)((?:\S+ - )?(?:män|kvinnor|totalt))(?=\s|$)/);
    if (found) [heading.sex, rest] = [found, left];
  }
  if (Object.keys(heading).length === 0) return null;
  const contents = rest.replace(SEPARATORS, '');
  if (contents && !stubs.has('contents')) heading.contents = contents;
  return heading;
}
