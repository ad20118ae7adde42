// The generator: same options give the same bytes whatever the thread count (also beyond
// one row group and one part), each person's rows come together, another seed gives
// other data, every file has the contract's columns in order and ingests with
// no rejected row (CSV and Parquet), and bad options are refused with a fix.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/contract/columns-of.ts';
import { KINDS } from '../../src/contract/kinds.ts';
import { generate } from '../../src/generate/generate.ts';
import { type GenerateOptions, MAX_PERSONS, MIN_TERMS } from '../../src/generate/options.ts';
import { GENERATE_ERRORS } from '../../src/messages/generate.ts';
import { LarsamError } from '../../src/util/errors.ts';
import { Workspace } from '../helpers/workspace.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'larsam-generate-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const BASE: Omit<GenerateOptions, 'out'> = {
  persons: 3000,
  seed: 11,
  fromTerm: 'HT2021',
  toTerm: 'HT2025',
  format: 'csv',
};

/**
 * Persons whose rows are not all together (scattered) and persons with a term before the
 * term of their previous row (termsBackwards; termColumn null: not checked).
 */
function personOrder(
  csv: string,
  termColumn: number | null,
): { scattered: string[]; termsBackwards: string[] } {
  const seen = new Set<string>();
  const scattered: string[] = [];
  const termsBackwards: string[] = [];
  const termKey = (term: string) => Number(term.slice(2)) * 2 + (term.startsWith('HT') ? 1 : 0);
  let previous = '';
  let previousTerm = -1;
  for (const line of csv.split('\n').slice(1)) {
    if (!line) continue;
    const cells = line.split(',');
    const person = cells[0]!;
    const term = termColumn === null ? 0 : termKey(cells[termColumn]!);
    if (person !== previous) {
      if (seen.has(person)) scattered.push(person);
      seen.add(person);
    } else if (term < previousTerm) {
      termsBackwards.push(person);
    }
    previous = person;
    previousTerm = term;
  }
  return { scattered, termsBackwards };
}

function bytesOf(dir: string, format: string): Map<string, Buffer> {
  return new Map(KINDS.map((kind) => [kind, readFileSync(join(dir, `${kind}.${format}`))]));
}

