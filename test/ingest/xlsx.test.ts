// Excel workbooks (.xlsx) as the contract reads them: the first sheet or the one named
// like the kind, Excel's cell types turned into the text a CSV would hold, rejects with
// the sheet's own row numbers and the sheet in the file name, and folders that name
// every file not loaded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../helpers/workspace.ts';
import { testPnr, forms } from '../helpers/personnummer-fixtures.ts';
import { xlsxBytes, type XlsxCell } from '../helpers/xlsx.ts';
import { dateText, numberText } from '../../src/ingest/xlsx/cell-text.ts';
import { formatUserError } from '../../src/util/errors.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const A = testPnr('19901301', '123');
const B = testPnr('19851401', '456');

const workbook = (name: string, rows: XlsxCell[][], sheet = 'Blad1') =>
  ws.write(name, Buffer.from(xlsxBytes([{ name: sheet, rows }])));

describe('cell text', () => {
  it('writes numbers as Excel shows them: 15 significant digits, no exponent', () => {
    // 7.4999999999999991 is the double nearest 7.5 minus one ulp; at 15 digits it is 7.5.
    expect(numberText('7.4999999999999991')).toBe('7.5');
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('199001011234')).toBe('199001011234');
    expect(numberText('180')).toBe('180');
    expect(numberText('1E-7')).toBe('0.0000001');
    expect(numberText('1.5E+21')).toBe('1500000000000000000000');
    expect(numberText('-0')).toBe('0');
  });

  it('writes a date at midnight as a plain date and keeps a time to the second', () => {
    expect(dateText(new Date('2024-10-08T00:00:00.000Z'))).toBe('2024-10-08');
    // 13:00 as a serial fraction comes back 0.4 ms early; it rounds to the second.
    expect(dateText(new Date('2024-10-08T12:59:59.9996Z'))).toBe('2024-10-08 13:00:00');
  });
});

describe('registrations from an .xlsx', () => {
  it('reads number, date, boolean and text cells as CSV would, and rejects a bad cell at its sheet row', async () => {
    const file = workbook('registrations-ht2025.xlsx', [
      [
        'person_id',
        'term',
        'course_code',
        'credits',
        'first_time',
        'home_municipality',
        'registration_date',
        'birth_year',
      ],
      // Row 2: the personnummer typed as a number (12 digits), 0180 typed as 180,
      // credits stored with float noise, a date cell, a boolean cell.
      [
        Number(A),
        'HT2025',
        'MA001G',
        { stored: '7.4999999999999991' },
        true,
        180,
        { date: '2025-08-25' },
        null,
      ],
      [],
      // Row 4 after an empty row: a dashed personnummer as text, a date-time cell,
      // a formula with its cached value.
      [
        forms.twelveDash(B),
        'HT2025',
        'MA002G',
        { formula: 'D2*2', cached: 15 },
        false,
        2380,
        { date: '2025-08-26T13:00' },
        1985,
      ],
      // Row 5: credits is text, not a number: rejected at row 5, column credits.
      [forms.twelveDash(B), 'HT2025', 'MA003G', 'sju', false, 2380, null, null],
    ]);
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      file: `${file} [sheet Blad1]`,
      kind: 'registrations',
      format: 'xlsx',
      encoding: null,
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
    });
    const rows = await ws.query(
      `select course_code, credits::DOUBLE as credits, first_time, home_municipality, strftime(registration_date, '%Y-%m-%d') as d, birth_year, _line
       from raw_registrations order by _line`,
    );
    expect(rows).toEqual([
      // birth_year 1990 is taken from the personnummer 19901301…: the number cell was read as that personnummer.
      {
        course_code: 'MA001G',
        credits: 7.5,
        first_time: true,
        home_municipality: '0180',
        d: '2025-08-25',
        birth_year: 1990n,
        _line: 2n,
      },
      {
        course_code: 'MA002G',
        credits: 15,
        first_time: false,
        home_municipality: '2380',
        d: '2025-08-26',
        birth_year: 1985n,
        _line: 4n,
      },
    ]);
    const rejects = await ws.query('select file_name, line, column_name, reason from rejects');
    expect(rejects).toEqual([
      {
        file_name: 'registrations-ht2025.xlsx [sheet Blad1]',
        line: 5n,
        column_name: 'credits',
        reason: "'sju' is not a number (write 7.5 or 7,5)",
      },
    ]);
    // The number cell and the dashed text are one person each: two distinct hashes, never the digits.
    const ids = await ws.query<{ n: bigint }>(
      `select count(distinct person_id) as n from raw_registrations where person_id not like '%${A.slice(2)}%'`,
    );
    expect(ids).toEqual([{ n: 2n }]);
  });

  it('leaves no CSV copy of the sheet behind', async () => {
    const file = workbook('registrations.xlsx', [
      ['person_id', 'term', 'course_code', 'credits', 'first_time'],
      [Number(A), 'HT2025', 'MA001G', 7.5, true],
    ]);
    await ws.ingest([file]);
    expect(readdirSync(join(ws.dir, 'db', 'tmp'))).toEqual([]);
  });

  it('reads an error cell as its text (#N/A), so the row is rejected, not loaded with an empty cell', async () => {
    const file = workbook('registrations.xlsx', [
      ['person_id', 'term', 'course_code', 'credits', 'first_time'],
      [Number(A), 'HT2025', 'MA001G', { error: '#N/A' }, true],
    ]);
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsRejected: 1 });
    const rejects = await ws.query('select line, column_name, reason from rejects');
    expect(rejects).toEqual([
      { line: 2n, column_name: 'credits', reason: "'#N/A' is not a number (write 7.5 or 7,5)" },
    ]);
  });
});

