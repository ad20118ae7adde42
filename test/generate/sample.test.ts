// The committed sample in data-samples/: a fresh run of the generator with the options in
// data-samples/README.md gives the same bytes, it ingests with no rejected row, it has
// the traits the README states, and the planted activity effects lead to the intended
// recommendations (read with test/generate/planted-decisions.sql).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/contract/kinds.ts';
import { Database } from '../../src/db/database.ts';
import { generate } from '../../src/generate/generate.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { Workspace } from '../helpers/workspace.ts';

const SAMPLES = join(projectRoot, 'data-samples');
const SAMPLE_OPTIONS = {
  persons: 2000,
  seed: 1,
  fromTerm: 'VT2022',
  toTerm: 'HT2025',
  format: 'csv' as const,
};

/** The recommendation data-samples/README.md says each activity is planted to get. */
const INTENDED: Record<string, string> = {
  'INSP-KRA': 'continue',
  'BESOK-HJD': 'end',
  'INSP-OVK': 'develop',
  'PROVA-RAG': 'insufficient_data',
  'FÖREL-ÅRE': 'develop',
  'MENT-ÖSD': 'continue',
  'STUD-SDH': 'end',
  'TENTA-HUD': 'ended',
  'TENTA-LJD': 'continue',
  'STUD-SOL': 'in_progress',
};

let ws: Workspace;
beforeAll(async () => {
  ws = new Workspace();
  const report = await ws.ingest([SAMPLES]);
  expect(report.failures).toEqual([]);
}, 60_000);
afterAll(() => ws.remove());

async function one<T extends Record<string, unknown>>(sql: string): Promise<T> {
  return (await ws.query<T>(sql))[0]!;
}

