// The collaboration region in a pipeline definition: how it is written, what is refused
// with which message, and `larsam run` with a region elsewhere in Sweden (Norrbotten)
// building its region indicators and naming its county in the report.
import type { Text } from '../../src/i18n/text.ts';
import { BUILD_ERRORS, REGION_NAMED_IN } from '../../src/messages/build.ts';
import { PIPELINE_ERRORS, PIPELINE_SCHEMA_TEXTS } from '../../src/messages/pipeline.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace, TEST_KEY } from '../helpers/workspace.ts';
import { Database } from '../../src/db/database.ts';
import { readPipeline } from '../../src/pipeline/definition.ts';
import { runPipeline, type PipelineReport } from '../../src/pipeline/run-pipeline.ts';
import { LarsamError } from '../../src/util/errors.ts';

let ws: Workspace;
beforeAll(() => {
  ws = new Workspace();
  process.env.LARSAM_PSEUDONYM_KEY = TEST_KEY;
});
afterAll(() => ws.remove());

function definition(name: string, region: unknown): string {
  return ws.write(
    `pipelines/${name}.json`,
    JSON.stringify({
      inputs: ['../in'],
      out: '../reports',
      ...(region === undefined ? {} : { region }),
    }),
  );
}

function refusal(path: string): LarsamError {
  try {
    readPipeline(path);
  } catch (error) {
    if (error instanceof LarsamError) return error;
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

describe('region in the pipeline definition', () => {
  it('is absent by default (counties 21, 22, 23 then apply), or counties and/or municipalities', () => {
    expect(readPipeline(definition('none', undefined)).region).toBeUndefined();
    expect(readPipeline(definition('counties', { counties: ['25'] })).region).toEqual({
      counties: ['25'],
      municipalities: [],
    });
    expect(
      readPipeline(definition('both', { counties: ['23'], municipalities: ['2584'] })).region,
    ).toEqual({ counties: ['23'], municipalities: ['2584'] });
  });

  it('refuses codes written as numbers, without their zero, or of the wrong length', () => {
    const invalid = (at: string, what: Text) => PIPELINE_ERRORS.invalid(at, what.en);
    const number = invalid('region.counties.0', PIPELINE_SCHEMA_TEXTS.codeType(2, '23'));
    expect(refusal(definition('number', { counties: [25] })).texts).toEqual(number);
    expect(number.text).toEqual({
      en: 'the pipeline definition is not valid at region.counties.0: a 2-digit code written as text with its leading zero, e.g. "23"',
      sv: 'pipelinedefinitionen är inte giltig vid region.counties.0: en kod med 2 siffror skriven som text med inledande nolla, t.ex. "23"',
    });
    expect(refusal(definition('zero', { municipalities: ['180'] })).message).toBe(
      invalid('region.municipalities.0', PIPELINE_SCHEMA_TEXTS.codeDigits(4, '2380')).text.en,
    );
    expect(refusal(definition('empty', { counties: [] })).message).toBe(
      invalid('region', PIPELINE_SCHEMA_TEXTS.regionEmpty).text.en,
    );
    expect(refusal(definition('typo', { county: ['23'] })).message).toMatch(
      /^the pipeline definition is not valid at region: .*county/,
    );
  });
});

describe('larsam run with a region', () => {
  // HT2024, all new: K in Kiruna (2584), L in Luleå (2580), O in Östersund (2380).
  // Population 2023: every Norrbotten municipality 1 000 except Kiruna 15 000 and Luleå
  // 50 000: 12 × 1 000 + 15 000 + 50 000 = 77 000. A recruitment target for county 25.
  const others = [
    '2505',
    '2506',
    '2510',
    '2513',
    '2514',
    '2518',
    '2521',
    '2523',
    '2560',
    '2581',
    '2582',
    '2583',
  ];
  let run: PipelineReport;
  let db: Database;
  beforeAll(async () => {
    ws.write(
      'in/registrations.csv',
      'person_id,term,course_code,credits,first_time,home_municipality\nstud-K,HT2024,K1,7.5,ja,2584\nstud-L,HT2024,K1,7.5,ja,2580\nstud-O,HT2024,K1,7.5,ja,2380\n',
    );
    ws.write(
      'in/population.csv',
      `municipality_code,year,population_20_64\n2584,2023,15000\n2580,2023,50000\n${others.map((c) => `${c},2023,1000`).join('\n')}\n`,
    );
    ws.write(
      'in/recruitment_targets.csv',
      'scope,indicator,operator,target,by_term\n25,new_students_per_10k,>=,0.3,HT2024\n',
    );
    db = await Database.open(ws.dbPath);
    run = await runPipeline(db, readPipeline(definition('norrbotten', { counties: ['25'] })), {
      lang: 'sv',
    });
  }, 120_000);
  afterAll(() => db.close());

  it('builds the region indicators over exactly the named county', async () => {
    expect(run.report.reviewTerm).toBe('HT2024');
    const region = await db.one(
      `SELECT value, numerator, denominator FROM indicators WHERE scope = 'region' AND term = 'HT2024' AND "group" = 'all' AND indicator = 'new_students_per_10k'`,
    );
    expect(region).toMatchObject({ numerator: 2, denominator: 77000 }); // K, L; not O
    expect(region!.value).toBeCloseTo(20000 / 77000, 12); // 2 / 77 000 × 10 000 = 0.2597…
    expect(run.report.data.municipalities.filter((m) => m.inRegion).map((m) => m.code)).toEqual([
      '2506',
      '2505',
      '2582',
      '2523',
      '2583',
      '2510',
      '2514',
      '2584',
      '2580',
      '2521',
      '2581',
      '2560',
      '2513',
      '2518',
    ]); // Norrbotten's 14, by name (Arjeplog … Övertorneå)
  });

  it('names the county in the report', () => {
    const html = readFileSync(join(run.report.folder, 'index.html'), 'utf8');
    expect(html).toContain('Norrbottens län');
    expect(html).not.toContain('Län 25');
  });

  it('refuses an unknown code before loading anything', async () => {
    const other = new Workspace();
    try {
      other.write(
        'in/registrations.csv',
        'person_id,term,course_code,credits,first_time,home_municipality\nstud-K,HT2024,K1,7.5,ja,2584\n',
      );
      const path = other.write(
        'pipelines/bad.json',
        JSON.stringify({
          inputs: ['../in'],
          region: { counties: ['25'], municipalities: ['2599'] },
        }),
      );
      const fresh = await Database.open(other.dbPath);
      try {
        const error = await runPipeline(fresh, readPipeline(path)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LarsamError);
        expect((error as LarsamError).message).toBe(
          BUILD_ERRORS.regionMunicipality(REGION_NAMED_IN.pipeline, ['2599']).text.en,
        );
        expect((error as LarsamError).where.file).toBe(path);
        expect(
          await fresh.rows(`SELECT * FROM duckdb_tables() WHERE table_name = 'loads'`),
        ).toEqual([]);
      } finally {
        fresh.close();
      }
    } finally {
      other.remove();
    }
  });
});
