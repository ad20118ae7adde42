// Parsers against the data contract (issue 7): terms, personnummer, numbers, yes/no
// words and dates, on arbitrary and near-miss strings. Each oracle below is written from
// ../shared/spec/data-contract.md, not from the code; the code under test is the SQL of
// src/ingest/cell-rules.ts (run in DuckDB exactly as ingest runs it: cell cleaned, then
// parsed), the term reader in TypeScript and SQL, and the personnummer rules in
// TypeScript and SQL. Where the contract leaves a string open (e.g. '1 000,5' or
// '2025-03-14 12:00'), the oracle says "either" and only fixed examples pin it down.
//
// CI runs a fixed number of runs with a fixed seed. A longer run:
//   FUZZ_RUNS=2000 npx vitest run test/fuzz        (FUZZ_SEED=n for another seed)
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/contract/columns-of.ts';
import type { Kind } from '../../src/contract/kinds.ts';
import { Database } from '../../src/db/database.ts';
import { cellRule } from '../../src/ingest/cell-rules.ts';
import { classifyPersonId } from '../../src/ingest/personnummer.ts';
import { clean } from '../../src/ingest/validation-sql.ts';
import { formatTerm, parseTerm } from '../../src/terms/term.ts';
import { TEST_INGEST_DATE, TEST_KEY } from '../helpers/workspace.ts';
import { FuzzDb, SEED, budget, csvLine, fcParams, ingestAndCheck, runs } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db?.close());

// ---------------------------------------------------------------------------------------
// Oracles from the contract. `undefined` = the contract leaves it open.

type Verdict<T> = { ok: true; value: T | null } | { ok: false } | undefined;

const ACCEPT = <T>(value: T | null): Verdict<T> => ({ ok: true, value });
const REJECT = { ok: false } as const;

/** Spaces and tabs around a cell are not part of it (Excel pads; `' ja '` is `ja`). */
const trimCell = (s: string) => s.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, '');

/**
 * "A term is written HT2025 or VT2026. Readers also accept, in any case, ht2025, HT 2025,
 * HT-2025, H25/V26, ht24, HT-24, VT-25, Höst 2024, hösten 2024, Vår 2025, våren 2025.
 * Anything else is a rejected row." Also read (issue 14): HT 24, and
 * Hösttermin/Höstterminen/Vårtermin/Vårterminen 2024; ö/å decomposed are the same text.
 */
const TERM_WORDS: Record<string, 'HT' | 'VT'> = {
  höst: 'HT',
  hösten: 'HT',
  hösttermin: 'HT',
  höstterminen: 'HT',
  vår: 'VT',
  våren: 'VT',
  vårtermin: 'VT',
  vårterminen: 'VT',
};
function termOracle(s: string): string | null {
  const code = /^(HT|VT)[ -]?([0-9]{4}|[0-9]{2})$/i.exec(s) ?? /^([HV])([0-9]{2})$/i.exec(s);
  if (code) return `${code[1]![0]!.toUpperCase()}T${code[2]!.length === 2 ? '20' : ''}${code[2]}`; // two-digit years: 20YY
  // Only letters a person types (ASCII, å ä ö and the two combining marks), so that no
  // look-alike (ſ, the Ångström sign) reaches the lower-casing and normalisation below.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the oracle accepts decomposed å/ä/ö letter by letter
  const word = /^([A-Za-zåäöÅÄÖ\u0308\u030A]+) ([0-9]{4})$/.exec(s);
  const season = word && TERM_WORDS[word[1]!.normalize('NFC').toLowerCase()];
  return season ? `${season}${word[2]}` : null;
}

/** "booleans: true/false, 1/0, ja/nej, j/n, yes/no, y/n, sant/falskt (any case); empty = unknown" */
function boolOracle(raw: string): Verdict<boolean> {
  const s = trimCell(raw).toLowerCase();
  if (s === '') return ACCEPT(null);
  if (['true', '1', 'ja', 'j', 'yes', 'y', 'sant'].includes(s)) return ACCEPT(true);
  if (['false', '0', 'nej', 'n', 'no', 'falskt'].includes(s)) return ACCEPT(false);
  return REJECT;
}