describe('data-samples', () => {
  it('is what the generator writes with the documented options, byte for byte', async () => {
    const readme = readFileSync(join(SAMPLES, 'README.md'), 'utf8');
    expect(readme).toContain(
      'larsam generate --out data-samples --persons 2000 --seed 1 --from-term VT2022 --to-term HT2025',
    );
    const out = mkdtempSync(join(tmpdir(), 'larsam-sample-'));
    try {
      await generate({ out, ...SAMPLE_OPTIONS });
      for (const kind of KINDS) {
        expect(
          readFileSync(join(SAMPLES, `${kind}.csv`)).equals(readFileSync(join(out, `${kind}.csv`))),
          `${kind}.csv differs from a fresh run`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('holds one file per kind, nothing else at the top, under 3 MB in all', () => {
    const files = readdirSync(SAMPLES).filter((name) => statSync(join(SAMPLES, name)).isFile());
    expect(files.sort()).toEqual([...KINDS.map((kind) => `${kind}.csv`), 'README.md'].sort());
    const bytes = (dir: string): number =>
      readdirSync(dir).reduce((sum, name) => {
        const stats = statSync(join(dir, name));
        return sum + (stats.isDirectory() ? bytes(join(dir, name)) : stats.size);
      }, 0);
    expect(bytes(SAMPLES)).toBeLessThan(3 * 1024 * 1024);
  });

  it('ingests with no rejected row', async () => {
    const loads = await ws.query<{ kind: string; rows_loaded: number; rows_rejected: number }>(
      `SELECT kind, rows_loaded::INT AS rows_loaded, rows_rejected::INT AS rows_rejected FROM loads ORDER BY kind`,
    );
    expect(loads.map((l) => l.kind).sort()).toEqual([...KINDS].sort());
    for (const load of loads) {
      expect(load.rows_rejected, load.kind).toBe(0);
      expect(load.rows_loaded, load.kind).toBeGreaterThan(0);
    }
    expect(await one(`SELECT count(*)::INT AS n FROM rejects`)).toEqual({ n: 0 });
  });

  it('spans eight terms with the registrations the README describes', async () => {
    type Shares = Record<
      | 'terms'
      | 'registrations'
      | 'persons'
      | 'first_time_share'
      | 'new_person_share'
      | 'lc_person_share'
      | 'distance_share'
      | 'parents_unknown_share'
      | 'foreign_unknown_share'
      | 'home_unknown_share'
      | 'credit_sizes',
      number
    >;
    const r = await one<Shares>(`
      SELECT count(DISTINCT term)::INT AS terms,
             count(*)::INT AS registrations,
             count(DISTINCT person_id)::INT AS persons,
             avg(first_time::INT) AS first_time_share,
             count(DISTINCT person_id) FILTER (WHERE first_time) / count(DISTINCT person_id) AS new_person_share,
             count(DISTINCT person_id) FILTER (WHERE centre_id IS NOT NULL) / count(DISTINCT person_id) AS lc_person_share,
             avg(distance::INT) AS distance_share,
             avg((parental_education IS NULL OR parental_education = 'unknown')::INT) AS parents_unknown_share,
             avg((foreign_background IS NULL)::INT) AS foreign_unknown_share,
             avg((home_municipality IS NULL)::INT) AS home_unknown_share,
             count(DISTINCT credits)::INT AS credit_sizes
      FROM raw_registrations`);
    expect(r.terms).toBe(8);
    expect(r.registrations).toBeGreaterThan(9_000);
    expect(r.persons).toBeGreaterThan(1_600);
    expect(r.first_time_share).toBeGreaterThan(0.15);
    expect(r.first_time_share).toBeLessThan(0.25);
    expect(r.new_person_share).toBeGreaterThan(0.5);
    expect(r.new_person_share).toBeLessThan(0.7);
    expect(r.lc_person_share).toBeGreaterThan(0.08);
    expect(r.lc_person_share).toBeLessThan(0.2);
    expect(r.distance_share).toBeGreaterThan(0.4);
    expect(r.distance_share).toBeLessThan(0.6);
    expect(r.parents_unknown_share).toBeGreaterThan(0.08);
    expect(r.parents_unknown_share).toBeLessThan(0.18);
    expect(r.foreign_unknown_share).toBeGreaterThan(0.02);
    expect(r.foreign_unknown_share).toBeLessThan(0.08);
    expect(r.home_unknown_share).toBeGreaterThan(0.005);
    expect(r.home_unknown_share).toBeLessThan(0.04);
    expect(r.credit_sizes).toBeGreaterThanOrEqual(4);
    // movers: persons with two homes
    const movers = await one<{ n: number }>(`
      SELECT count(*)::INT AS n FROM (SELECT person_id FROM raw_registrations WHERE home_municipality IS NOT NULL
                                      GROUP BY person_id HAVING count(DISTINCT home_municipality) > 1)`);
    expect(movers.n).toBeGreaterThan(20);
    // homes outside the reference are kept (reported in data quality)
    const outside = await one<{ n: number }>(`
      SELECT count(*)::INT AS n FROM raw_registrations
      WHERE home_municipality NOT IN (SELECT municipality_code FROM raw_municipalities)`);
    expect(outside.n).toBeGreaterThan(0);
  });

  it('has fails followed by passes, late results, duplicates, results without registration and empty terms', async () => {
    type Counts = Record<
      | 'results'
      | 'fail_share'
      | 'course_level_share'
      | 'term_empty_share'
      | 'duplicates'
      | 'retakes_passed'
      | 'late'
      | 'unregistered',
      number
    >;
    const r = await one<Counts>(`
      WITH res AS (SELECT *, grade IN ('F', 'FX', 'U') AS fail FROM raw_results)
      SELECT count(*)::INT AS results,
             avg(fail::INT) AS fail_share,
             avg((module_code IS NULL)::INT) AS course_level_share,
             avg((term IS NULL)::INT) AS term_empty_share,
             (count(*) - (SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (_load_id, _line) FROM raw_results)))::INT AS duplicates,
             -- a pass on a module after a fail on the same module
             (SELECT count(*) FROM res AS f JOIN res AS p USING (person_id, course_code, course_offering)
              WHERE f.fail AND NOT p.fail AND f.module_code IS NOT DISTINCT FROM p.module_code AND p.result_date > f.result_date)::INT AS retakes_passed,
             -- results dated after their registration term's cutoff (end + 30 days)
             (SELECT count(*) FROM res JOIN raw_registrations AS g USING (person_id, course_code, course_offering)
              WHERE res.result_date > term_end(g.term) + 30)::INT AS late,
             (SELECT count(*) FROM res ANTI JOIN raw_registrations AS g USING (person_id, course_code))::INT AS unregistered
      FROM res`);
    expect(r.fail_share).toBeGreaterThan(0.1);
    expect(r.fail_share).toBeLessThan(0.3);
    expect(r.course_level_share).toBeGreaterThan(0.3);
    expect(r.course_level_share).toBeLessThan(0.6);
    expect(r.term_empty_share).toBeGreaterThan(0.25);
    expect(r.term_empty_share).toBeLessThan(0.35);
    expect(r.duplicates).toBeGreaterThan(20);
    expect(r.duplicates / r.results).toBeLessThan(0.01);
    expect(r.retakes_passed).toBeGreaterThan(500);
    expect(r.late / r.results).toBeGreaterThan(0.03);
    expect(r.late / r.results).toBeLessThan(0.15);
    expect(r.unregistered).toBeGreaterThan(5);
    expect(r.unregistered / r.results).toBeLessThan(0.01);
  });

  it('plants the effects that give each activity its intended recommendation', async () => {
    const rows = await ws.query<{ activity_id: string; recommendation: string }>(
      readFileSync(join(projectRoot, 'test', 'generate', 'planted-decisions.sql'), 'utf8'),
    );
    const got = Object.fromEntries(rows.map((r) => [r.activity_id, r.recommendation]));
    expect(got).toEqual(INTENDED);
    expect(new Set(Object.values(got))).toEqual(
      new Set(['ended', 'develop', 'in_progress', 'insufficient_data', 'end', 'continue']),
    );
  });
});

describe('identity numbers in data-samples', () => {
  it('are valid but never real: Luhn digit right, month 21-32, some 10-digit, some samordningsnummer', async () => {
    const db = await Database.open(':memory:');
    try {
      const files = ['registrations', 'results', 'participations', 'degrees'].map(
        (k) => `'${join(SAMPLES, `${k}.csv`)}'`,
      );
      type Ids = Record<
        'n' | 'bad_luhn' | 'real_month' | 'ten_digit' | 'twelve_dash' | 'samordning' | 'persons',
        number
      >;
      const r = (
        await db.rows<Ids>(`
        WITH ids AS (
            SELECT person_id AS id, pnr_normalize(person_id, DATE '2026-11-29') AS twelve
            FROM read_csv([${files.join(', ')}], union_by_name = true, all_varchar = true)
        )
        SELECT count(*)::INT AS n,
               count(*) FILTER (WHERE NOT pnr_luhn_ok(id))::INT AS bad_luhn,
               count(*) FILTER (WHERE substr(twelve, 5, 2)::INT NOT BETWEEN 21 AND 32)::INT AS real_month,
               count(*) FILTER (WHERE regexp_full_match(id, '[0-9]{6}-[0-9]{4}'))::INT AS ten_digit,
               count(*) FILTER (WHERE regexp_full_match(id, '[0-9]{8}-[0-9]{4}'))::INT AS twelve_dash,
               count(*) FILTER (WHERE substr(twelve, 7, 2)::INT > 60)::INT AS samordning,
               count(DISTINCT twelve)::INT AS persons
        FROM ids`)
      )[0]!;
      expect(r.bad_luhn).toBe(0);
      expect(r.real_month).toBe(0);
      expect(r.ten_digit).toBeGreaterThan(0.02 * r.n);
      expect(r.twelve_dash).toBeGreaterThan(0.02 * r.n);
      expect(r.samordning).toBeGreaterThan(0);
      expect(r.persons).toBeGreaterThan(1_800);
      // the birth year in registrations (when given) is the number's, and ages fit students
      const ages = (
        await db.rows<Record<'mismatched' | 'youngest' | 'oldest' | 'given', number>>(`
        SELECT count(*) FILTER (WHERE birth_year IS NOT NULL AND birth_year::INT <> left(pnr_normalize(person_id, DATE '2026-11-29'), 4)::INT)::INT AS mismatched,
               min(right(term, 4)::INT - left(pnr_normalize(person_id, DATE '2026-11-29'), 4)::INT)::INT AS youngest,
               max(right(term, 4)::INT - left(pnr_normalize(person_id, DATE '2026-11-29'), 4)::INT)::INT AS oldest,
               count(*) FILTER (WHERE birth_year IS NOT NULL)::INT AS given
        FROM read_csv('${join(SAMPLES, 'registrations.csv')}', all_varchar = true)`)
      )[0]!;
      expect(ages.mismatched).toBe(0);
      expect(ages.given).toBeGreaterThan(0);
      expect(ages.youngest).toBeGreaterThanOrEqual(18);
      expect(ages.oldest).toBeLessThanOrEqual(70);
    } finally {
      db.close();
    }
  });
});
