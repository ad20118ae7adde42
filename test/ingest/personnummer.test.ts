import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { withMacroConnection } from '../helpers/macro-db.ts';
import {
  classifyPersonId,
  hasPersonnummerShape,
  luhnCheckDigit,
  luhnOk,
  maskPersonId,
  trimPersonId,
  type PersonIdClass,
} from '../../src/ingest/personnummer.ts';

// Hand-computed valid numbers. Luhn for 900101-123?:
//   digits   9  0  0  1  0  1  1  2  3
//   weights  2  1  2  1  2  1  2  1  2
//   products 18 0  0  1  0  1  2  2  6  -> digit sums 9+0+0+1+0+1+2+2+6 = 21
//   check digit = (10 - 21 mod 10) mod 10 = 9   =>  900101-1239
// Likewise 900161-123 (samordningsnummer, day 01 + 60): 9+0+0+1+3+1+2+2+6 = 24 -> 6
//          240301-123: 4+4+0+3+0+1+2+2+6 = 22 -> 8,  240361-123: 4+4+0+3+3+1+2+2+6 = 25 -> 5
//          000101-123: 0+0+0+1+0+1+2+2+6 = 12 -> 8
const PNR_1990 = '9001011239';
const SAMORD_1990 = '9001611236';
const PNR_240301 = '2403011238';
const SAMORD_240361 = '2403611235';

function pnr(normalized: string, coordination = false): PersonIdClass {
  return {
    kind: 'personnummer',
    normalized,
    birthYear: Number(normalized.slice(0, 4)),
    coordination,
  };
}
const INVALID: PersonIdClass = { kind: 'invalid', reason: 'invalid personnummer checksum' };

describe('luhn', () => {
  it('computes and checks the check digit', () => {
    expect(luhnCheckDigit('900101123')).toBe('9');
    expect(luhnCheckDigit('900161123')).toBe('6');
    expect(luhnCheckDigit('240301123')).toBe('8');
    expect(luhnCheckDigit('000101123')).toBe('8');
    expect(luhnOk(PNR_1990)).toBe(true);
    expect(luhnOk('9001011234')).toBe(false);
    expect(luhnOk('900101123')).toBe(false);
    expect(luhnOk('900101-1239')).toBe(false);
    expect(() => luhnCheckDigit('90010112')).toThrow(RangeError);
    expect(() => luhnCheckDigit('90010112x')).toThrow(RangeError);
  });

  it('luhnCheckDigit makes every nine digits valid and any other last digit invalid', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{9}$/),
        fc.integer({ min: 1, max: 9 }),
        (nine, shift) => {
          const c = luhnCheckDigit(nine);
          expect(luhnOk(nine + c)).toBe(true);
          expect(luhnOk(nine + String((Number(c) + shift) % 10))).toBe(false);
        },
      ),
    );
  });
});