/** Anything shaped like a personnummer may not be stored outside person_id. */
const PNR_SHAPED = /^[0-9]{6}(?:[0-9]{2})?[-+ ]?[0-9]{4}$/;

/** "decimals: 12.5 and 12,5"; a value is kept with four decimals (DECIMAL(18,4)). Value: ten-thousandths. */
function decimalOracle(raw: string): Verdict<bigint> {
  const s = trimCell(raw);
  if (s === '') return ACCEPT(null);
  if (PNR_SHAPED.test(s)) return REJECT;
  if (!/[0-9]/.test(s) || /[^0-9.,+\- \u00a0\u202f]/.test(s)) return REJECT;
  const m = /^([0-9]{1,14})(?:[.,]([0-9]{1,4}))?$/.exec(s);
  if (m) return ACCEPT(BigInt(m[1]! + (m[2] ?? '').padEnd(4, '0')));
  return undefined; // thousands separators, signs, '.5', more decimals: the contract does not say
}

/** `int`: whole numbers. A non-zero fraction is not one. */
function intOracle(raw: string): Verdict<bigint> {
  const s = trimCell(raw);
  if (s === '') return ACCEPT(null);
  if (PNR_SHAPED.test(s)) return REJECT;
  if (!/[0-9]/.test(s) || /[^0-9.,+\- \u00a0\u202f]/.test(s)) return REJECT;
  if (/^[+-]?[0-9]+[.,][0-9]*[1-9][0-9]*$/.test(s)) return REJECT;
  if (/^[0-9]{1,18}$/.test(s)) return ACCEPT(BigInt(s));
  return undefined;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

/** "dates: ISO 2025-03-14; also 2025-03-14 00:00:00". Other times of day: open. */
function dateOracle(raw: string): Verdict<string> {
  const s = trimCell(raw);
  if (s === '') return ACCEPT(null);
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(.*)$/s.exec(s);
  if (!m) return REJECT;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y === 0) return undefined; // year 0000: not a year anyone writes
  const valid = isCalendarDate(y, mo, d);
  if (m[4] === '' || m[4] === ' 00:00:00')
    return valid ? ACCEPT(`${m[1]}-${m[2]}-${m[3]}`) : REJECT;
  if (!valid) return REJECT;
  return /^[ T][0-9]{2}:[0-9]{2}/.test(m[4]!) ? undefined : REJECT;
}

type PnrVerdict =
  | { kind: 'personnummer'; normalized: string }
  | { kind: 'invalid' }
  | { kind: 'pseudonym'; value: string }
  | { kind: 'empty' };

/**
 * "A value of 10 or 12 digits, with or without a - or + separator before the last four
 * … must pass the Luhn check on its last ten digits … normalised to 12 digits: a 10-digit
 * form takes the century that puts the birth date at most 100 years before the ingest date
 * (-) or more than 100 years before it (+). … samordningsnummer (day + 60). Any other
 * non-empty value is an already pseudonymous id." Surrounding whitespace is not part of it.
 */
function pnrOracle(raw: string, ingestDate: string): PnrVerdict {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  const m = /^([0-9]{6}|[0-9]{8})([-+]?)([0-9]{4})$/.exec(s);
  if (!m) return { kind: 'pseudonym', value: s };
  const digits = m[1]! + m[3]!;
  const ten = digits.slice(-10);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  if (sum % 10 !== 0) return { kind: 'invalid' };
  if (digits.length === 12) return { kind: 'personnummer', normalized: digits };
  // Birth date as the number YYYYMMDD: at most 100 years before the ingest date for '-'
  // (and not on it), more than 100 years before it for '+'.
  const day = Number(ten.slice(4, 6));
  const x = Number(ten.slice(0, 4)) * 100 + (day > 60 ? day - 60 : day);
  const ingest = Number(ingestDate.replaceAll('-', ''));
  const latest = m[2] === '+' ? ingest - 1_000_000 - 1 : ingest - 1;
  const century = Math.floor((latest - x) / 1_000_000);
  return { kind: 'personnummer', normalized: String(century).padStart(2, '0') + ten };
}

// ---------------------------------------------------------------------------------------
// Generators: valid forms, near misses (one or two characters changed) and arbitrary text.