describe('generate', () => {
  it('writes byte-identical files for the same options, with one thread or several', async () => {
    const a = tempDir();
    const b = tempDir();
    const first = await generate({ ...BASE, out: a, threads: 1 });
    await generate({ ...BASE, out: b, threads: 4 });
    expect(first.files.map((f) => f.kind)).toEqual(KINDS);
    const left = bytesOf(a, 'csv');
    const right = bytesOf(b, 'csv');
    for (const kind of KINDS)
      expect(left.get(kind)!.equals(right.get(kind)!), `${kind}.csv`).toBe(true);
    expect(first.files.find((f) => f.kind === 'registrations')!.rows).toBeGreaterThan(10_000);
  }, 60_000);

  it("writes each person's registrations and results together, term by term", async () => {
    const out = tempDir();
    await generate({ ...BASE, out });
    expect(personOrder(readFileSync(join(out, 'registrations.csv'), 'utf8'), 1)).toEqual({
      scattered: [],
      termsBackwards: [],
    });
    expect(personOrder(readFileSync(join(out, 'results.csv'), 'utf8'), null).scattered).toEqual([]);
  }, 60_000);

  // Beyond one row group (122 880 rows) of the person table and one part of the large
  // files, where several threads would reorder rows at joins and an UPDATE of a list
  // column moves rows: the sizes above fit in one of each.
  it('writes the same bytes with one thread or three at 130 000 persons, CSV and Parquet, persons in order', async () => {
    const large = { ...BASE, persons: 130_000, fromTerm: 'VT2024', toTerm: 'HT2025' };
    const [a, b, c, d] = [tempDir(), tempDir(), tempDir(), tempDir()];
    await generate({ ...large, out: a, threads: 1 });
    await generate({ ...large, out: b, threads: 3 });
    for (const kind of ['registrations', 'results'] as const) {
      expect(
        readFileSync(join(a, `${kind}.csv`)).equals(readFileSync(join(b, `${kind}.csv`))),
        `${kind}.csv`,
      ).toBe(true);
    }
    expect(personOrder(readFileSync(join(a, 'registrations.csv'), 'utf8'), 1)).toEqual({
      scattered: [],
      termsBackwards: [],
    });
    await generate({ ...large, out: c, format: 'parquet', threads: 1 });
    await generate({ ...large, out: d, format: 'parquet', threads: 3 });
    for (const kind of ['registrations', 'results'] as const) {
      expect(
        readFileSync(join(c, `${kind}.parquet`)).equals(readFileSync(join(d, `${kind}.parquet`))),
        `${kind}.parquet`,
      ).toBe(true);
    }
  }, 240_000);

  it('writes other persons for another seed', async () => {
    const a = tempDir();
    const b = tempDir();
    await generate({ ...BASE, persons: 500, out: a });
    await generate({ ...BASE, persons: 500, seed: 12, out: b });
    expect(
      readFileSync(join(a, 'registrations.csv')).equals(readFileSync(join(b, 'registrations.csv'))),
    ).toBe(false);
    // the reference data does not depend on the seed
    expect(
      readFileSync(join(a, 'municipalities.csv')).equals(
        readFileSync(join(b, 'municipalities.csv')),
      ),
    ).toBe(true);
  }, 60_000);

  it("writes the contract's columns in the contract's order and ingests with no rejected row", async () => {
    const out = tempDir();
    await generate({ ...BASE, out });
    for (const kind of KINDS) {
      const header = readFileSync(join(out, `${kind}.csv`), 'utf8').split('\n', 1)[0];
      // population's optional age span (age_from, age_to) is left out: its rows are all of 20–64.
      const columns = columnsOf(kind)
        .map((c) => c.name)
        .filter((n) => kind !== 'population' || (n !== 'age_from' && n !== 'age_to'));
      expect(header, kind).toBe(columns.join(','));
    }
    const ws = new Workspace();
    try {
      const report = await ws.ingest([out]);
      expect(report.failures).toEqual([]);
      expect(report.results).toHaveLength(KINDS.length);
      for (const result of report.results)
        expect([result.kind, result.rowsRejected]).toEqual([result.kind, 0]);
      // nine terms, HT2021 to HT2025
      expect(
        await ws.query(`SELECT count(DISTINCT term)::INT AS n FROM raw_registrations`),
      ).toEqual([{ n: 9 }]);
    } finally {
      ws.remove();
    }
  }, 60_000);

  it('writes Parquet that is byte-identical across thread counts and ingests like the CSV', async () => {
    const a = tempDir();
    const b = tempDir();
    await generate({ ...BASE, persons: 1000, format: 'parquet', out: a, threads: 1 });
    await generate({ ...BASE, persons: 1000, format: 'parquet', out: b, threads: 3 });
    const left = bytesOf(a, 'parquet');
    const right = bytesOf(b, 'parquet');
    for (const kind of KINDS)
      expect(left.get(kind)!.equals(right.get(kind)!), `${kind}.parquet`).toBe(true);
    const csv = tempDir();
    await generate({ ...BASE, persons: 1000, out: csv });
    const fromParquet = new Workspace();
    const fromCsv = new Workspace();
    try {
      expect((await fromParquet.ingest([a])).results.every((r) => r.rowsRejected === 0)).toBe(true);
      await fromCsv.ingest([csv]);
      const sql = `SELECT count(*)::INT AS n, sum(credits)::DOUBLE AS hp, count(DISTINCT person_id)::INT AS persons,
                          min(result_date)::VARCHAR AS first, max(result_date)::VARCHAR AS last FROM raw_results`;
      expect(await fromParquet.query(sql)).toEqual(await fromCsv.query(sql));
    } finally {
      fromParquet.remove();
      fromCsv.remove();
    }
  }, 60_000);

  it('refuses options it cannot honour, saying how to fix them', async () => {
    const out = tempDir();
    const refused = async (options: Partial<GenerateOptions>) => {
      const error = await generate({ ...BASE, out, ...options }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LarsamError);
      return (error as LarsamError).message;
    };
    expect(await refused({ persons: 10 })).toBe(GENERATE_ERRORS.persons(10, MAX_PERSONS).text.en);
    expect(await refused({ seed: -1 })).toBe(GENERATE_ERRORS.seed(-1).text.en);
    expect(await refused({ fromTerm: 'autumn 2024' })).toBe(
      GENERATE_ERRORS.notATerm('--from-term', 'autumn 2024').text.en,
    );
    expect(await refused({ fromTerm: 'VT2025', toTerm: 'HT2025' })).toBe(
      GENERATE_ERRORS.tooFewTerms('VT2025', 'HT2025', MIN_TERMS).text.en,
    );
  });
});
