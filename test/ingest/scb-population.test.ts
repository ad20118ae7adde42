// SCB population exports read by their dimensions: exactly ages 20–64, never a total
// added to its parts, the country and counties left out, a file that cannot give 20–64
// refused with what to export. Each expected figure is worked out by hand in a comment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildError } from '../helpers/build-error.ts';
import { Workspace, windows1252 } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

type Population = {
  municipality_code: string;
  year: number;
  p: number;
  age_from: number;
  age_to: number;
};
const populationRows = () =>
  ws.query<Population>(
    'select municipality_code, year::INT as year, population_20_64::INT as p, age_from::INT as age_from, age_to::INT as age_to from raw_population order by 1, 2, 4',
  );

async function load(name: string, content: string | Buffer) {
  const report = await ws.ingest([ws.write(name, content)], { kind: 'population' });
  return report;
}

const ages = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('classic PxWeb layout: title, blank line, stubs, years as headings', () => {
  it('keeps single ages 20–64 of both sexes, leaving out 18, 19, 65, 66, "totalt ålder", the total sex and Riket', async () => {
    // Östersund: men aged a are a, women 2a. Ages 20–64: Σa = (20+64)·45/2 = 1890, so
    // men 1890 + women 3780 = 5670 in 2023; 2024 adds 1 to every cell: 5670 + 90 = 5760.
    const lines = [
      '"Folkmängden efter region, ålder, kön och år"',
      '',
      '"region","ålder","kön","2023","2024"',
    ];
    for (const region of ['00 Riket', '2380 Östersund']) {
      for (const age of [...ages(18, 66).map((a) => `${a} år`), 'totalt ålder']) {
        const a = age === 'totalt ålder' ? 100000 : Number.parseInt(age, 10);
        lines.push(`"${region}","${age}","män","${a}","${a + 1}"`);
        lines.push(`"${region}","${age}","kvinnor","${2 * a}","${2 * a + 1}"`);
        lines.push(`"${region}","${age}","totalt","${3 * a}","${3 * a + 2}"`);
      }
    }
    const report = await load('folkmangd.csv', `${lines.join('\r\n')}\r\n`);
    expect(report.failures).toEqual([]);
    // 2 regions × 50 ages × 3 sexes = 300 data lines; 2 municipality-years loaded.
    expect(report.results[0]).toMatchObject({
      format: 'scb',
      rowsRead: 300,
      rowsLoaded: 2,
      rowsRejected: 0,
    });
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2023, p: 5670, age_from: 20, age_to: 64 },
      { municipality_code: '2380', year: 2024, p: 5760, age_from: 20, age_to: 64 },
    ]);
    const warnings = report.results[0]!.warnings.join(' | ');
    expect(warnings).toContain('150 line(s) of Riket or a county were left out');
    // Östersund's cells not added: 150 lines × 2 years = 300 cells, of which 45 ages × 2 sexes × 2 years = 180 added.
    expect(warnings).toContain('120 cell(s) outside ages 20–64');
  });

  it('reads "Folkmängd 2023" headings, a Windows-1252 semicolon re-save with ;;; filler and ".." cells', async () => {
    // Åre: 20-44 år 4074 + 45-64 år 3201 = 7275 (2023); 2024: 45-64 is '..' so rejected.
    // Örnsköldsvik: 16 681 + 13 106 = 29 787 (2023), 16 700 + 13 100 = 29 800 (2024).
    const text = [
      'Folkmängden efter region, ålder och år;;;',
      ';;;',
      'region;ålder;Folkmängd 2023;Folkmängd 2024',
      '2321 Åre;20-44 år;4074;4138',
      '2321 Åre;45-64 år;3201;..',
      '2284 Örnsköldsvik;20-44 år;16 681;16 700',
      '2284 Örnsköldsvik;45-64 år;13 106;13 100',
      '22 Västernorrlands län;20-44 år;70000;70000',
      ';;;',
      ';;;',
    ].join('\r\n');
    const report = await load('Folkmängd.csv', windows1252(text));
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      format: 'scb',
      encoding: 'windows-1252',
      rowsRead: 5,
      rowsLoaded: 3,
      rowsRejected: 1,
    });
    expect(await populationRows()).toEqual([
      { municipality_code: '2284', year: 2023, p: 29787, age_from: 20, age_to: 64 },
      { municipality_code: '2284', year: 2024, p: 29800, age_from: 20, age_to: 64 },
      { municipality_code: '2321', year: 2023, p: 7275, age_from: 20, age_to: 64 },
    ]);
    // Line 5 holds the '..' of Åre 45-64 år 2024.
    expect(await ws.query('select line::INT as line, column_name from rejects')).toEqual([
      { line: 5, column_name: 'population_20_64' },
    ]);
  });

  it('tiles 20–64 from mixed 5- and 10-year bands, the finest way, and never adds the total', async () => {
    // Bands 20-24 (10), 25-29 (20), 20-29 (30), 30-39 (40), 40-49 (50), 50-59 (60),
    // 60-64 (70), 65-69 (80), totalt (999). Finest tiling: 20-24, 25-29, 30-39, 40-49,
    // 50-59, 60-64 = 10 + 20 + 40 + 50 + 60 + 70 = 250 (20-29 instead gives the same 250).
    const bands: [string, number][] = [
      ['20-24 år', 10],
      ['25-29 år', 20],
      ['20-29 år', 30],
      ['30-39 år', 40],
      ['40-49 år', 50],
      ['50-59 år', 60],
      ['60-64 år', 70],
      ['65-69 år', 80],
      ['totalt', 999],
    ];
    const text = [
      'region\tålder\t2024',
      ...bands.map(([b, v]) => `2380 Östersund\t${b}\t${v}`),
    ].join('\n');
    const report = await load('pop.tsv', text);
    expect(report.failures).toEqual([]);
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2024, p: 250, age_from: 20, age_to: 64 },
    ]);
  });
});

