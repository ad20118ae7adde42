// The SQL macros (sql/macros/terms.sql) and the TypeScript term calendar must agree exactly.
// Each check is one SQL query over the whole range, compared row by row with TypeScript.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  addTerms,
  formatTerm,
  parseTerm,
  termEnd,
  termFromKey,
  termKey,
  termOf,
  termStart,
} from '../../src/terms/term.ts';
import { withMacroConnection } from '../helpers/macro-db.ts';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

describe('SQL term macros agree with TypeScript', () => {
  it('term_of = termOf for every day 1995-01-01..2045-12-31', async () => {
    const rows = await withMacroConnection(async (c) =>
      (
        await c.runAndReadAll(`
          SELECT strftime(d, '%Y-%m-%d') AS d, term_of(d) AS term
          FROM (SELECT CAST(range AS DATE) AS d
                FROM range(DATE '1995-01-01', DATE '2046-01-01', INTERVAL 1 DAY))
          ORDER BY d`)
      ).getRowObjects(),
    );
    const days = (Date.UTC(2046, 0, 1) - Date.UTC(1995, 0, 1)) / 86_400_000;
    expect(rows).toHaveLength(days);
    expect(rows[0]?.d).toBe('1995-01-01');
    expect(rows.at(-1)?.d).toBe('2045-12-31');
    const mismatches = rows
      .map((r) => ({ date: String(r.d), sql: r.term, ts: formatTerm(termOf(String(r.d))) }))
      .filter((m) => m.sql !== m.ts);
    expect(mismatches).toEqual([]);
  });

  it('term_start, term_end, term_key, term_from_key = TypeScript for every term VT1995..HT2045', async () => {
    const rows = await withMacroConnection(async (c) =>
      (
        await c.runAndReadAll(`
          SELECT CAST(k AS INTEGER) AS k, term_from_key(k) AS term,
                 term_key(term_from_key(k)) AS key_back,
                 term_start(term_from_key(k))::VARCHAR AS start,
                 term_end(term_from_key(k))::VARCHAR AS "end"
          FROM range(1995 * 2, 2045 * 2 + 2) r(k)
          ORDER BY k`)
      ).getRowObjects(),
    );
    expect(rows).toHaveLength(102);
    const mismatches = rows
      .map((r) => {
        const t = termFromKey(Number(r.k));
        return {
          sql: [r.term, r.key_back, r.start, r.end],
          ts: [formatTerm(t), termKey(t), termStart(t), termEnd(t)],
        };
      })
      .filter((m) => JSON.stringify(m.sql) !== JSON.stringify(m.ts));
    expect(mismatches).toEqual([]);
  });

  it('term_add = addTerms for every term VT1995..HT2045 and n in -25..25', async () => {
    const rows = await withMacroConnection(async (c) =>
      (
        await c.runAndReadAll(`
          SELECT term_from_key(k) AS term, CAST(n AS INTEGER) AS n, term_add(term_from_key(k), n) AS sum
          FROM range(1995 * 2, 2045 * 2 + 2) r(k), range(-25, 26) s(n)`)
      ).getRowObjects(),
    );
    expect(rows).toHaveLength(102 * 51);
    const mismatches = rows
      .map((r) => ({
        term: r.term,
        n: r.n,
        sum: r.sum,
        ts: formatTerm(addTerms(parseTerm(String(r.term))!, Number(r.n))),
      }))
      .filter((m) => m.sum !== m.ts);
    expect(mismatches).toEqual([]);
  });

  it('term_parse = parseTerm on a list of spellings', async () => {
    const seasons = ['HT', 'VT', 'ht', 'vt', 'Ht', 'vT', 'H', 'V', 'h', 'v', 'XT', 'T', 'HV', ''];
    const separators = ['', ' ', '-', '_', '  ', '\t', '/'];
    const years = ['2025', '1999', '0000', '25', '00', '5', '202', '20255', '2x25', '２０２５', ''];
    const spellings = new Set<string>();
    for (const s of seasons)
      for (const sep of separators) for (const y of years) spellings.add(s + sep + y);
    for (const extra of [' HT2025', 'HT2025 ', 'HT2025\n', '2025HT', 'HT25x', "H'25", 'ĦT2025']) {
      spellings.add(extra);
    }
    // The Swedish words: each stem and ending in several cases, with ö/å precomposed,
    // decomposed (o/a + combining mark) and look-alikes that must stay rejected (ſ for s,
    // the Ångström sign for Å, which RE2's case folding would otherwise take).
    const stems = [
      'Höst',
      'höst',
      'HÖST',
      'hÖsT',
      'ho\u0308st',
      'HO\u0308ST',
      'Hö\u017Ft',
      'Host',
      'Hoest',
      'ho\u0301st',
      'Hös',
      'öst',
      'Vår',
      'vår',
      'VÅR',
      'vÅr',
      'va\u030Ar',
      'VA\u030AR',
      'V\u212Br',
      'Var',
      'vaar',
      'Vä',
      'år',
      'Sommar',
    ];
    const endings = [
      '',
      'en',
      'EN',
      'En',
      'termin',
      'TERMIN',
      'terminen',
      'Terminen',
      'n',
      'ens',
      'ter',
      'termine',
      'terminerna',
    ];
    const wordSeparators = [' ', '', '  ', '-', '\u00a0', ' -'];
    const wordYears = ['2024', '24', '2024 ', '20245', '２０２４', ''];
    for (const stem of stems) for (const ending of endings) spellings.add(`${stem}${ending} 2024`);
    for (const stem of ['Höst', 'hösten', 'Vår', 'VÅREN', 'vårterminen']) {
      for (const sep of wordSeparators) for (const y of wordYears) spellings.add(stem + sep + y);
    }
    const list = [...spellings];
    expect(list.length).toBeGreaterThan(500);

    const rows = await withMacroConnection(async (c) =>
      (
        await c.runAndReadAll(`
          SELECT s, term_parse(s) AS parsed
          FROM (VALUES ${list.map((s) => `(${sqlString(s)})`).join(', ')}) v(s)`)
      ).getRowObjects(),
    );
    expect(rows).toHaveLength(list.length);
    const mismatches = rows
      .map((r) => {
        const t = parseTerm(String(r.s));
        return { s: r.s, sql: r.parsed, ts: t ? formatTerm(t) : null };
      })
      .filter((m) => m.sql !== m.ts);
    expect(mismatches).toEqual([]);
    // Both sides accept some and reject most, so the comparison is not vacuous.
    const accepted = rows.filter((r) => r.parsed !== null).length;
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(list.length / 2);
    // Every stem × ending that is a real Swedish spelling was read, and only those:
    // (6 stems of höst + 6 of vår: four cases precomposed, two decomposed) × 8 endings
    // ('', en, EN, En, termin, TERMIN, terminen, Terminen) = 96. The separator/year grid
    // adds no other accepted text: its one-space 4-digit entries ('hösten 2024', …) are
    // among the 96, and everything else in it is rejected.
    const words = rows.filter(
      (r) => r.parsed !== null && !/^[HVhv][Tt]?[ -]?[0-9]/.test(String(r.s)),
    );
    expect(words).toHaveLength(96);
    expect(new Set(words.map((r) => r.parsed))).toEqual(new Set(['HT2024', 'VT2024']));
  });
});

