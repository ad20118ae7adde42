// The default municipality reference: all 290 municipalities of Sweden in 21 counties,
// with the collaboration region named by counties or municipalities (build settings).
// The expected counts are SCB's (kommunkoder since 2003, when Knivsta became the 290th):
// Stockholms län 26 municipalities, Uppsala 8, Södermanland 9, Östergötland 13,
// Jönköping 13, Kronoberg 8, Kalmar 12, Gotland 1, Blekinge 5, Skåne 33, Halland 6,
// Västra Götaland 49, Värmland 16, Örebro 12, Västmanland 10, Dalarna 15, Gävleborg 10,
// Västernorrland 7, Jämtland 8, Västerbotten 15, Norrbotten 14 — together 290.
import { BUILD_ERRORS, REGION_NAMED_IN } from '../../src/messages/build.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS, type BuildSettings } from '../../src/models/build.ts';
import { formatUserError, LarsamError } from '../../src/util/errors.ts';

const COUNTY_SIZES: Record<string, number> = {
  '01': 26,
  '03': 8,
  '04': 9,
  '05': 13,
  '06': 13,
  '07': 8,
  '08': 12,
  '09': 1,
  '10': 5,
  '12': 33,
  '13': 6,
  '14': 49,
  '17': 16,
  '18': 12,
  '19': 10,
  '20': 15,
  '21': 10,
  '22': 7,
  '23': 8,
  '24': 15,
  '25': 14,
};