describe('workbooks saved by LibreOffice (test/fixtures/xlsx)', () => {
  const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'xlsx', name);

  it('reads registrations with typed numbers, a date style and a dropped leading zero', async () => {
    const copy = ws.write(
      'registrations-libreoffice.xlsx',
      readFileSync(fixture('registrations-libreoffice.xlsx')),
    );
    // The same person as row 6, written as CSV with the century and a dash: it must link.
    const csv = ws.write(
      'registrations-2.csv',
      'person_id,term,course_code,credits,first_time\n20051301-7897,VT2026,MA002G,7.5,nej\n',
    );
    const report = await ws.ingest([copy, csv]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      file: `${copy} [sheet registrations-libreoffice]`,
      format: 'xlsx',
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
    });
    expect(report.results[0]!.warnings).toEqual([
      '1 person_id number cell(s) of nine digits read as a 10-digit personnummer with the leading 0 Excel dropped',
    ]);
    const rows = await ws.query(
      `select course_code, credits::DOUBLE as credits, first_time, home_municipality, strftime(registration_date, '%Y-%m-%d') as d, birth_year, _line
       from raw_registrations where term = 'HT2025' order by _line`,
    );
    // Row 3 was empty (LibreOffice writes no row for it); rows keep the sheet's numbers.
    // birth_year: 1990 from 19901301…, 1985 as typed, 2005 from 051301… (10 digits, the
    // century that puts the birth at most 100 years before the ingest date 2026-11-29).
    expect(rows).toEqual([
      {
        course_code: 'MA001G',
        credits: 7.5,
        first_time: true,
        home_municipality: '0180',
        d: '2025-08-25',
        birth_year: 1990n,
        _line: 2n,
      },
      {
        course_code: 'MA002G',
        credits: 15,
        first_time: false,
        home_municipality: '2380',
        d: '2025-08-26',
        birth_year: 1985n,
        _line: 4n,
      },
      {
        course_code: 'MA001G',
        credits: 7.5,
        first_time: true,
        home_municipality: '2281',
        d: '2025-08-27',
        birth_year: 2005n,
        _line: 6n,
      },
    ]);
    const rejects = await ws.query('select file_name, line, column_name, reason from rejects');
    expect(rejects).toEqual([
      {
        file_name: 'registrations-libreoffice.xlsx [sheet registrations-libreoffice]',
        line: 5n,
        column_name: 'credits',
        reason: "'sju' is not a number (write 7.5 or 7,5)",
      },
    ]);
    const linked = await ws.query<{ n: bigint }>(
      `select count(distinct person_id) as n from raw_registrations where course_code = 'MA001G' and _line = 6 or term = 'VT2026'`,
    );
    expect(linked).toEqual([{ n: 1n }]);
  });

  it('reads a Ladok results export saved as .xlsx: text decimals, date cells, a bad checksum rejected at its row', async () => {
    const copy = ws.write(
      'Resultat-ladok-libreoffice.xlsx',
      readFileSync(fixture('Resultat-ladok-libreoffice.xlsx')),
    );
    const report = await ws.ingest([copy]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      kind: 'results',
      format: 'ladok',
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
    });
    const rows = await ws.query(
      `select module_code, credits::DOUBLE as credits, grade, strftime(result_date, '%Y-%m-%d') as d, _line from raw_results order by _line`,
    );
    // LibreOffice typed the module codes 0010 and 0020 as numbers: their digits are 10
    // and 20 (the zeros are gone from the workbook itself).
    expect(rows).toEqual([
      { module_code: '10', credits: 7.5, grade: 'G', d: '2025-10-30', _line: 10n },
      { module_code: null, credits: 15, grade: 'U', d: '2026-01-15', _line: 11n },
      { module_code: '20', credits: 7.5, grade: 'VG', d: '2025-12-01', _line: 12n },
    ]);
    const rejects = await ws.query('select line, column_name, reason from rejects');
    expect(rejects).toEqual([
      {
        line: 13n,
        column_name: 'person_id',
        reason: 'invalid personnummer checksum',
      },
    ]);
  });
});