function mutated(valid: fc.Arbitrary<string>, alphabet: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'replace', 'case'),
    ch: fc.constantFrom(...alphabet),
  });
  return fc.tuple(valid, fc.array(edit, { maxLength: 2 })).map(([s, edits]) => {
    let chars = [...s];
    for (const { at, op, ch } of edits) {
      const i = at % (chars.length + 1);
      if (op === 'insert') chars.splice(i, 0, ch);
      else if (op === 'delete') chars.splice(i, 1);
      else if (op === 'replace') chars[i] = ch;
      else
        chars = chars.map((c, k) =>
          k === i ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c,
        );
    }
    return chars.join('');
  });
}

const padded = (arb: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom('', '', '', ' ', '\t', '\u00a0', '  '),
      arb,
      fc.constantFrom('', '', '', ' ', '\t', '\u00a0'),
    )
    .map(([a, s, b]) => a + s + b);

function strings(
  valid: fc.Arbitrary<string>,
  nearMisses: readonly string[],
  alphabet: string,
): fc.Arbitrary<string> {
  return padded(
    fc.oneof(
      { weight: 3, arbitrary: valid },
      { weight: 4, arbitrary: mutated(valid, alphabet) },
      { weight: 3, arbitrary: fc.constantFrom(...nearMisses) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 12 }) },
    ),
  );
}

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const termStrings = strings(
  fc
    .tuple(
      fc.constantFrom('HT', 'VT', 'ht', 'vt', 'Ht', 'vT', 'H', 'V', 'h'),
      fc.constantFrom('', ' ', '-'),
      fc.oneof(digits(4), digits(2)),
    )
    .map((p) => p.join('')),
  [
    'HT 2025',
    'ht25',
    'HT2025',
    'VT2026',
    'H25',
    'V26',
    'HT-2025',
    'HT  2025',
    'HT_2025',
    'HT–2025',
    'HT2O25',
    'HT 25',
    'HT-25',
    'H2025',
    'HT202',
    'HT20255',
    'ST2025',
    'ＨＴ2025',
    'HT２０２５',
    'HT٢٠٢٥',
    'T2025',
    'HTT2025',
    'VH2025',
    '2025HT',
    'H 25',
    'h-25',
    'Höst 2024',
    'hösten 2024',
    'HÖSTTERMINEN 2024',
    'Vår 2025',
    'våren 2025',
    'Vårtermin 2025',
    'ho\u0308st 2024',
    'va\u030Aren 2025',
    'Hö\u017Ft 2024',
    'V\u212Br 2025',
    'hösten24',
    'Höst 24',
    'Höst-2024',
    'Höst  2024',
    'Var 2025',
    'Höstens 2024',
    'höst 20245',
    'HT2',
    'VT-2',
    'HT 20245',
  ],
  'HTVht0123456789 -_–.',
);

const decimalStrings = strings(
  fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.constantFrom('', '.', ','),
      fc.oneof(digits(1), digits(2), digits(4), digits(5)),
    )
    .map(([i, mark, f]) => (mark ? `${i}${mark}${f}` : `${i}`)),
  [
    '7,5',
    '7.5',
    '1 000,5',
    '1 000.5',
    '1.000,5',
    '1,000.5',
    '7..5',
    '7,,5',
    '.5',
    ',5',
    '7.',
    '+7,5',
    '-7,5',
    '7,5-',
    '7 ,5',
    '1e3',
    '1E3',
    'NaN',
    'inf',
    'Infinity',
    '٧,٥',
    '７,５',
    '0x1F',
    '7½',
    '12345678901234',
    '123456789012345',
    '1234567890',
    '123456-1234',
    '12345678-1234',
    '900101 1234',
    '99999999999999,9999',
    '0,00001',
    '--1',
    '+-1',
    '1 2 3',
    '1\u202f000',
  ],
  '0123456789.,+- e',
);

const intStrings = strings(
  fc.oneof(
    fc.integer({ min: -5, max: 1_000_000 }).map(String),
    fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String),
  ),
  [
    '1 000',
    '+7',
    '25,0',
    '25.00',
    '2,5',
    '12a',
    '-1',
    '0,0',
    '1.000',
    '1,000',
    '1e3',
    '٣',
    '３',
    '1234567890',
    '123456789012',
    '900101-1234',
    '9223372036854775808',
    '007',
    '0',
    ' ',
    '..',
    '25,',
    ',0',
  ],
  '0123456789.,+- ',
);