// New students in HT2024 (all first_time): K in Kiruna (2584), L and M in Luleå (2580),
// O in Östersund (2380), S in Stockholm (0180), U with a code that is no Swedish
// municipality (2399).
const registrations = `person_id,term,course_code,credits,first_time,home_municipality
stud-K,HT2024,K1,7.5,ja,2584
stud-L,HT2024,K1,7.5,ja,2580
stud-M,HT2024,K1,7.5,ja,2580
stud-O,HT2024,K1,7.5,ja,2380
stud-S,HT2024,K1,7.5,ja,0180
stud-U,HT2024,K1,7.5,ja,2399
`;
// Year 2023 (behind HT2024): Kiruna 15 000, Luleå 50 000, the other twelve of
// Norrbotten 1 000 each (Norrbotten: 12 000 + 50 000 + 15 000 = 77 000); Östersund 40 000.
const NORRBOTTEN_OTHERS = [
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
const population = `municipality_code,year,population_20_64
2584,2023,15000
2580,2023,50000
${NORRBOTTEN_OTHERS.map((c) => `${c},2023,1000`).join('\n')}
2380,2023,40000
`;

let ws: Workspace;

async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(ws.dbPath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

type Indicator = { value: number | null; numerator: number | null; denominator: number | null };
/** Builds with the settings and returns the indicator rows of `scope` for HT2024, group all. */
async function build(settings: BuildSettings): Promise<{
  ind: (scope: string, id: string, indicator: string) => Indicator | undefined;
  tests: Map<string, number>;
}> {
  return withDb(async (db) => {
    const report = await buildModels(db, settings);
    const rows = await db.rows<Indicator & { scope: string; scope_id: string; indicator: string }>(
      `SELECT scope, scope_id, indicator, value, numerator, denominator FROM indicators WHERE term = 'HT2024' AND "group" = 'all'`,
    );
    const byKey = new Map(rows.map((r) => [`${r.scope}|${r.scope_id}|${r.indicator}`, r]));
    return {
      ind: (scope, id, indicator) => byKey.get(`${scope}|${id}|${indicator}`),
      tests: new Map(report.tests.map((t) => [t.name, t.failingRows])),
    };
  });
}

beforeAll(async () => {
  ws = new Workspace();
  const report = await ws.ingest([
    ws.write('in/registrations.csv', registrations),
    ws.write('in/population.csv', population),
  ]);
  expect(report.failures).toEqual([]);
  expect(report.results.every((r) => r.rowsRejected === 0)).toBe(true);
});
afterAll(() => ws.remove());

describe('the default reference', () => {
  let municipalities: {
    municipality_code: string;
    name: string;
    county_code: string;
    area: string | null;
    in_region: boolean;
  }[];
  let counties: { county_code: string; name: string }[];
  beforeAll(async () => {
    await build(DEFAULT_BUILD_SETTINGS);
    municipalities = await ws.query(`SELECT * FROM stg_municipalities ORDER BY municipality_code`);
    counties = await ws.query(`SELECT * FROM ref_counties ORDER BY county_code`);
  });

  it('holds the 290 municipalities, each code once, in its county', () => {
    expect(municipalities).toHaveLength(290);
    expect(new Set(municipalities.map((m) => m.municipality_code)).size).toBe(290);
    expect(
      municipalities.filter(
        (m) =>
          !/^\d{4}$/.test(m.municipality_code) || m.municipality_code.slice(0, 2) !== m.county_code,
      ),
    ).toEqual([]);
    const sizes: Record<string, number> = {};
    for (const m of municipalities) sizes[m.county_code] = (sizes[m.county_code] ?? 0) + 1;
    expect(sizes).toEqual(COUNTY_SIZES);
  });

  it('writes the names as SCB does', () => {
    const name = new Map(municipalities.map((m) => [m.municipality_code, m.name]));
    expect(
      Object.fromEntries(
        [
          '0114',
          '0180',
          '0188',
          '0330',
          '0360',
          '0481',
          '1082',
          '1280',
          '1384',
          '1480',
          '1814',
          '2380',
          '2523',
          '2584',
        ].map((c) => [c, name.get(c)]),
      ),
    ).toEqual({
      '0114': 'Upplands Väsby',
      '0180': 'Stockholm',
      '0188': 'Norrtälje',
      '0330': 'Knivsta',
      '0360': 'Tierp',
      '0481': 'Oxelösund',
      '1082': 'Karlshamn',
      '1280': 'Malmö',
      '1384': 'Kungsbacka',
      '1480': 'Göteborg',
      '1814': 'Lekeberg',
      '2380': 'Östersund',
      '2523': 'Gällivare',
      '2584': 'Kiruna',
    });
  });

  it("has the 21 counties with their names, and every municipality's county among them", () => {
    expect(counties).toHaveLength(21);
    expect(counties.map((c) => c.county_code)).toEqual(Object.keys(COUNTY_SIZES).sort());
    const name = new Map(counties.map((c) => [c.county_code, c.name]));
    expect([
      name.get('01'),
      name.get('12'),
      name.get('14'),
      name.get('21'),
      name.get('22'),
      name.get('23'),
      name.get('25'),
    ]).toEqual([
      'Stockholms län',
      'Skåne län',
      'Västra Götalands län',
      'Gävleborgs län',
      'Västernorrlands län',
      'Jämtlands län',
      'Norrbottens län',
    ]);
  });

  it('puts the 25 municipalities of counties 21, 22 and 23 in the region by default, with their areas', () => {
    const inRegion = municipalities.filter((m) => m.in_region);
    expect(inRegion).toHaveLength(25); // 10 + 7 + 8
    expect(new Set(inRegion.map((m) => m.county_code))).toEqual(new Set(['21', '22', '23']));
    expect(municipalities.filter((m) => m.area !== null).map((m) => m.municipality_code)).toEqual(
      inRegion.map((m) => m.municipality_code),
    );
    expect(municipalities.find((m) => m.municipality_code === '2361')).toMatchObject({
      name: 'Härjedalen',
      area: 'Härjedalen',
    });
    expect(municipalities.find((m) => m.municipality_code === '2180')).toMatchObject({
      name: 'Gävle',
      area: 'Gästrikland',
    });
  });
});

describe('the region named by counties or municipalities', () => {
  it('by default counts only the homes in counties 21–23 in the region', async () => {
    const { ind, tests } = await build(DEFAULT_BUILD_SETTINGS);
    expect(ind('region', 'region', 'new_students')?.value).toBe(1); // O
    // 2380 has population 40 000 but Ragunda … Berg have none: the region's sum is empty
    expect(ind('region', 'region', 'new_students_per_10k')?.value ?? null).toBeNull();
    // a home elsewhere in Sweden is in the reference now: its county is a scope, and only
    // a code that is no Swedish municipality is reported as missing from the reference
    expect(ind('county', '01', 'new_students')?.value).toBe(1); // S
    expect(ind('county', '25', 'new_students')?.value).toBe(3); // K, L, M
    expect(ind('municipality', '2399', 'new_students')?.value).toBe(1); // U, still counted in its own scope
    expect(ind('county', '23', 'new_students')?.value).toBe(1); // O
    expect(tests.get('home_municipality_not_in_reference')).toBe(1); // 2399
    expect(tests.get('region_differs_from_municipalities_file')).toBe(0);
  });

  it('counties ["25"]: the region is exactly Norrbotten\'s 14 municipalities', async () => {
    const { ind } = await build({
      ...DEFAULT_BUILD_SETTINGS,
      region: { counties: ['25'], municipalities: [] },
    });
    const inRegion = await ws.query<{ municipality_code: string }>(
      `SELECT municipality_code FROM stg_municipalities WHERE in_region ORDER BY 1`,
    );
    expect(inRegion.map((m) => m.municipality_code)).toEqual([
      '2505',
      '2506',
      '2510',
      '2513',
      '2514',
      '2518',
      '2521',
      '2523',
      '2560',
      '2580',
      '2581',
      '2582',
      '2583',
      '2584',
    ]);
    expect(ind('region', 'region', 'new_students')?.value).toBe(3); // K, L, M; not O, S, U
    // 3 / 77 000 × 10 000 = 0.38961…
    expect(ind('region', 'region', 'new_students_per_10k')).toMatchObject({
      numerator: 3,
      denominator: 77000,
    });
    expect(ind('region', 'region', 'new_students_per_10k')?.value).toBeCloseTo(30000 / 77000, 12);
    expect(ind('county', '23', 'new_students')?.value).toBe(1); // O is still in county 23's scope
  });

  it('municipalities ["2380", "2584"]: the region is those two', async () => {
    const { ind } = await build({
      ...DEFAULT_BUILD_SETTINGS,
      region: { counties: [], municipalities: ['2380', '2584'] },
    });
    expect(ind('region', 'region', 'new_students')?.value).toBe(2); // O, K
    // 2 / (40 000 + 15 000) × 10 000 = 0.363636…
    expect(ind('region', 'region', 'new_students_per_10k')).toMatchObject({
      numerator: 2,
      denominator: 55000,
    });
  });

  it('counties and municipalities together: their union', async () => {
    const { ind } = await build({
      ...DEFAULT_BUILD_SETTINGS,
      region: { counties: ['25'], municipalities: ['2380'] },
    });
    expect(ind('region', 'region', 'new_students')?.value).toBe(4); // K, L, M, O
    expect(ind('region', 'region', 'new_students_per_10k')).toMatchObject({
      numerator: 4,
      denominator: 117000,
    }); // 77 000 + 40 000
  });

  it('refuses an unknown county or municipality code, naming it, before building anything', async () => {
    await build(DEFAULT_BUILD_SETTINGS);
    const before = await ws.query<{ n: bigint }>(
      `SELECT count(*) AS n FROM stg_municipalities WHERE in_region`,
    );
    const attempt = (region: BuildSettings['region']) =>
      withDb((db) => buildModels(db, { ...DEFAULT_BUILD_SETTINGS, region }));
    await expect(attempt({ counties: ['25', '26', '11'], municipalities: [] })).rejects.toThrow(
      BUILD_ERRORS.regionCounty(REGION_NAMED_IN.build, ['26', '11']).text.en,
    );
    const error = await attempt({ counties: [], municipalities: ['2380', '2399'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LarsamError);
    const expected = BUILD_ERRORS.regionMunicipality(REGION_NAMED_IN.build, ['2399']);
    expect((error as LarsamError).message).toBe(expected.text.en);
    expect((error as LarsamError).fix).toBe(expected.fix.en);
    // the catalogue's wording, checked once by hand: in Swedish too
    expect(formatUserError(error as LarsamError, 'sv')).toBe(
      'regionen anger kommunen "2399", som inte är en svensk kommunkod. Fix: skriv SCB:s fyrsiffriga kommunkod med inledande nolla (t.ex. "2380" för Östersund, "0180" för Stockholm); listan finns i sql/staging/ref_sweden_municipalities.sql',
    );
    await expect(attempt({ counties: [], municipalities: [] })).rejects.toThrow(
      BUILD_ERRORS.regionEmpty(REGION_NAMED_IN.build).text.en,
    );
    // the previous build is untouched
    expect(await ws.query(`SELECT count(*) AS n FROM stg_municipalities WHERE in_region`)).toEqual(
      before,
    );
  });
});

describe('a supplied municipalities file', () => {
  let file: Workspace;
  beforeAll(async () => {
    file = new Workspace();
    // the file's own in_region column: 2380 and 2584 in, 0180 out
    const report = await file.ingest([
      file.write('in/registrations.csv', registrations),
      file.write(
        'in/municipalities.csv',
        'municipality_code,name,in_region\n2380,Östersund,ja\n2584,Kiruna,ja\n0180,Stockholm,nej\n',
      ),
    ]);
    expect(report.failures).toEqual([]);
  });
  afterAll(() => file.remove());

  async function buildFile(region: BuildSettings['region']) {
    const db = await Database.open(file.dbPath);
    try {
      return await buildModels(db, { ...DEFAULT_BUILD_SETTINGS, region });
    } finally {
      db.close();
    }
  }

  it('replaces the default as a whole, with its own in_region, when no region is named', async () => {
    const report = await buildFile(undefined);
    expect(
      report.tests.find((t) => t.name === 'region_differs_from_municipalities_file')?.failingRows,
    ).toBe(0);
    expect(
      await file.query(`SELECT municipality_code, in_region FROM stg_municipalities ORDER BY 1`),
    ).toEqual([
      { municipality_code: '0180', in_region: false },
      { municipality_code: '2380', in_region: true },
      { municipality_code: '2584', in_region: true },
    ]);
    // homes not in this reference, one row per code: 2580 (L, M) and 2399 (U)
    expect(
      report.tests.find((t) => t.name === 'home_municipality_not_in_reference')?.failingRows,
    ).toBe(2);
  });

  it('agrees with a named region that says the same', async () => {
    const report = await buildFile({ counties: [], municipalities: ['2380', '2584'] });
    expect(
      report.tests.find((t) => t.name === 'region_differs_from_municipalities_file')?.failingRows,
    ).toBe(0);
  });

  it('stops the build when a named region says otherwise, naming the data test', async () => {
    // counties ["25"]: 2380 is in the file's region but not in the named one (1 row), and
    // county 25 has only 2584 in the file, which agrees: 1 row in all
    await expect(buildFile({ counties: ['25'], municipalities: [] })).rejects.toThrow(
      BUILD_ERRORS.dataTestsFailed(
        [{ name: 'region_differs_from_municipalities_file', failingRows: 1 }],
        'sql/tests/region_differs_from_municipalities_file.sql',
      ).text.en,
    );
  });
});