describe('classifyPersonId (hand cases)', () => {
  const D = '2024-03-01';
  it.each<[string, string, PersonIdClass]>([
    ['199001011239', D, pnr('199001011239')],
    ['19900101-1239', D, pnr('199001011239')],
    ['900101-1239', D, pnr('199001011239')],
    ['9001011239', D, pnr('199001011239')],
    ['900101+1239', D, pnr('189001011239')],
    ['19900101+1239', D, pnr('199001011239')], // 12 digits keep their own century
    ['18900101-1239', D, pnr('189001011239')],
    ['  900101-1239\u00a0\n', D, pnr('199001011239')],
    ['000101-1238', D, pnr('200001011238')],
    ['000101-1238', '1999-12-31', pnr('190001011238')],
    // samordningsnummer: day 61 = the 1st
    ['900161-1236', D, pnr('199001611236', true)],
    ['19900161-1236', D, pnr('199001611236', true)],
    // exactly-100-years boundary against ingest date 2024-03-01 (YYMMDD 240301)
    [`${PNR_240301.slice(0, 6)}-${PNR_240301.slice(6)}`, '2024-03-01', pnr('192403011238')], // exactly 100 years: '-'
    [`${PNR_240301.slice(0, 6)}+${PNR_240301.slice(6)}`, '2024-03-01', pnr('182403011238')],
    [PNR_240301, '2024-03-02', pnr('202403011238')], // born the day before the ingest date
    [PNR_240301, '2024-02-29', pnr('192403011238')], // one day short of 100 years
    [`${PNR_240301.slice(0, 6)}+${PNR_240301.slice(6)}`, '2024-03-02', pnr('192403011238')], // 100 years and a day
    [SAMORD_240361, '2024-03-01', pnr('192403611235', true)], // day 61 compares as day 01
    [SAMORD_240361, '2024-03-02', pnr('202403611235', true)],
    // bad checksums
    ['900101-1234', D, INVALID],
    ['199001011234', D, INVALID],
    ['9001611230', D, INVALID],
    // no calendar validation, only Luhn: month 13, day 00 pass if Luhn passes
    [
      `901300-123${luhnCheckDigit('901300123')}`,
      D,
      pnr(`19901300123${luhnCheckDigit('901300123')}`),
    ],
    // pseudonyms
    ['stud-00017', D, { kind: 'pseudonym', value: 'stud-00017' }],
    ['A1234', D, { kind: 'pseudonym', value: 'A1234' }],
    ['12345', D, { kind: 'pseudonym', value: '12345' }],
    [' 12345 ', D, { kind: 'pseudonym', value: '12345' }],
    ['90010112390', D, { kind: 'pseudonym', value: '90010112390' }], // 11 digits
    ['900101--1239', D, { kind: 'pseudonym', value: '900101--1239' }],
    ['9001011-239', D, { kind: 'pseudonym', value: '9001011-239' }],
    ['９００１０１-１２３９', D, { kind: 'pseudonym', value: '９００１０１-１２３９' }], // full-width digits
    ['900101-1239\u200b', D, { kind: 'pseudonym', value: '900101-1239\u200b' }], // ZWSP is not whitespace
    ['', D, { kind: 'empty' }],
    [' \t\u3000', D, { kind: 'empty' }],
  ])('%j at %s', (raw, date, expected) => {
    expect(classifyPersonId(raw, date)).toEqual(expected);
  });

  it('rejects a malformed ingest date', () => {
    expect(() => classifyPersonId('A1', '2024-02-30')).toThrow(RangeError);
    expect(() => classifyPersonId('A1', '20240301')).toThrow(RangeError);
  });

  it('masks every person_id down to its shape', () => {
    expect(maskPersonId('900101-1234')).toBe('******-****');
    expect(maskPersonId(' 19900101+1239 ')).toBe('********+****');
    expect(maskPersonId('199001011239')).toBe('************');
    expect(maskPersonId('stud-00017')).toBe('****-*****');
    expect(maskPersonId('Åre😀')).toBe('****');
    expect(maskPersonId('  ')).toBe('');
  });
});

// ---------------------------------------------------------------------------------------
// TypeScript and SQL agree

const WS_CHARS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2005',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];
const NOT_WS_CHARS = ['\u200b', '\u0085', '\u180e', 'x', '0', '-', '\u0000'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

const ingestDateArb = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(isoDate);
const wsArb = fc.array(fc.constantFrom(...WS_CHARS), { maxLength: 2 }).map((a) => a.join(''));
const edgeArb = fc.oneof(
  { weight: 8, arbitrary: wsArb },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_WS_CHARS) },
);

interface Case {
  raw: string;
  date: string;
}

/** A personnummer-shaped value from parts: yymmdd as a number (may be out of range), etc. */
function buildPnr(p: {
  yymmdd: number;
  nnn: number;
  validLuhn: boolean;
  wrong: number;
  twelve: boolean;
  century: number;
  sep: '' | '-' | '+';
  pre: string;
  post: string;
}): string {
  const nine = pad(p.yymmdd, 6) + pad(p.nnn, 3);
  const good = Number(luhnCheckDigit(nine));
  const check = p.validLuhn ? good : (good + p.wrong) % 10;
  const head = (p.twelve ? pad(p.century, 2) : '') + nine.slice(0, 6);
  return `${p.pre}${head}${p.sep}${nine.slice(6)}${check}${p.post}`;
}

const pnrPartsArb = {
  nnn: fc.integer({ min: 0, max: 999 }),
  validLuhn: fc.boolean(),
  wrong: fc.integer({ min: 1, max: 9 }),
  twelve: fc.boolean(),
  century: fc.oneof(fc.integer({ min: 18, max: 20 }), fc.integer({ min: 0, max: 99 })),
  sep: fc.constantFrom<'' | '-' | '+'>('', '-', '+'),
  pre: edgeArb,
  post: edgeArb,
};

const dayArb = fc.oneof(
  fc.integer({ min: 1, max: 31 }),
  fc.integer({ min: 61, max: 91 }), // samordningsnummer
  fc.integer({ min: 0, max: 99 }), // not a date, still only Luhn-checked
);

