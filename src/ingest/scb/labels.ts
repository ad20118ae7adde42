// The value labels of SCB's statistical database (PxWeb, PxWeb2), as texts
// ("2380 Östersund", "20-24 år", "kvinnor", "totalt ålder") or as codes ("2380", "20-24",
// "2", "tot", "1+2"), read into what they mean. Pure functions: the reader asks them
// about each distinct label of a file once, never about every row.

/** Lower case, no BOM, single spaces, en dash as hyphen, no quotes around. */
export function labelText(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[\u2013\u2012\u2212]/g, '-')
    .trim()
    .toLowerCase()
    .normalize('NFC');
}

export type RegionLabel =
  | { level: 'municipality'; code: string }
  | { level: 'county'; code: string }
  | { level: 'country' }
  | { level: 'unknown' };

/** Words SCB uses for a total category of any dimension. */
const TOTAL =
  /^(tot|total|totalt|totalt? .+|samtliga|samtliga .+|alla|alla .+|summa|1\+2|män och kvinnor|båda könen)$/;

/**
 * The readings of a label: itself, and for PxWebApi 2's "code - text" (`060-64 - 60-64 år`,
 * `1+2 - totalt`) its text, then its code.
 */
function readings(label: string): string[] {
  const text = labelText(label);
  const pair = /^(\S+) - (.+)$/.exec(text);
  return pair ? [text, pair[2]!, pair[1]!] : [text];
}

export function isTotalLabel(label: string): boolean {
  return readings(label).some((text) => TOTAL.test(text));
}

/**
 * A region: `2380 Östersund`, `2380`, `2380 - Östersund`, `00 Riket`, `23 Jämtlands län`,
 * `Riket`, `Jämtlands län`, or a municipality's name alone (looked up in `names`).
 */
export function regionOf(label: string, names: ReadonlyMap<string, string>): RegionLabel {
  const text = labelText(label);
  const coded = /^(\d{2}|\d{4})(?:$|\s*-?\s+\S)/.exec(text) ?? /^(\d{2}|\d{4})\s*-\s*\S/.exec(text);
  if (coded) {
    const code = coded[1]!;
    if (code === '00') return { level: 'country' };
    return code.length === 4 ? { level: 'municipality', code } : { level: 'county', code };
  }
  if (/^(hela )?riket$|^sverige$/.test(text)) return { level: 'country' };
  if (/ län$/.test(text)) return { level: 'county', code: '' };
  const code = names.get(text);
  return code ? { level: 'municipality', code } : { level: 'unknown' };
}

export type AgeLabel =
  | { kind: 'span'; from: number; to: number }
  | { kind: 'total' }
  | { kind: 'unknown' };

/** Open-ended classes (`100+ år`, `95 år eller äldre`) run to this age. */
export const OPEN_AGE = 150;

/** `20 år`, `20`, `20-24 år`, `-4 år`, `100+ år`, `100+`, `totalt ålder`, `tot`. */
export function ageOf(label: string): AgeLabel {
  for (const text of readings(label)) {
    const age = ageOfText(text);
    if (age.kind !== 'unknown') return age;
  }
  return { kind: 'unknown' };
}

function ageOfText(label: string): AgeLabel {
  const text = label.replace(/ (år|years?)$/, '');
  if (TOTAL.test(text) || text === 'ålder' || text === 'alder') return { kind: 'total' };
  let match = /^(\d{1,3})$/.exec(text);
  if (match) return { kind: 'span', from: Number(match[1]), to: Number(match[1]) };
  match = /^(\d{1,3}) ?- ?(\d{1,3})$/.exec(text);
  if (match) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    return from <= to ? { kind: 'span', from, to } : { kind: 'unknown' };
  }
  match = /^-(\d{1,3})$/.exec(text) ?? /^under (\d{1,3})$/.exec(text);
  if (match)
    return text.startsWith('under')
      ? { kind: 'span', from: 0, to: Number(match[1]) - 1 }
      : { kind: 'span', from: 0, to: Number(match[1]) };
  match = /^(\d{1,3}) ?(?:\+|-w|-|år eller äldre|eller äldre|och äldre| år och äldre)$/.exec(text);
  if (match) return { kind: 'span', from: Number(match[1]), to: OPEN_AGE };
  return { kind: 'unknown' };
}

export type SexLabel = 'men' | 'women' | 'total' | 'unknown';

/** `män`, `kvinnor`, `totalt`; codes `1`, `2`, `1+2`, `tot`. */
export function sexOf(label: string): SexLabel {
  for (const text of readings(label)) {
    const sex = sexOfText(text);
    if (sex !== 'unknown') return sex;
  }
  return 'unknown';
}

function sexOfText(text: string): SexLabel {
  if (/^(män|man|1|men|m)$/.test(text)) return 'men';
  if (/^(kvinnor|kvinna|2|women|k)$/.test(text)) return 'women';
  if (TOTAL.test(text)) return 'total';
  return 'unknown';
}

/** An age span as SCB writes it: `20–64 år`. */
export function spanText(from: number, to: number): string {
  if (to >= OPEN_AGE) return `${from}+ år`;
  return from === to ? `${from} år` : `${from}–${to} år`;
}