describe('long and coded layouts', () => {
  it('reads Csv3-like codes: Region, Alder, Kon, Tid, BE0101N1 with tot and 1+2', async () => {
    // Östersund 2024: men a, women a + 1 for a = 20..64: 1890 + (1890 + 45) = 3825.
    const lines = ['"Region","Alder","Kon","Tid","BE0101N1"'];
    for (const age of [...ages(19, 65).map(String), 'tot']) {
      const a = age === 'tot' ? 50000 : Number(age);
      lines.push(
        `"2380","${age}","1","2024",${a}`,
        `"2380","${age}","2","2024",${a + 1}`,
        `"2380","${age}","1+2","2024",${2 * a + 1}`,
      );
    }
    const report = await load('BE0101N1.csv', lines.join('\n'));
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({ rowsRead: 48 * 3, rowsLoaded: 1 });
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2024, p: 3825, age_from: 20, age_to: 64 },
    ]);
  });

  it('reads a long texts layout (region, ålder, år, Folkmängd) with names only, region not first', async () => {
    // Åre: 5-year bands 20-24 … 60-64 of 100 each: 9 × 100 = 900; Riket left out.
    const bands = ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64'];
    const lines = ['ålder,år,region,Folkmängd'];
    for (const b of [...bands, '65-69'])
      lines.push(`${b} år,2024,Åre,100`, `${b} år,2024,Riket,99999`);
    const report = await load('p.csv', lines.join('\n'));
    expect(report.failures).toEqual([]);
    expect(await populationRows()).toEqual([
      { municipality_code: '2321', year: 2024, p: 900, age_from: 20, age_to: 64 },
    ]);
  });

  it('reads municipalities as headings (a PxWeb2 pivot) with a title line and no blank line', async () => {
    // Östersund 2024: 45 single ages of 10 = 450; Åre: 45 of 2 = 90.
    const lines = ['Folkmängd efter ålder och år', 'år,ålder,2380 Östersund,2321 Åre'];
    for (const a of ages(15, 70)) lines.push(`2024,${a} år,10,2`);
    const report = await load('pivot.csv', lines.join('\n'));
    expect(report.failures).toEqual([]);
    expect(await populationRows()).toEqual([
      { municipality_code: '2321', year: 2024, p: 90, age_from: 20, age_to: 64 },
      { municipality_code: '2380', year: 2024, p: 450, age_from: 20, age_to: 64 },
    ]);
  });

  it('adds up another dimension only through its total when it has one', async () => {
    // civilstånd ogifta 300 + gifta 200 = totalt 500: the total is used, never 1000.
    const text = [
      'region;civilstånd;ålder;2024',
      '2380 Östersund;ogifta;20-64 år;300',
      '2380 Östersund;gifta;20-64 år;200',
      '2380 Östersund;totalt;20-64 år;500',
    ].join('\n');
    const report = await load('civ.csv', text);
    expect(report.failures).toEqual([]);
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2024, p: 500, age_from: 20, age_to: 64 },
    ]);
  });
});

describe('files that cannot give 20–64 are refused with what to export', () => {
  const refusal = async (name: string, text: string) => {
    const report = await load(name, text);
    expect(report.results).toEqual([]);
    expect(report.failures).toHaveLength(1);
    const error = report.failures[0]!.error;
    expect(await populationRows()).toEqual([]);
    return `${error.message} | ${error.fix}`;
  };

  it('refuses a table by region and sex with no age', async () => {
    const message = await refusal(
      'kon.csv',
      'region,kön,2024\n2380 Östersund,män,30000\n2380 Östersund,kvinnor,29000\n',
    );
    expect(message).toContain('no age (ålder) dimension');
    expect(message).toContain("'region', 'kön', '2024'");
  });

  it('refuses bands that reach across 20 or 64', async () => {
    const message = await refusal(
      'band.csv',
      'region,ålder,2024\n2380 Östersund,15-24 år,5\n2380 Östersund,25-64 år,5\n',
    );
    expect(message).toContain("'15-24 år'");
    expect(message).toContain('1-årsklasser');
  });

  it('refuses only the total of all ages', async () => {
    expect(
      await refusal('tot.csv', 'region,ålder,2024\n2380 Östersund,totalt ålder,60000\n'),
    ).toContain('only the total of all ages');
  });

  it('refuses one sex alone', async () => {
    expect(
      await refusal('man.csv', 'region,ålder,kön,2024\n2380 Östersund,20-64 år,män,30000\n'),
    ).toContain('not both sexes');
  });

  it('refuses ages with a gap', async () => {
    expect(
      await refusal(
        'gap.csv',
        'region,ålder,2024\n2380 Östersund,20-29 år,1\n2380 Östersund,40-64 år,1\n',
      ),
    ).toContain('the ages 30–39 are missing');
  });
});

