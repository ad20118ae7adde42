// The SCB exports of test/fixtures/scb/ — each in the exact bytes of one layout PxWeb,
// PxWebApi 2 or PxWeb2 writes (the README there names the code each shape was read from
// and works out every expected figure by hand). Each loads to exactly those figures, or
// is refused.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildError } from '../helpers/build-error.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { Workspace } from '../helpers/workspace.ts';

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'scb');

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

type Expected = {
  file: string;
  encoding: string;
  read: number;
  ignored: number;
  population: Record<string, number>;
  rejected?: number;
};

// From test/fixtures/scb/README.md, "Fixtures and expected results".
const LOADED: Expected[] = [
  {
    file: 'pxweb-classic-comma-title.csv',
    encoding: 'windows-1252',
    read: 416,
    ignored: 208,
    population: { '2380/2023': 4455, '2380/2024': 4500, '2321/2023': 1800, '2321/2024': 1845 },
  },
  {
    file: 'pxweb-classic-semicolon-title-5yr.csv',
    encoding: 'windows-1252',
    read: 72,
    ignored: 24,
    population: { '2281/2023': 35910, '2281/2024': 36090, '2284/2023': 20700, '2284/2024': 20790 },
  },
  {
    file: 'pxweb-classic-tab-title-utf8bom.csv',
    encoding: 'utf-8',
    read: 288,
    ignored: 96,
    rejected: 1,
    population: { '2380/2023': 3555, '2380/2024': 3645, '2321/2023': 945 },
  },
  {
    file: 'pxweb-csv2.csv',
    encoding: 'windows-1252',
    read: 528,
    ignored: 176,
    population: { '2380/2023': 3582, '2380/2024': 3600, '2321/2023': 1062, '2321/2024': 1080 },
  },
  {
    file: 'pxweb-csv3.csv',
    encoding: 'utf-8',
    read: 800,
    ignored: 400,
    population: { '2281/2023': 44775, '2281/2024': 45225, '2284/2023': 26550, '2284/2024': 26775 },
  },
  {
    file: 'pxwebapi2-csv-codes.csv',
    encoding: 'utf-8',
    read: 108,
    ignored: 36,
    population: { '2380/2023': 40500, '2380/2024': 40590, '2321/2023': 9900, '2321/2024': 9990 },
  },
  {
    file: 'pxwebapi2-csv-texts-title-mixed-bands.csv',
    encoding: 'windows-1252',
    read: 60,
    ignored: 20,
    population: { '2281/2023': 17980, '2281/2024': 18000, '2284/2023': 10800, '2284/2024': 10820 },
  },
  {
    file: 'pxwebapi2-csv-codes-and-texts.csv',
    encoding: 'windows-1252',
    read: 198,
    ignored: 0,
    population: { '2380/2023': 8010, '2380/2024': 8100, '2321/2023': 1791, '2321/2024': 1800 },
  },
  {
    file: 'pxweb2-export-municipalities-in-heading.csv',
    encoding: 'windows-1252',
    read: 22,
    ignored: 0,
    population: {
      '2281/2023': 35910,
      '2281/2024': 36090,
      '2284/2023': 20700,
      '2284/2024': 20790,
      '2321/2023': 5220,
      '2321/2024': 5265,
      '2380/2023': 40500,
      '2380/2024': 40590,
    },
  },
  {
    file: 'pxweb2-export-years-in-heading.csv',
    encoding: 'windows-1252',
    read: 192,
    ignored: 96,
    population: { '2380/2023': 4455, '2380/2024': 4500, '2321/2023': 1800, '2321/2024': 1845 },
  },
  {
    file: 'excel-resave-semicolon-cp1252.csv',
    encoding: 'windows-1252',
    read: 36,
    ignored: 12,
    population: { '2281/2023': 35910, '2281/2024': 36090, '2284/2023': 20700, '2284/2024': 20790 },
  },
];

async function population(): Promise<Record<string, number>> {
  const rows = await ws.query<{ k: string; p: number }>(
    `SELECT municipality_code || '/' || year AS k, population_20_64::INT AS p FROM raw_population`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.p]));
}