const boolStrings = strings(
  fc.constantFrom(
    'true',
    'false',
    '1',
    '0',
    'ja',
    'nej',
    'j',
    'n',
    'yes',
    'no',
    'y',
    'n',
    'sant',
    'falskt',
    'JA',
    'Nej',
    'SANT',
    'Falskt',
    'TRUE',
    'Y',
  ),
  [
    ' ja ',
    'SANT',
    'jaa',
    'nej!',
    'yes.',
    'ja/nej',
    'j a',
    'sann',
    'falsk',
    'x',
    'ok',
    '2',
    '-1',
    '01',
    '1.0',
    'on',
    'off',
    'J',
    'N',
    'ｊａ',
    'jа' /* Cyrillic а */,
  ],
  'truefalsjanyo10 ',
);

const dateStrings = strings(
  fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom('', '', ' 00:00:00', ' 12:30:00', 'T08:00', ' 00:00'),
    )
    .map(
      ([y, m, d, t]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${t}`,
    ),
  [
    '2025-02-30',
    '2024-02-29',
    '2025-02-29',
    '2100-02-29',
    '2000-02-29',
    '2025-3-14',
    '14/03/2025',
    '2025/03/14',
    '20250314',
    '2025-03-14Z',
    '2025-03-14 ',
    '2025-03-14 00:00',
    '2025-03-14T00:00:00',
    '2025-03-14 24:00:00',
    '2025-03-14 00:00:00.000',
    '2025-03-14x',
    '+2025-03-14',
    '-2025-03-14',
    '２０２５-03-14',
    '2025-03-14 00:00:00+01',
    '2025-13-01',
    '2025-00-10',
    '0000-01-01',
    '10000-01-01',
  ],
  '0123456789-: T',
);

// ---------------------------------------------------------------------------------------
// The cell rule of a contract column, run as ingest runs it: cleaned, then parsed.

/** A SQL string literal for any text (a NUL cannot stand inside a literal). */
const sqlText = (s: string) =>
  s
    .split('\u0000')
    .map((part) => `'${part.replaceAll("'", "''")}'`)
    .join(' || chr(0) || ');
const sqlList = (items: string[]) => `[${items.map(sqlText).join(', ')}]`;

const columnOf = (kind: Kind, name: string) => columnsOf(kind).find((c) => c.name === name)!;

async function parseCells(
  kind: Kind,
  name: string,
  cells: string[],
  valueSql: (p: string) => string,
): Promise<{ empty: boolean; value: string | null }[]> {
  const column = columnOf(kind, name);
  const rule = cellRule(column);
  const list = sqlList(cells);
  const rows = await db.rows<{ i: bigint; empty: boolean; value: string | null }>(
    `SELECT i, v IS NULL AS empty, (${valueSql(rule.parse('v'))})::VARCHAR AS value
     FROM (SELECT i, ${clean(column)} AS v FROM (SELECT generate_subscripts(${list}, 1) AS i, unnest(${list}) AS "${name}")) ORDER BY i`,
  );
  return rows.map((r) => ({ empty: r.empty, value: r.value }));
}

/** Checks one generated cell against its oracle (undefined verdict: only that nothing throws). */
function judge<T>(
  cell: string,
  verdict: Verdict<T>,
  got: { empty: boolean; value: string | null },
  show: (v: T) => string,
): void {
  if (verdict === undefined) return;
  if (!verdict.ok) {
    expect({ cell, empty: got.empty, value: got.value }, 'must be rejected').toEqual({
      cell,
      empty: false,
      value: null,
    });
    return;
  }
  if (verdict.value === null)
    expect({ cell, empty: got.empty }, 'empty: unknown, not rejected').toEqual({
      cell,
      empty: true,
    });
  else expect({ cell, value: got.value }).toEqual({ cell, value: show(verdict.value) });
}

/** Runs `arb` as a property; each run checks a batch of cells in one query (fast, and shrinks). */
async function cellProperty<T>(
  arb: fc.Arbitrary<string>,
  kind: Kind,
  name: string,
  oracle: (s: string) => Verdict<T>,
  valueSql: (p: string) => string,
  show: (v: T) => string,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arb, { minLength: 1, maxLength: 25 }), async (cells) => {
      const got = await parseCells(kind, name, cells, valueSql);
      for (const [i, cell] of cells.entries()) judge(cell, oracle(cell), got[i]!, show);
    }),
    fcParams(60),
  );
}