const randomPnrCase: fc.Arbitrary<Case> = fc
  .record({
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    dd: dayArb,
    date: ingestDateArb,
    ...pnrPartsArb,
  })
  .map((r) => ({
    raw: buildPnr({ ...r, yymmdd: r.yy * 10000 + r.mm * 100 + r.dd }),
    date: r.date,
  }));

/** YYMMDD within a day of the ingest date's YYMMDD: the exact-100-years boundary. */
const boundaryPnrCase: fc.Arbitrary<Case> = fc
  .record({
    date: ingestDateArb,
    delta: fc.integer({ min: -1, max: 1 }),
    samord: fc.boolean(),
    ...pnrPartsArb,
  })
  .map((r) => {
    const [y, m, d] = r.date.split('-').map(Number) as [number, number, number];
    const day = d + r.delta + (r.samord ? 60 : 0);
    return { raw: buildPnr({ ...r, yymmdd: (y % 100) * 10000 + m * 100 + day }), date: r.date };
  });

const digitSoupCase: fc.Arbitrary<Case> = fc
  .record({
    s: fc.array(fc.constantFrom('0', '1', '5', '9', '-', '+', ' ', '\u00a0'), { maxLength: 15 }),
    date: ingestDateArb,
  })
  .map((r) => ({ raw: r.s.join(''), date: r.date }));

const anyStringCase: fc.Arbitrary<Case> = fc
  .record({
    s: fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...WS_CHARS, ...NOT_WS_CHARS, 'a', 'Å', '😀', '1', '-') }),
    ),
    date: ingestDateArb,
  })
  .map((r) => ({ raw: r.s, date: r.date }));

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 4, arbitrary: randomPnrCase },
  { weight: 3, arbitrary: boundaryPnrCase },
  { weight: 1, arbitrary: digitSoupCase },
  { weight: 2, arbitrary: anyStringCase },
);

interface SqlRow {
  shape: boolean;
  luhn: boolean | null;
  norm: string | null;
  birth_year: number | null;
  trimmed: string;
  mask: string;
}

/** Evaluates the macros for a whole batch in one query (the batch is bound as two lists). */
async function sqlBatch(c: DuckDBConnection, cases: readonly Case[]): Promise<SqlRow[]> {
  const reader = await c.runAndReadAll(
    `SELECT i, pnr_shape(s) AS shape, pnr_luhn_ok(s) AS luhn, pnr_normalize(s, d) AS norm,
            pnr_birth_year(s, d) AS birth_year, pnr_trim(s) AS trimmed, pnr_mask(s) AS mask
     FROM (SELECT unnest($s) AS s, CAST(unnest($d) AS DATE) AS d, generate_subscripts($s, 1) AS i)
     ORDER BY i`,
    { s: listValue(cases.map((x) => x.raw)), d: listValue(cases.map((x) => x.date)) },
    { s: LIST(VARCHAR), d: LIST(VARCHAR) },
  );
  const rows = reader.getRowObjectsJS() as unknown as SqlRow[];
  expect(rows).toHaveLength(cases.length);
  return rows;
}

function expectAgreement(x: Case, row: SqlRow): void {
  const ts = classifyPersonId(x.raw, x.date);
  const label = JSON.stringify(x);
  const shaped = ts.kind === 'personnummer' || ts.kind === 'invalid';
  expect(hasPersonnummerShape(x.raw), label).toBe(shaped);
  expect(row.shape, label).toBe(shaped);
  expect(row.luhn, label).toBe(
    ts.kind === 'personnummer' ? true : ts.kind === 'invalid' ? false : null,
  );
  expect(row.norm, label).toBe(ts.kind === 'personnummer' ? ts.normalized : null);
  expect(row.birth_year, label).toBe(ts.kind === 'personnummer' ? ts.birthYear : null);
  expect(row.trimmed, label).toBe(trimPersonId(x.raw));
  expect(trimPersonId(x.raw), label).toBe(x.raw.trim());
  if (ts.kind === 'pseudonym') expect(row.trimmed, label).toBe(ts.value);
  if (ts.kind === 'empty') expect(row.trimmed, label).toBe('');
  expect(row.mask, label).toBe(maskPersonId(x.raw));
  if (ts.kind === 'personnummer') {
    expect(ts.normalized, label).toMatch(/^[0-9]{12}$/);
    expect(luhnOk(ts.normalized.slice(2)), label).toBe(true);
  }
}

