// Swedish personnummer / samordningsnummer handling for `person_id`
// (data contract, "Identifiers and personal data").
//
// SQL twin: sql/macros/personnummer.sql (pnr_shape, pnr_luhn_ok, pnr_normalize,
// pnr_birth_year, pnr_trim, pnr_mask). test/ingest/personnummer.test.ts checks that both
// sides agree, so change them together.
//
// Rules:
// - Surrounding whitespace is trimmed first: exactly the characters String.prototype.trim
//   removes (listed in WS below, spelled out so the SQL regexp can use the same set).
// - Shape: 6 or 8 ASCII digits, an optional '-' or '+', then 4 ASCII digits.
// - The last ten digits must pass the Luhn check; the calendar date is not validated.
// - A 12-digit form keeps its own century, whatever the separator.
// - A 10-digit form: t = YYMMDD as a number (day − 60 for a samordningsnummer, day > 60),
//   i = the ingest date's YYMMDD as a number;
//     century = floor(ingestYear / 100) − (t >= i ? 1 : 0) − (separator '+' ? 1 : 0).
//   So with '-' or no separator the birth date is at most 100 years before the ingest date,
//   with '+' more than 100 years before it. Exactly 100 years counts as "at most 100":
//   YYMMDD equal to the ingest date's YYMMDD means born exactly 100 years before the
//   ingest date (with '-'), never born on the ingest date itself.
// - Any other non-empty (trimmed) value is an already pseudonymous id, used as it is.

export type PersonIdClass =
  | { kind: 'personnummer'; normalized: string; birthYear: number; coordination: boolean }
  | { kind: 'invalid'; reason: 'invalid personnummer checksum' }
  | { kind: 'pseudonym'; value: string }
  | { kind: 'empty' };

export const INVALID_CHECKSUM_REASON = 'invalid personnummer checksum' as const;

/** Whitespace trimmed around a person_id: the set of String.prototype.trim. */
const WS =
  '[\\u0009-\\u000D\\u0020\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]';
const TRIM_RE = new RegExp(`^${WS}+|${WS}+$`, 'g');
const SHAPE_RE = new RegExp(`^${WS}*([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})${WS}*$`);
const DIGITS_9 = /^[0-9]{9}$/;
const DIGITS_10 = /^[0-9]{10}$/;
const INGEST_DATE_RE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** The value without surrounding whitespace (same set as String.prototype.trim). */
export function trimPersonId(raw: string): string {
  return raw.replace(TRIM_RE, '');
}

/** True when the trimmed value has the personnummer shape (10/12 digits, optional -/+). */
export function hasPersonnummerShape(raw: string): boolean {
  return SHAPE_RE.test(raw);
}

/** Sum mod 10 of the Luhn-weighted digit sums (weights 2,1,2,1,... from the left). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const p = 2 * d;
      sum += p > 9 ? p - 9 : p;
    } else {
      sum += d;
    }
  }
  return sum % 10;
}

/**
 * Swedish Luhn check of ten ASCII digits (YYMMDDNNNC): weights 2,1,2,1,... on the first
 * nine, digit sums, check digit = (10 − sum mod 10) mod 10. Anything that is not exactly
 * ten ASCII digits is not OK.
 */
export function luhnOk(tenDigits: string): boolean {
  if (!DIGITS_10.test(tenDigits)) return false;
  return luhnCheckDigit(tenDigits.slice(0, 9)) === tenDigits.slice(9);
}

/** The check digit for nine ASCII digits (YYMMDDNNN). Throws on anything else. */
export function luhnCheckDigit(nineDigits: string): string {
  if (!DIGITS_9.test(nineDigits)) {
    throw new RangeError('luhnCheckDigit needs exactly nine ASCII digits');
  }
  return String((10 - luhnSum(nineDigits)) % 10);
}

function parseIngestDate(ingestDate: string): { year: number; yymmdd: number } {
  const m = INGEST_DATE_RE.exec(ingestDate);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    !m ||
    year < 1000 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(
      `ingest date must be a valid YYYY-MM-DD date in years 1000-9999, got ${JSON.stringify(ingestDate)}`,
    );
  }
  return { year, yymmdd: (year % 100) * 10000 + month * 100 + day };
}

/**
 * Classify a raw person_id against the ingest date (YYYY-MM-DD).
 * The result never contains the raw digits of an invalid personnummer.
 */
export function classifyPersonId(raw: string, ingestDate: string): PersonIdClass {
  const ingest = parseIngestDate(ingestDate);
  const m = SHAPE_RE.exec(raw);
  if (!m) {
    const value = trimPersonId(raw);
    return value === '' ? { kind: 'empty' } : { kind: 'pseudonym', value };
  }
  const century = m[1];
  const yymmdd = m[2] ?? '';
  const separator = m[3] ?? '';
  const last4 = m[4] ?? '';
  const ten = yymmdd + last4;
  if (!luhnOk(ten)) return { kind: 'invalid', reason: INVALID_CHECKSUM_REASON };

  const coordination = Number(yymmdd.slice(4, 6)) > 60;
  let normalized: string;
  if (century !== undefined) {
    normalized = century + ten;
  } else {
    const t = Number(yymmdd) - (coordination ? 60 : 0);
    const c =
      Math.floor(ingest.year / 100) - (t >= ingest.yymmdd ? 1 : 0) - (separator === '+' ? 1 : 0);
    normalized = String(c).padStart(2, '0') + ten;
  }
  return {
    kind: 'personnummer',
    normalized,
    birthYear: Number(normalized.slice(0, 4)),
    coordination,
  };
}

/**
 * What a rejects table, log line or error message may show of a person_id.
 *
 * Choice: every person_id is masked the same way, whatever its kind: the trimmed value
 * with every character except '-' and '+' replaced by '*' (one '*' per code point). Only
 * the shape survives (length and separator position), e.g. '900101-1234' -> '******-****',
 * '199001011234' -> '************', 'stud-00017' -> '****-*****'. Not even the birth date
 * is kept, since a birth date plus a municipality narrows a person down; pseudonyms are
 * masked too, since a value in the wrong column may be a personal identifier in some
 * other format. SQL twin: pnr_mask(s).
 */
export function maskPersonId(raw: string): string {
  return Array.from(trimPersonId(raw), (ch) => (ch === '-' || ch === '+' ? ch : '*')).join('');
}

const PNR_LIKE_RE = /[0-9]{6}(?:[0-9]{2})?[-+ ]?[0-9]{4}/g;

/**
 * Text that may quote what a file holds (a header line, column names) with everything
 * shaped like a personnummer replaced by ten asterisks. SQL twin: mask_pnr_like in
 * sql/macros/mask.sql.
 */
export function maskPnrLike(text: string): string {
  return text.replace(PNR_LIKE_RE, '**********');
}