/** A DECIMAL(18,4) in ten-thousandths, exactly. */
const scaled = (p: string) => `replace(${p}::VARCHAR, '.', '')::HUGEINT`;

describe('cell rules against the contract', () => {
  it('terms', async () => {
    await cellProperty(
      termStrings,
      'registrations',
      'term',
      (s) => {
        const t = trimCell(s);
        if (t === '') return ACCEPT(null);
        const want = termOracle(t);
        return want === null ? REJECT : ACCEPT(want);
      },
      (p) => p,
      (v) => v,
    );
  });

  it('decimals (credits)', async () => {
    await cellProperty(decimalStrings, 'registrations', 'credits', decimalOracle, scaled, (v) =>
      v.toString(),
    );
  });

  it('whole numbers (participants)', async () => {
    await cellProperty(
      intStrings,
      'activity_sessions',
      'participants',
      intOracle,
      (p) => p,
      (v) => v.toString(),
    );
  });

  it('yes/no words (first_time)', async () => {
    await cellProperty(
      boolStrings,
      'registrations',
      'first_time',
      boolOracle,
      (p) => p,
      (v) => String(v),
    );
  });

  it('dates (registration_date)', async () => {
    await cellProperty(
      dateStrings,
      'registrations',
      'registration_date',
      dateOracle,
      (p) => `strftime(${p}, '%Y-%m-%d')`,
      (v) => v,
    );
  });

  it('fixed near misses', async () => {
    const cases: [Kind, string, string, string | null | 'REJECT'][] = [
      ['registrations', 'term', 'HT 2025', 'HT2025'],
      ['registrations', 'term', 'ht25', 'HT2025'], // 'ht24' in the contract's list
      ['registrations', 'term', ' VT-2026 ', 'VT2026'],
      ['registrations', 'term', 'HT  2025', 'REJECT'],
      ['registrations', 'term', 'HT25', 'HT2025'],
      ['registrations', 'term', 'hösten 2024', 'HT2024'],
      ['registrations', 'term', 'hösten24', 'REJECT'],
      ['registrations', 'registration_date', '2025-02-30', 'REJECT'],
      ['registrations', 'registration_date', '2024-02-29', '2024-02-29'],
      ['registrations', 'registration_date', '2025-03-14 00:00:00', '2025-03-14'],
      ['registrations', 'credits', '7,5', '75000'],
      ['registrations', 'credits', '1 000,5', '10005000'],
      ['registrations', 'credits', '1.000,5', '10005000'],
      ['registrations', 'credits', '1,000.5', '10005000'],
      ['registrations', 'credits', '1234567890', 'REJECT'], // shaped like a personnummer
      ['registrations', 'first_time', ' ja ', 'true'],
      ['registrations', 'first_time', 'SANT', 'true'],
      ['registrations', 'first_time', 'Falskt', 'false'],
      ['registrations', 'first_time', 'jaa', 'REJECT'],
      ['activity_sessions', 'participants', '1 000', '1000'],
      ['activity_sessions', 'participants', '2,5', 'REJECT'],
      ['activity_sessions', 'participants', '25,0', '25'],
    ];
    for (const [kind, name, cell, want] of cases) {
      const type = columnOf(kind, name).type;
      const valueSql =
        type === 'decimal'
          ? scaled
          : type === 'date'
            ? (p: string) => `strftime(${p}, '%Y-%m-%d')`
            : (p: string) => p;
      const [got] = await parseCells(kind, name, [cell], valueSql);
      expect({ cell, value: got!.value }).toEqual({ cell, value: want === 'REJECT' ? null : want });
    }
  });
});

