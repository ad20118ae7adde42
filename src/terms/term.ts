// The term calendar (data contract, "Terms"). Twin of sql/macros/terms.sql: the two must
// agree exactly, which test/terms/agreement.test.ts checks day by day.
//
// - Notation: canonical `HT2025` / `VT2026`. Readers also accept, in any case:
//   codes `ht2025`, `HT 2025`, `HT-2025`, `ht24`, `HT 24`, `HT-24`, `H25` / `V26`;
//   words `Höst 2024`, `Hösten 2024`, `Hösttermin 2024`, `Höstterminen 2024`, `Vår 2025`,
//   `Våren 2025`, `Vårtermin 2025`, `Vårterminen 2025` (one space, a 4-digit year; `ö`/`å`
//   precomposed or as o/a + combining mark, which is the same text in Unicode).
//   2-digit years are 20YY. Anything else is null (`hösten24`, `Höst 24`, `H-25`, `HT2`).
// - Order: VT Y < HT Y < VT Y+1, encoded as the integer key year*2 + (HT ? 1 : 0).
// - Teaching span: 20 weeks from Monday of ISO week 3 (VT) or 35 (HT) of the year; the
//   end is the last Sunday of those weeks (start + 139 days).
// - termOf(date): the term with the latest start on or before the date, so the summer
//   belongs to the preceding VT and early January to the previous HT.
//
// Dates are ISO 'YYYY-MM-DD' strings at the boundary; inside, date-fns works on UTCDate so
// no time zone can move a day.
// Per-function imports: the package index would load all of date-fns (over a second at start-up).
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { isBefore } from 'date-fns/isBefore';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { UTCDate, isoFromUtcDate, utcDateFromIso } from './utc-date.ts';

export type Season = 'VT' | 'HT';

export interface Term {
  season: Season;
  year: number;
}

/** Terms are written with a 4-digit year; keys outside this range are not terms. */
const MIN_YEAR = 0;
const MAX_YEAR = 9999;
const MIN_KEY = MIN_YEAR * 2;
const MAX_KEY = MAX_YEAR * 2 + 1;

/** ISO week of the term's first Monday. */
const START_WEEK: Record<Season, number> = { VT: 3, HT: 35 };
/** 20 teaching weeks: the last day is the Sunday 20 * 7 - 1 days after the start. */
const LAST_DAY_OFFSET = 20 * 7 - 1;

// The same patterns as term_parse in sql/macros/terms.sql. `[0-9]`, not `\d`: only ASCII
// digits. The words spell out each letter's two cases instead of a case-insensitive flag:
// RE2 (DuckDB) folds `ſ` to `s` and `Å` (Ångström sign) to `å`, JavaScript does not.
const LONG_FORM = /^(HT|VT)[ -]?([0-9]{4})$/i;
const SHORT_FORM = /^(?:HT|VT)[ -]?([0-9]{2})$|^[HV]([0-9]{2})$/i;
const WORD_FORM =
  /^(?:[Hh](?:[Öö]|[Oo]\u0308)[Ss][Tt]|[Vv](?:[Åå]|[Aa]\u030A)[Rr])(?:[Ee][Nn]|[Tt][Ee][Rr][Mm][Ii][Nn](?:[Ee][Nn])?)? ([0-9]{4})$/;

/** Reads any accepted spelling; null for everything else (no trimming, no other forms). */
export function parseTerm(text: string): Term | null {
  const season = toSeason(text);
  const long = LONG_FORM.exec(text) ?? WORD_FORM.exec(text);
  if (long) return { season, year: Number(long.at(-1)) };
  const short = SHORT_FORM.exec(text);
  if (short) return { season, year: 2000 + Number(short[1] ?? short[2]) };
  return null;
}

/** Every accepted spelling starts with its season's letter: H (höst) or V (vår). */
function toSeason(text: string): Season {
  return text.startsWith('H') || text.startsWith('h') ? 'HT' : 'VT';
}

/** Canonical spelling, e.g. `HT2025`. */
export function formatTerm(t: Term): string {
  assertTerm(t);
  return `${t.season}${String(t.year).padStart(4, '0')}`;
}

/** Integer with the term order: year * 2 + (HT ? 1 : 0). */
export function termKey(t: Term): number {
  assertTerm(t);
  return t.year * 2 + (t.season === 'HT' ? 1 : 0);
}

export function termFromKey(k: number): Term {
  if (!Number.isInteger(k) || k < MIN_KEY || k > MAX_KEY) {
    throw new RangeError(`not a term key: ${k}`);
  }
  return { season: k % 2 === 1 ? 'HT' : 'VT', year: Math.floor(k / 2) };
}

/** The term n steps later (n < 0: earlier); T+1 is the next term. */
export function addTerms(t: Term, n: number): Term {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of terms: ${n}`);
  return termFromKey(termKey(t) + n);
}

/** Negative, zero or positive, as Array.prototype.sort expects. */
export function compareTerms(a: Term, b: Term): number {
  return termKey(a) - termKey(b);
}

/** Every term from `from` to `to`, both included, in order; empty when from > to. */
export function termsBetween(from: Term, to: Term): Term[] {
  const terms: Term[] = [];
  for (let k = termKey(from); k <= termKey(to); k++) terms.push(termFromKey(k));
  return terms;
}

/** First teaching day: Monday of ISO week 3 (VT) or 35 (HT) of the term's year. */
export function termStart(t: Term): string {
  return isoFromUtcDate(startDate(t));
}

/** Last teaching day: the Sunday ending the 20th week (start + 139 days). */
export function termEnd(t: Term): string {
  return isoFromUtcDate(addDays(startDate(t), LAST_DAY_OFFSET));
}

/** The term whose start is the latest start on or before `isoDate` ('YYYY-MM-DD'). */
export function termOf(isoDate: string): Term {
  const date = utcDateFromIso(isoDate);
  const year = date.getUTCFullYear();
  // VT Y starts 12-18 January, so a date of year Y is in HT Y, VT Y or (before VT Y) HT Y-1.
  if (!isBefore(date, startDate({ season: 'HT', year }))) return { season: 'HT', year };
  if (!isBefore(date, startDate({ season: 'VT', year }))) return { season: 'VT', year };
  return termFromKey(year * 2 - 1); // HT of the year before (a RangeError before year 0)
}

function startDate(t: Term): UTCDate {
  assertTerm(t);
  // 4 January is always in ISO week 1 of its year.
  const week1Monday = startOfISOWeekYear(UTCDate.of(t.year, 1, 4));
  return addWeeks(week1Monday, START_WEEK[t.season] - 1);
}

function assertTerm(t: Term): void {
  if (
    (t.season !== 'VT' && t.season !== 'HT') ||
    !Number.isInteger(t.year) ||
    t.year < MIN_YEAR ||
    t.year > MAX_YEAR
  ) {
    throw new RangeError(`not a term: ${JSON.stringify(t)}`);
  }
}