describe('SCB layouts load to the hand-worked 20–64 totals', () => {
  for (const expected of LOADED) {
    it(expected.file, async () => {
      const report = await ws.ingest([join(FIXTURES, expected.file)], { kind: 'population' });
      expect(report.failures.map((f) => f.error.message)).toEqual([]);
      const result = report.results[0]!;
      const municipalityYears = Object.keys(expected.population).length;
      expect(result).toMatchObject({
        format: 'scb',
        encoding: expected.encoding,
        rowsRead: expected.read,
        rowsLoaded: municipalityYears,
        rowsRejected: expected.rejected ?? 0,
      });
      expect(await population()).toEqual(expected.population);
      const ignored = result.warnings.find((w) => w.includes('of Riket or a county were left out'));
      if (expected.ignored) expect(ignored).toMatch(new RegExp(`^${expected.ignored} line`));
      else expect(ignored).toBeUndefined();
    });
  }

  it('rejects the municipality-year with a ".." cell inside 20–64, naming its line', async () => {
    await ws.ingest([join(FIXTURES, 'pxweb-classic-tab-title-utf8bom.csv')], {
      kind: 'population',
    });
    // Line 137 ("2321 Åre", "37 år", "kvinnor") is '..' for 2024: Åre 2024 is not guessed.
    expect(await ws.query('SELECT line::INT AS line, column_name FROM rejects')).toEqual([
      { line: 137, column_name: 'population_20_64' },
    ]);
  });

  it('tells an SCB export from its header under any file name', async () => {
    const report = await ws.ingest([join(FIXTURES, 'pxweb-csv3.csv')]);
    expect(report.results.map((r) => r.kind)).toEqual(['population']);
  });
});

describe('SCB layouts that cannot give 20–64 are refused', () => {
  it('a table by region and sex with no age', async () => {
    const report = await ws.ingest([join(FIXTURES, 'refused-region-by-sex-no-age.csv')], {
      kind: 'population',
    });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.error.message).toContain('no age (ålder) dimension');
    expect(report.failures[0]!.error.fix).toContain('1-årsklasser');
    expect(await population()).toEqual({});
  });

  it('bands that straddle 20 and 64', async () => {
    const report = await ws.ingest([join(FIXTURES, 'refused-bands-straddle-20-64.csv')], {
      kind: 'population',
    });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.error.message).toContain("'15-24 år'");
    expect(report.failures[0]!.error.message).toContain("'60-69 år'");
  });
});

describe('split files', () => {
  async function build(): Promise<string | undefined> {
    ws.write(
      'in/registrations.csv',
      'person_id,term,course_code,credits,first_time,home_municipality\nP1,HT2024,MA001G,7.5,true,2380\n',
    );
    await ws.ingest([`${ws.dir}/in/registrations.csv`]);
    return buildError(ws);
  }

  it('20–44 and 45–64 add up: 9900 + 7920 = 17 820 (2023), 10 000 + 8000 = 18 000 (2024)', async () => {
    const report = await ws.ingest(
      [join(FIXTURES, 'split-20-44.csv'), join(FIXTURES, 'split-45-64.csv')],
      { kind: 'population' },
    );
    expect(report.results.map((r) => [r.rowsRead, r.rowsLoaded])).toEqual([
      [10, 2],
      [8, 2],
    ]);
    expect(report.results[0]!.warnings.join(' ')).toContain('covers ages 20–44 år only');
    expect(await build()).toBeUndefined();
    expect(
      await ws.query(
        `SELECT year::INT AS year, population_20_64::INT AS p FROM stg_population WHERE municipality_code = '2380' ORDER BY 1`,
      ),
    ).toEqual([
      { year: 2023, p: 17820 },
      { year: 2024, p: 18000 },
    ]);
  });

  it('20–44 and 40–64 overlap: the build stops on population_age_spans', async () => {
    await ws.ingest(
      [join(FIXTURES, 'split-20-44.csv'), join(FIXTURES, 'split-overlap-40-64.csv')],
      { kind: 'population' },
    );
    expect(await build()).toContain('population_age_spans');
  });
});