describe('SQL term macros on their own', () => {
  it('give the known answers of the data contract', async () => {
    const row = await withMacroConnection(
      async (c) =>
        (
          await c.runAndReadAll(`
          SELECT term_start('VT2025')::VARCHAR AS vt25_start,
                 term_start('HT2025')::VARCHAR AS ht25_start,
                 term_end('HT2025')::VARCHAR AS ht25_end,
                 term_of(DATE '2026-01-11') AS of_0111,
                 term_start('VT2026')::VARCHAR AS vt26_start,
                 term_of(DATE '2026-06-30') AS of_0630,
                 term_start('HT2026')::VARCHAR AS ht26_start,
                 term_end('HT2026')::VARCHAR AS ht26_end,
                 term_end('HT2020')::VARCHAR AS ht20_end,
                 term_of(DATE '2027-01-17') AS of_270117,
                 term_key('HT2025') AS key, typeof(term_key('HT2025')) AS key_type,
                 typeof(term_start('HT2025')) AS start_type,
                 term_from_key(4052) AS from_key,
                 term_add('HT2025', 1) AS next, term_add('VT2026', -1) AS prev,
                 term_parse('ht-2025') AS parsed, term_start('h25')::VARCHAR AS loose_start`)
        ).getRowObjects()[0],
    );
    expect(row).toEqual({
      vt25_start: '2025-01-13',
      ht25_start: '2025-08-25',
      ht25_end: '2026-01-11',
      of_0111: 'HT2025',
      vt26_start: '2026-01-12',
      of_0630: 'VT2026',
      ht26_start: '2026-08-24',
      ht26_end: '2027-01-10',
      ht20_end: '2021-01-10',
      of_270117: 'HT2026',
      key: 4051,
      key_type: 'INTEGER',
      start_type: 'DATE',
      from_key: 'VT2026',
      next: 'VT2026',
      prev: 'HT2025',
      parsed: 'HT2025',
      loose_start: '2025-08-25',
    });
  });

  it('take the everyday spellings wherever a term is expected (term_key, term_start)', async () => {
    const row = await withMacroConnection(
      async (c) =>
        (
          await c.runAndReadAll(`
          SELECT term_parse('ht24') AS a, term_parse('HT 24') AS b, term_parse('VT-25') AS c,
                 term_parse('HÖST 2024') AS d, term_parse('våren 2025') AS e,
                 term_parse('ho' || chr(776) || 'sten 2024') AS f, term_parse('va' || chr(778) || 'r 2025') AS g,
                 term_key('hösten 2024') AS key, term_start('VT-25')::VARCHAR AS start,
                 term_parse('hösten24') AS no1, term_parse('Höst 24') AS no2, term_parse('HT2') AS no3,
                 term_parse('VT-2') AS no4, term_parse('HT 20245') AS no5, term_parse('Hö' || chr(383) || 't 2024') AS no6`)
        ).getRowObjects()[0],
    );
    expect(row).toEqual({
      a: 'HT2024',
      b: 'HT2024',
      c: 'VT2025',
      d: 'HT2024',
      e: 'VT2025',
      f: 'HT2024',
      g: 'VT2025',
      key: 2024 * 2 + 1, // 4049
      start: '2025-01-13', // Monday of ISO week 3 of 2025
      no1: null,
      no2: null,
      no3: null,
      no4: null,
      no5: null,
      no6: null,
    });
  });

  it('are NULL on NULL or invalid input', async () => {
    const row = await withMacroConnection(
      async (c) =>
        (
          await c.runAndReadAll(`
          SELECT term_parse(NULL) AS a, term_parse('XT2025') AS b, term_key('HT25x') AS c,
                 term_start('2025HT') AS d, term_end('') AS e, term_add('nope', 1) AS f,
                 term_of(NULL) AS g, term_from_key(-1) AS h, term_from_key(20000) AS i,
                 term_add('VT0000', -1) AS j`)
        ).getRowObjects()[0],
    );
    expect(Object.values(row ?? { missing: 1 }).every((v) => v === null)).toBe(true);
  });

  it('start on the Monday of ISO week 3 / 35 and end on a Sunday of ISO week 22 / 1-2 (DuckDB calendar)', async () => {
    const bad = await withMacroConnection(async (c) =>
      (
        await c.runAndReadAll(`
          WITH t AS (SELECT term_from_key(k) AS term, CAST(k // 2 AS INTEGER) AS y, k % 2 = 1 AS ht
                     FROM range(1900 * 2, 2200 * 2) r(k))
          SELECT term FROM t
          WHERE NOT (isodow(term_start(term)) = 1
                     AND isoyear(term_start(term)) = y
                     AND weekofyear(term_start(term)) = CASE WHEN ht THEN 35 ELSE 3 END
                     AND isodow(term_end(term)) = 7
                     AND term_end(term) - term_start(term) = 139
                     AND CASE WHEN ht
                              THEN isoyear(term_end(term)) = y + 1
                                   AND weekofyear(term_end(term)) = CASE WHEN weekofyear(make_date(y, 12, 28)) = 53 THEN 1 ELSE 2 END
                              ELSE weekofyear(term_end(term)) = 22 END)`)
      ).getRowObjects(),
    );
    expect(bad).toEqual([]);
  });
});

describe('sql/macros/terms.sql as a file', () => {
  const file = join(import.meta.dirname, '..', '..', 'sql', 'macros', 'terms.sql');

  it('holds only CREATE OR REPLACE TEMP MACRO statements', () => {
    const statements = readFileSync(file, 'utf8')
      .replace(/--[^\n]*/g, '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    expect(statements.length).toBeGreaterThanOrEqual(7);
    for (const s of statements) expect(s).toMatch(/^CREATE OR REPLACE TEMP MACRO /);
  });

  it('runs twice on a read-only connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'larsam-terms-'));
    try {
      const path = join(dir, 'ro.duckdb');
      (await DuckDBInstance.create(path)).closeSync();
      const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      const c = await instance.connect();
      try {
        const sql = readFileSync(file, 'utf8');
        await c.run(sql);
        await c.run(sql);
        const rows = (
          await c.runAndReadAll(`SELECT term_of(DATE '2026-01-11') AS t`)
        ).getRowObjects();
        expect(rows).toEqual([{ t: 'HT2025' }]);
      } finally {
        c.closeSync();
        instance.closeSync();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