describe('sheets', () => {
  it('reads the sheet named like the kind, and says which sheets were not read', async () => {
    const file = ws.write(
      'larsam.xlsx',
      Buffer.from(
        xlsxBytes([
          { name: 'Läs mig', rows: [['Det här bladet är inte data']] },
          {
            name: 'Activities',
            rows: [
              ['activity_id', 'name', 'kind', 'start_term', 'cost_sek'],
              ['MEN-1', 'Mentorskap', 'throughput', 'HT2025', 12500.5],
            ],
          },
        ]),
      ),
    );
    const report = await ws.ingest([file], { kind: 'activities' });
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      file: `${file} [sheet Activities]`,
      rowsRead: 1,
      rowsLoaded: 1,
    });
    expect(report.results[0]!.warnings).toEqual([
      'read sheet Activities (named like the kind); not read: Läs mig (name a sheet activities to read that one)',
    ]);
    const rows = await ws.query(
      `select activity_id, name, cost_sek::DOUBLE as cost from raw_activities`,
    );
    expect(rows).toEqual([{ activity_id: 'MEN-1', name: 'Mentorskap', cost: 12500.5 }]);
  });

  it('reads activity_goals from the first sheet; a missing column names the sheet', async () => {
    const good = workbook('activity_goals.xlsx', [
      ['activity_id', 'goal_id', 'indicator', 'operator', 'target', 'by_term'],
      ['MEN-1', 'G1', 'participant_prestationsgrad', '>=', 0.25, 'VT2026'],
      ['MEN-1', 'G2', 'participants', '>=', 40, 'VT2026'],
    ]);
    const report = await ws.ingest([good]);
    expect(report.failures).toEqual([]);
    const rows = await ws.query(
      `select goal_id, target::DOUBLE as target, _line from raw_activity_goals order by _line`,
    );
    expect(rows).toEqual([
      { goal_id: 'G1', target: 0.25, _line: 2n },
      { goal_id: 'G2', target: 40, _line: 3n },
    ]);

    const bad = workbook(
      'activity_goals-2.xlsx',
      [['activity_id', 'goal_id', 'indicator', 'operator', 'target']],
      'Mål',
    );
    const failed = await ws.ingest([bad]);
    expect(failed.failures.map((f) => formatUserError(f.error))).toEqual([
      `${bad} [sheet Mål], line 1, column by_term: the required column by_term is missing for activity_goals; the header on line 1 has: activity_id, goal_id, indicator, operator, target. Fix: add the column by_term to the header (see the data contract for activity_goals), or pass the right --kind`,
    ]);
  });
});