describe('the term reader in TypeScript and SQL', () => {
  it('parseTerm and term_parse both follow the contract on any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(termStrings, { minLength: 1, maxLength: 25 }), async (cells) => {
        const list = sqlList(cells);
        const sql = await db.rows<{ t: string | null }>(
          `SELECT term_parse(s) AS t FROM (SELECT generate_subscripts(${list}, 1) AS i, unnest(${list}) AS s) ORDER BY i`,
        );
        cells.forEach((cell, i) => {
          const want = termOracle(cell);
          const ts = parseTerm(cell);
          expect({ cell, ts: ts && formatTerm(ts), sql: sql[i]!.t }).toEqual({
            cell,
            ts: want,
            sql: want,
          });
        });
      }),
      fcParams(60),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Personnummer: the oracle, classifyPersonId (TypeScript) and pnr_normalize (SQL).

const validTen = fc
  .tuple(digits(2), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 91 }), digits(3))
  .map(([yy, mm, dd, serial]) => {
    const nine = `${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${serial}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      const product = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
      sum += Math.floor(product / 10) + (product % 10);
    }
    return nine + String((10 - (sum % 10)) % 10);
  });

const pnrStrings = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('', '', '19', '20', '18'), validTen, fc.constantFrom('', '-', '+'))
      .map(([c, t, sep]) => `${c}${t.slice(0, 6)}${sep}${t.slice(6)}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('', '19', '20'), digits(10), fc.constantFrom('', '-', '+'))
      .map(([c, t, sep]) => `${c}${t.slice(0, 6)}${sep}${t.slice(6)}`),
  },
  {
    weight: 3,
    arbitrary: mutated(
      validTen.map((t) => `${t.slice(0, 6)}-${t.slice(6)}`),
      '0123456789-+ ',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '19900101-123',
      '900101--1234',
      '900101 1234',
      '9001011234 ',
      ' 199001011234',
      '1990-01-01-1234',
      '19900101_1234',
      'stud-00017',
      'P1',
      '٩٠٠١٠١-١٢٣٤',
      '９００１０１-１２３４',
      '900101+-1234',
      '+9001011234',
      '9001011234+',
      '19900101+1234',
      '0000000000',
      '000000-0000',
      'S-990101-1234',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 14 }) },
);

const ingestDates = fc.constantFrom(
  TEST_INGEST_DATE,
  '2026-01-01',
  '2025-12-31',
  '2000-02-29',
  '1999-06-15',
  '2099-12-31',
  '2100-01-01',
);

describe('personnummer', () => {
  it('classifyPersonId and pnr_normalize both follow the contract', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pnrStrings, { minLength: 1, maxLength: 25 }),
        ingestDates,
        async (ids, ingestDate) => {
          const list = sqlList(ids);
          const sql = await db.rows<{ shape: boolean; n: string | null }>(
            `SELECT pnr_shape(s) AS shape, pnr_normalize(s, DATE '${ingestDate}') AS n FROM (SELECT generate_subscripts(${list}, 1) AS i, unnest(${list}) AS s) ORDER BY i`,
          );
          ids.forEach((id, i) => {
            const want = pnrOracle(id, ingestDate);
            const ts = classifyPersonId(id, ingestDate);
            const tsView =
              ts.kind === 'personnummer'
                ? { kind: ts.kind, normalized: ts.normalized }
                : ts.kind === 'invalid'
                  ? { kind: 'invalid' }
                  : ts;
            expect({ id, ingestDate, ts: tsView }).toEqual({ id, ingestDate, ts: want });
            const sqlView =
              sql[i]!.n !== null
                ? { kind: 'personnummer', normalized: sql[i]!.n }
                : sql[i]!.shape
                  ? { kind: 'invalid' }
                  : { kind: 'other' };
            const wantSql =
              want.kind === 'personnummer' || want.kind === 'invalid' ? want : { kind: 'other' };
            expect({ id, ingestDate, sql: sqlView }).toEqual({ id, ingestDate, sql: wantSql });
          });
        },
      ),
      fcParams(60),
    );
  });
});

// ---------------------------------------------------------------------------------------
// End to end: generated cells written to a file and loaded. Each line is loaded exactly
// when every cell passes its oracle, a rejected line names exactly the failing columns,
// and a person_id arrives as HMAC(key, normalised number or pseudonym), birth year filled.