describe('SQL macros agree with TypeScript', () => {
  it('on hand cases and generated batches', async () => {
    await withMacroConnection(async (c) => {
      const hand: Case[] = [
        '199001011239',
        '19900101-1239',
        '900101-1239',
        '900101+1239',
        '19900101+1239',
        PNR_1990,
        SAMORD_1990,
        '900101-1234',
        'stud-00017',
        'A1234',
        '12345',
        '',
        '   ',
        '\u00a0900101-1239\u2028',
        PNR_240301,
        `${PNR_240301.slice(0, 6)}+${PNR_240301.slice(6)}`,
        SAMORD_240361,
        '000101-1238',
      ].flatMap((raw) =>
        ['2024-03-01', '2024-02-29', '2024-03-02', '1999-12-31'].map((date) => ({ raw, date })),
      );
      const rows = await sqlBatch(c, hand);
      for (const [i, x] of hand.entries()) expectAgreement(x, rows[i]!);

      let seen = { personnummer: 0, invalid: 0, pseudonym: 0, empty: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(caseArb, { minLength: 1, maxLength: 400, size: 'max' }),
          async (cases) => {
            const batch = await sqlBatch(c, cases);
            cases.forEach((x, i) => {
              expectAgreement(x, batch[i]!);
              const k = classifyPersonId(x.raw, x.date).kind;
              seen = { ...seen, [k]: seen[k] + 1 };
            });
          },
        ),
        { numRuns: 60 },
      );
      // the generators reach every kind
      expect(seen.personnummer).toBeGreaterThan(1000);
      expect(seen.invalid).toBeGreaterThan(1000);
      expect(seen.pseudonym).toBeGreaterThan(1000);
      expect(seen.empty).toBeGreaterThan(0);
    });
  });

  it('NULL in, NULL out (shape false)', async () => {
    await withMacroConnection(async (c) => {
      const r = await c.runAndReadAll(
        `SELECT pnr_shape(NULL::VARCHAR) AS shape, pnr_luhn_ok(NULL::VARCHAR) AS luhn,
                pnr_normalize(NULL::VARCHAR, DATE '2024-01-01') AS norm,
                pnr_birth_year(NULL::VARCHAR, DATE '2024-01-01') AS birth_year`,
      );
      expect(r.getRowObjectsJS()).toEqual([
        { shape: false, luhn: null, norm: null, birth_year: null },
      ]);
    });
  });

  // LARSAM_BENCH=1 npx vitest run test/ingest/personnummer.test.ts
  it.runIf(process.env.LARSAM_BENCH)('5 million rows (timing)', async () => {
    await withMacroConnection(async (c) => {
      await c.run(`CREATE TEMP TABLE ids AS SELECT CASE i % 5
          WHEN 0 THEN lpad(((i * 7919) % 10000000000)::VARCHAR, 10, '0')
          WHEN 1 THEN '19' || lpad(((i * 104729) % 10000000000)::VARCHAR, 10, '0')
          WHEN 2 THEN lpad(((i * 15485863) % 1000000)::VARCHAR, 6, '0') || '-' || lpad((i % 10000)::VARCHAR, 4, '0')
          WHEN 3 THEN 'stud-' || lpad(i::VARCHAR, 7, '0')
          ELSE ' 20' || lpad(((i * 31) % 1000000)::VARCHAR, 6, '0') || '+' || lpad((i % 10000)::VARCHAR, 4, '0') END AS s
        FROM range(5000000) r(i)`);
      for (const [label, sql] of [
        [
          'shape+luhn+normalize+birth_year',
          `SELECT count(n), sum(y), count(*) FILTER (l), count(*) FILTER (sh) FROM
           (SELECT pnr_normalize(s, DATE '2025-06-01') n, pnr_birth_year(s, DATE '2025-06-01') y, pnr_luhn_ok(s) l, pnr_shape(s) sh FROM ids)`,
        ],
        [
          'normalize only',
          `SELECT count(n) FROM (SELECT pnr_normalize(s, DATE '2025-06-01') n FROM ids)`,
        ],
        ['shape only', `SELECT count(*) FILTER (sh) FROM (SELECT pnr_shape(s) sh FROM ids)`],
        ['WHERE NOT pnr_luhn_ok', `SELECT count(*) FROM ids WHERE NOT pnr_luhn_ok(s)`],
      ] as const) {
        const t = performance.now();
        await c.runAndReadAll(sql);
        console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms for 5M rows`);
      }
    });
  });
});