describe('Ladok and SCB exports as .xlsx', () => {
  it('reads a Ladok results export saved as .xlsx under any name, by its header', async () => {
    const file = workbook('Resultat-export.xlsx', [
      ['Utdata', 'Resultat'],
      ['Utbildningskod', 'MA001G'],
      ['Datum', { date: '2026-01-20' }],
      [],
      [
        'Personnummer (Student)',
        'Efternamn (Student)',
        'Förnamn (Student)',
        'Kod (Kurs)',
        'Benämning (Kurs)',
        'Omfattning (Kurs)',
        'Kurstillfälle (Kurs)',
        'Kod (Modul)',
        'Benämning (Modul)',
        'Omfattning (Modul)',
        'Betyg (Resultat)',
        'Ex. datum (Resultat)',
      ],
      [
        forms.twelveDash(A),
        'Qwertyson',
        'Zlatana',
        'MA001G',
        'Matematik I',
        15,
        12345,
        '0010',
        'Tentamen',
        '7,5',
        'G',
        { date: '2025-10-30' },
      ],
      [
        Number(B),
        'Asdfberg',
        'Ylva',
        'MA001G',
        'Matematik I',
        15,
        12345,
        null,
        null,
        null,
        'U',
        { date: '2026-01-15' },
      ],
      [
        forms.twelveDash(B),
        'Asdfberg',
        'Ylva',
        'MA001G',
        'Matematik I',
        15,
        12345,
        '0020',
        'Inlämning',
        7.5,
        'VG',
        '1/12/2025',
      ],
    ]);
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      file: `${file} [sheet Blad1]`,
      kind: 'results',
      format: 'ladok',
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
    });
    const rows = await ws.query(
      `select course_offering, module_code, credits::DOUBLE as credits, grade, strftime(result_date, '%Y-%m-%d') as d, _line from raw_results order by _line`,
    );
    // Row 6: the module's 7,5 hp; row 7: no module, the course's 15 hp.
    expect(rows).toEqual([
      {
        course_offering: '12345',
        module_code: '0010',
        credits: 7.5,
        grade: 'G',
        d: '2025-10-30',
        _line: 6n,
      },
      {
        course_offering: '12345',
        module_code: null,
        credits: 15,
        grade: 'U',
        d: '2026-01-15',
        _line: 7n,
      },
    ]);
    const rejects = await ws.query('select file_name, line, column_name from rejects');
    expect(rejects).toEqual([
      { file_name: 'Resultat-export.xlsx [sheet Blad1]', line: 8n, column_name: 'result_date' },
    ]);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(ws.dbPath).toString('latin1');
    for (const name of ['Qwertyson', 'Zlatana', 'Asdfberg']) expect(bytes).not.toContain(name);
  });

  it('reads population in the contract columns from an .xlsx, the code typed as a number', async () => {
    const file = workbook('population.xlsx', [
      ['municipality_code', 'year', 'population_20_64'],
      [180, 2024, 612000],
      [2380, 2024, 37000],
    ]);
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    const rows = await ws.query(
      `select municipality_code, year, population_20_64 from raw_population order by _line`,
    );
    expect(rows).toMatchObject([
      { municipality_code: '0180', year: 2024n, population_20_64: 612000n },
      { municipality_code: '2380', year: 2024n, population_20_64: 37000n },
    ]);
  });
});

describe('discovery of spreadsheets', () => {
  it('in a folder loads the .xlsx and names every other file with why it was not loaded', async () => {
    workbook('data/activities.xlsx', [
      ['activity_id', 'name', 'kind', 'start_term'],
      ['MEN-1', 'Mentorskap', 'throughput', 'HT2025'],
    ]);
    ws.write('data/notes.docx', 'not really a docx');
    ws.write(
      'data/registrations.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    ws.write('data/~$activities.xlsx', 'lock');
    ws.write('data/.DS_Store', 'finder');
    ws.write('data/sub/registrations.csv', 'x');
    const report = await ws.ingest([join(ws.dir, 'data')]);
    expect(report.failures).toEqual([]);
    expect(report.results.map((r) => [r.file, r.rowsLoaded])).toEqual([
      [join(ws.dir, 'data', 'activities.xlsx [sheet Blad1]'), 1],
    ]);
    const dir = join(ws.dir, 'data');
    expect(report.skipped).toEqual([
      {
        file: join(dir, 'notes.docx'),
        reason:
          'not a data file (.docx); data files end in .csv, .xlsx, .parquet, .arrow/.feather or .json',
      },
      {
        file: join(dir, 'registrations.xls'),
        reason:
          'an old binary Excel workbook (.xls) cannot be read: open it and save it as Excel workbook (.xlsx) or as CSV UTF-8, then load that file',
      },
      {
        file: join(dir, 'sub'),
        reason: 'a folder (folders are read one level deep; name it to load its files)',
      },
      {
        file: join(dir, '~$activities.xlsx'),
        reason: "Excel's lock file of an open workbook, not data (close the workbook in Excel)",
      },
    ]);
  });

  it('refuses a named .xls or .ods with what to save it as', async () => {
    const xls = ws.write('registrations.xls', 'x');
    await expect(ws.ingest([xls])).rejects.toThrow(
      'cannot read an old binary Excel workbook (.xls)',
    );
    const ods = ws.write('registrations.ods', 'x');
    await expect(ws.ingest([ods])).rejects.toMatchObject({
      fix: 'open it and save it as Excel workbook (.xlsx) or as CSV UTF-8, then load that file',
    });
  });

  it('an .xls renamed to .xlsx fails as a file with the fix, not as a crash', async () => {
    const file = ws.write(
      'registrations.xlsx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    const report = await ws.ingest([file]);
    expect(report.failures.map((f) => formatUserError(f.error))).toEqual([
      `${file}: the file is an old binary Excel workbook (.xls), not .xlsx. Fix: open it in Excel and save it as Excel workbook (.xlsx), or export the sheet as CSV UTF-8`,
    ]);
  });
});