/** Cells a CSV line can hold without quoting: no delimiter, quote or line break; no NUL. */
const fileSafe = (arb: fc.Arbitrary<string>) => arb.map((s) => s.replace(/[;"\r\n\u0000]/g, ''));

describe('end to end through a file', () => {
  let fz: FuzzDb;
  beforeAll(async () => {
    fz = await FuzzDb.open();
  });
  afterAll(() => fz?.close());

  it(
    'registrations: term, credits, first_time, registration_date and person_id as the contract says',
    async () => {
      const rows = fc.sample(
        fc.record({
          person_id: fileSafe(fc.oneof(pnrStrings, fc.constant('stud-ÅÄÖ'))).map((s) =>
            s.replace(/^[^\S ]+|[^\S ]+$/gu, ''),
          ),
          term: fileSafe(termStrings),
          credits: fileSafe(decimalStrings),
          first_time: fileSafe(boolStrings),
          registration_date: fileSafe(dateStrings),
        }),
        { numRuns: Math.min(runs(300), 5000), seed: SEED },
      );
      const header = [
        'person_id',
        'term',
        'course_code',
        'credits',
        'first_time',
        'registration_date',
        'birth_year',
      ];
      const text = `${[header, ...rows.map((r) => [r.person_id, r.term, 'MA001G', r.credits, r.first_time, r.registration_date, ''])].map((cells) => csvLine(cells, ';')).join('\n')}\n`;
      const bytes = Buffer.from(text);
      const load = await ingestAndCheck(fz, fz.write('registrations', bytes), bytes);
      expect(load.status).toBe('loaded');
      expect(load.rowsRead).toBe(rows.length);

      const loaded = new Map(
        (
          await fz.rows<{ line: bigint; person_id: string; birth_year: number | null }>(
            `SELECT _line AS line, person_id, birth_year FROM raw_registrations`,
          )
        ).map((r) => [Number(r.line), r]),
      );
      const problems: unknown[] = [];
      rows.forEach((row, i) => {
        const line = i + 2;
        const rejected = new Set(
          load.rejects.filter((r) => r.line === line).map((r) => r.column_name),
        );
        const fails = new Set<string>();
        const open = new Set<string>();
        const note = (column: string, verdict: Verdict<unknown> | 'missing') => {
          if (verdict === undefined) open.add(column);
          else if (verdict === 'missing' || !verdict.ok) fails.add(column);
        };
        const term = trimCell(row.term);
        note('term', term === '' ? 'missing' : termOracle(term) === null ? REJECT : ACCEPT(1));
        const credits = decimalOracle(row.credits);
        note(
          'credits',
          credits?.ok
            ? credits.value === null || credits.value <= 0n || credits.value > 900_000n
              ? 'missing'
              : credits
            : credits,
        );
        const first = boolOracle(row.first_time);
        note('first_time', first?.ok && first.value === null ? 'missing' : first);
        note('registration_date', dateOracle(row.registration_date));
        const person = pnrOracle(row.person_id, TEST_INGEST_DATE);
        note(
          'person_id',
          person.kind === 'invalid' || person.kind === 'empty' ? 'missing' : ACCEPT(1),
        );
        const wrong = [...rejected].filter((c) => !fails.has(c) && !open.has(c));
        const missed = [...fails].filter((c) => !rejected.has(c));
        if (wrong.length || missed.length || (rejected.size === 0) !== loaded.has(line)) {
          problems.push({
            line,
            row,
            rejectedFor: [...rejected],
            shouldFail: [...fails],
            open: [...open],
          });
          return;
        }
        const got = loaded.get(line);
        if (got && (person.kind === 'personnummer' || person.kind === 'pseudonym')) {
          const value =
            person.kind === 'personnummer' ? person.normalized : trimCell(row.person_id);
          const pid = createHmac('sha256', TEST_KEY)
            .update(value, 'utf8')
            .digest('hex')
            .slice(0, 32);
          const birthYear =
            person.kind === 'personnummer' ? Number(person.normalized.slice(0, 4)) : null;
          if (
            got.person_id !== pid ||
            (got.birth_year === null ? null : Number(got.birth_year)) !== birthYear
          ) {
            problems.push({
              line,
              row,
              person: {
                got: got.person_id,
                want: pid,
                birthYear: got.birth_year,
                wantBirthYear: birthYear,
              },
            });
          }
        }
      });
      expect(problems).toEqual([]);
    },
    budget(1, 60_000),
  );
});