describe('spans from several files', () => {
  const build = () => buildError(ws);

  it('adds disjoint spans of one municipality and year from two files', async () => {
    ws.write(
      'in/registrations.csv',
      'person_id,term,course_code,credits,first_time,home_municipality\nP1,HT2025,MA001G,7.5,true,2380\n',
    );
    await ws.ingest([`${ws.dir}/in/registrations.csv`]);
    await load('young.csv', 'region,ålder,2024\n2380 Östersund,20-44 år,20000\n');
    await load('old.csv', 'region,ålder,2024\n2380 Östersund,45-64 år,15000\n');
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2024, p: 20000, age_from: 20, age_to: 44 },
      { municipality_code: '2380', year: 2024, p: 15000, age_from: 45, age_to: 64 },
    ]);
    expect(await build()).toBeUndefined();
    // 20 000 + 15 000 = 35 000 inhabitants 20–64 in 2024, the population behind HT2025.
    const rows = await ws.query<{ p: number }>(
      `select population_20_64::INT as p from stg_population where municipality_code = '2380' and year = 2024`,
    );
    expect(rows).toEqual([{ p: 35000 }]);
  });

  it('stops the build when two files hold the same ages', async () => {
    ws.write(
      'in/registrations.csv',
      'person_id,term,course_code,credits,first_time,home_municipality\nP1,HT2025,MA001G,7.5,true,2380\n',
    );
    await ws.ingest([`${ws.dir}/in/registrations.csv`]);
    await load('scb.csv', 'region,ålder,2024\n2380 Östersund,20-64 år,35000\n');
    await load('population.csv', 'municipality_code,year,population_20_64\n2380,2024,35100\n');
    expect(await build()).toContain('population_age_spans');
    const failing = await ws.query(
      `select * from (${(await import('node:fs')).readFileSync('sql/tests/population_age_spans.sql', 'utf8')})`,
    );
    expect(failing).toEqual([
      {
        municipality_code: '2380',
        year: 2024,
        problem: 'overlapping ages',
        rows: 'population.csv line 2: 20–64; scb.csv line 2: 20–64',
      },
    ]);
  });
});

describe('population files in the contract', () => {
  it('reads age_from and age_to (empty: all of 20–64) and rejects a span that runs backwards', async () => {
    const text =
      'municipality_code,year,population_20_64,age_from,age_to\n2380,2024,20000,20,44\n2380,2024,15000,45,64\n2321,2024,7000,,\n2281,2024,5,50,30\n';
    const report = await load('population.csv', text);
    expect(report.results[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
    expect(await populationRows()).toEqual([
      { municipality_code: '2321', year: 2024, p: 7000, age_from: 20, age_to: 64 },
      { municipality_code: '2380', year: 2024, p: 20000, age_from: 20, age_to: 44 },
      { municipality_code: '2380', year: 2024, p: 15000, age_from: 45, age_to: 64 },
    ]);
    expect(await ws.query('select line::INT as line, column_name, rule from rejects')).toEqual([
      { line: 5, column_name: 'age_to', rule: 'age_span_backwards' },
    ]);
  });
});

describe('an SCB export saved as .xlsx', () => {
  it('reads the title row, number cells and a numeric year heading through the same reader', async () => {
    const { xlsxBytes } = await import('../helpers/xlsx.ts');
    // Östersund: 20-44 år 20 000 + 45-64 år 15 000 = 35 000 (2024); Riket left out.
    const bytes = xlsxBytes([
      {
        name: 'Blad1',
        rows: [
          ['Folkmängden efter region, ålder och år'],
          [],
          ['region', 'ålder', 2024],
          ['00 Riket', '20-64 år', 5_900_000],
          ['2380 Östersund', '20-44 år', 20000],
          ['2380 Östersund', '45-64 år', 15000],
          ['2380 Östersund', '65-69 år', 3000],
        ],
      },
    ]);
    const report = await ws.ingest([ws.write('folkmangd.xlsx', Buffer.from(bytes))], {
      kind: 'population',
    });
    expect(report.failures.map((f) => f.error.message)).toEqual([]);
    expect(report.results[0]).toMatchObject({ format: 'scb', rowsRead: 4, rowsLoaded: 1 });
    expect(await populationRows()).toEqual([
      { municipality_code: '2380', year: 2024, p: 35000, age_from: 20, age_to: 64 },
    ]);
  });
});
