// Terms given as options take the spellings cells do, through the same parseTerm: the
// pipeline definition's review_term, `--term` of decide and report (resolveReviewTerm)
// and the generator's --from-term / --to-term. Each gives the canonical term.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { resolveReviewTerm } from '../../src/decide/decide.ts';
import { GENERATE_DEFAULTS, checkOptions } from '../../src/generate/options.ts';
import { readPipeline } from '../../src/pipeline/definition.ts';

const SPELLINGS: [string, string][] = [
  ['HT2024', 'HT2024'],
  ['ht24', 'HT2024'],
  ['HT-24', 'HT2024'],
  ['Höst 2024', 'HT2024'],
  ['hösten 2024', 'HT2024'],
  ['Höstterminen 2024', 'HT2024'],
  ['VT-25', 'VT2025'],
  ['Vår 2025', 'VT2025'],
  ['våren 2025', 'VT2025'],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'larsam-term-options-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review_term in a pipeline definition', () => {
  it.each(SPELLINGS)('reads %j as %s', (written, canonical) => {
    const path = join(dir, 'pipeline.json');
    writeFileSync(path, JSON.stringify({ inputs: ['data'], review_term: written }));
    expect(readPipeline(path).review_term).toBe(canonical);
  });

  it('refuses a near miss with the entry named', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ inputs: ['data'], review_term: 'hösten24' }));
    expect(() => readPipeline(path)).toThrow(
      'the pipeline definition is not valid at review_term: a term like HT2025, or "latest"',
    );
  });
});

describe('--term of decide and report', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
    // resolveReviewTerm asks that the indicators are built and that the term has
    // registrations (int_terms holds the terms with registrations).
    await db.run('CREATE TABLE indicators (term VARCHAR)');
    await db.run(
      `CREATE TABLE int_terms AS SELECT t AS term, term_key(t) AS term_key FROM (VALUES ('HT2024'), ('VT2025'), ('HT2026')) v(t)`,
    );
  });
  afterAll(() => db.close());

  it.each(SPELLINGS)('reads %j as %s', async (written, canonical) => {
    expect(await resolveReviewTerm(db, written)).toBe(canonical);
  });

  it('refuses a near miss', async () => {
    await expect(resolveReviewTerm(db, 'Höst 24')).rejects.toThrow("'Höst 24' is not a term");
  });

  it('refuses a term without registrations, naming the runs of terms with data', async () => {
    // Keys: HT2024 = 4049, VT2025 = 4050 (consecutive, one run), HT2026 = 4053 (its own run).
    await expect(resolveReviewTerm(db, 'VT2026')).rejects.toThrow('HT2024–VT2025, HT2026');
  });
});

describe('--from-term and --to-term of generate', () => {
  it('take the same spellings: hösten 2023 to VT-25 is HT2023..VT2025', () => {
    const checked = checkOptions({
      ...GENERATE_DEFAULTS,
      out: dir,
      fromTerm: 'hösten 2023',
      toTerm: 'VT-25',
    });
    expect([checked.fromTerm, checked.toTerm]).toEqual(['HT2023', 'VT2025']);
  });
});
