// Ingest of the contract's kinds from the shapes real files come in: UTF-8 and
// Windows-1252, `,` `;` and tab, decimal commas, CRLF, BOM, Ladok and SCB exports,
// Parquet, JSON and Arrow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, windows1252 } from '../helpers/workspace.ts';
import { testPnr, forms } from '../helpers/personnummer-fixtures.ts';
import { Database } from '../../src/db/database.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const A = testPnr('19901301', '123');
const B = testPnr('19851401', '456');

describe('CSV dialects', () => {
  it('reads a Windows-1252 file with ; and decimal commas, keeping Swedish letters and the en dash', async () => {
    const text =
      'centre_id;name;municipality_code\r\n' +
      'LC-HAR;Lärcentrum Härnösand – Campus;2280\r\n' +
      'LC-OVIK;Örnsköldsviks lärcentrum;2284\r\n' +
      'LC-ARE;Åre lärcentrum;2321\r\n';
    const file = ws.write('learning_centres.csv', windows1252(text));
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      encoding: 'windows-1252',
      rowsRead: 3,
      rowsLoaded: 3,
      rowsRejected: 0,
    });
    const rows = await ws.query<{ name: string }>(
      'select name from raw_learning_centres order by _line',
    );
    expect(rows.map((r) => r.name)).toEqual([
      'Lärcentrum Härnösand – Campus',
      'Örnsköldsviks lärcentrum',
      'Åre lärcentrum',
    ]);
  });

  it('reads decimal commas and decimal points alike, with ; delimiter', async () => {
    const file = ws.write(
      'registrations.csv',
      windows1252(
        'person_id;term;course_code;credits;first_time\n' +
          `${A};HT2025;MA001G;7,5;ja\n` +
          `${B};HT2025;MA002G;15.0;nej\n` +
          `${B};HT2025;MA003G;1 234,5;nej\n`,
      ),
    );
    const report = await ws.ingest([file]);
    // 1 234,5 is above the 90 hp limit: read correctly as 1234.5, then rejected by range.
    expect(report.results[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    const rows = await ws.query<{ credits: number; first_time: boolean }>(
      'select credits::DOUBLE as credits, first_time from raw_registrations order by _line',
    );
    expect(rows).toEqual([
      { credits: 7.5, first_time: true },
      { credits: 15, first_time: false },
    ]);
    const rejects = await ws.query<{ line: bigint; column_name: string; reason: string }>(
      'select line, column_name, reason from rejects',
    );
    expect(rejects).toEqual([
      {
        line: 4n,
        column_name: 'credits',
        reason: 'credits 1234.5000 is out of range (must be > 0 and ≤ 90)',
      },
    ]);
  });

  it('reads tab-separated UTF-8 with a BOM and CRLF line endings', async () => {
    const file = ws.write(
      'municipalities.csv',
      '\uFEFFmunicipality_code\tname\tin_region\r\n2380\tÖstersund\tja\r\n0180\tStockholm\tnej\r\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ encoding: 'utf-8', rowsLoaded: 2, rowsRejected: 0 });
    expect(
      await ws.query(
        'select municipality_code, name, in_region from raw_municipalities order by _line',
      ),
    ).toEqual([
      { municipality_code: '2380', name: 'Östersund', in_region: true },
      { municipality_code: '0180', name: 'Stockholm', in_region: false },
    ]);
  });

  it('accepts columns in any order and any case, and warns about extra columns', async () => {
    const file = ws.write(
      'degrees.csv',
      `Degree_Code,PERSON_ID,degree_date,note\nSSKEX,${A},2025-06-10,x\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({
      rowsLoaded: 1,
      warnings: ['ignored column not in the contract: note'],
    });
    expect(
      await ws.query(`select degree_code, strftime(degree_date, '%Y-%m-%d') as d from raw_degrees`),
    ).toEqual([{ degree_code: 'SSKEX', d: '2025-06-10' }]);
  });

  it('refuses a file without a required column, naming the file, the column and the columns found', async () => {
    const file = ws.write(
      'registrations-ht2025.csv',
      `person_id,term,course_code,credits\n${A},HT2025,MA001G,7.5\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.results).toEqual([]);
    expect(report.failures).toHaveLength(1);
    const error = report.failures[0]!.error;
    expect(error.where).toMatchObject({ line: 1, column: 'first_time' });
    expect(error.where.file).toContain('registrations-ht2025.csv');
    expect(error.message).toContain('first_time');
    expect(error.message).toContain('person_id, term, course_code, credits');
    // Nothing loaded; the ledger records the failure (failed-loads.test.ts).
    expect(await ws.query(`select status, rows_loaded::INT as n from loads`)).toEqual([
      { status: 'failed', n: 0 },
    ]);
  });
});

describe('Ladok and SCB exports', () => {
  it('reads a Ladok "Utdata → Resultat" export as results: metadata lines skipped, names never stored, module credits used for modules', async () => {
    const lines = [
      '"Utdata";"Resultat"',
      '"Utbildningskod";"MA001G"',
      '"Utbildningsbenämning";"Matematik I"',
      '"Tidsperiod";"2025-08-25 – 2026-01-11"',
      '"Urval";"Alla resultat"',
      '"Skapad av";"Ladok"',
      '"Datum";"2026-01-20"',
      '',
      '"Personnummer (Student)";"Efternamn (Student)";"Förnamn (Student)";"Kod (Kurs)";"Benämning (Kurs)";"Omfattning (Kurs)";"Kurstillfälle (Kurs)";"Kod (Modul)";"Benämning (Modul)";"Omfattning (Modul)";"Betyg (Resultat)";"Ex. datum (Resultat)"',
      `"${forms.twelveDash(A)}";"Qwertyson";"Zlatana";"MA001G";"Matematik I";"15,0";"12345";"0010";"Tentamen";"7,5";"G";"2025-10-30"`,
      `"${forms.twelveDash(A)}";"Qwertyson";"Zlatana";"MA001G";"Matematik I";"15,0";"12345";"";"";"";"U";"2026-01-15"`,
      `"${forms.tenDash(B)}";"Asdfberg";"Ylva";"MA001G";"Matematik I";"15,0";"12345";"0020";"Inlämning";"7,5";"VG";"2025-12-01"`,
    ];
    const file = ws.write('Resultat-export.csv', windows1252(`${lines.join('\r\n')}\r\n`));
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({
      kind: 'results',
      format: 'ladok',
      rowsRead: 3,
      rowsLoaded: 3,
      rowsRejected: 0,
    });
    const rows = await ws.query(
      `select course_code, course_offering, module_code, credits::DOUBLE as credits, grade, strftime(result_date, '%Y-%m-%d') as d, term, _line from raw_results order by _line`,
    );
    expect(rows).toEqual([
      {
        course_code: 'MA001G',
        course_offering: '12345',
        module_code: '0010',
        credits: 7.5,
        grade: 'G',
        d: '2025-10-30',
        term: null,
        _line: 10n,
      },
      {
        course_code: 'MA001G',
        course_offering: '12345',
        module_code: null,
        credits: 15,
        grade: 'U',
        d: '2026-01-15',
        term: null,
        _line: 11n,
      },
      {
        course_code: 'MA001G',
        course_offering: '12345',
        module_code: '0020',
        credits: 7.5,
        grade: 'VG',
        d: '2025-12-01',
        term: null,
        _line: 12n,
      },
    ]);
    const db = ws.dbPath;
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(db).toString('latin1') + readFileSync(db).toString('utf8');
    for (const name of ['Qwertyson', 'Zlatana', 'Asdfberg']) expect(bytes).not.toContain(name);
  });

  it('reads an SCB population export: region "2380 Östersund", one column per year, ".." as missing, age rows summed', async () => {
    const text = [
      '"Folkmängd efter region, ålder och år"',
      '',
      '"region";"ålder";"2023";"2024"',
      '"2380 Östersund";"20-44 år";"20 000";"20 100"',
      '"2380 Östersund";"45-64 år";"14 000";"14 050"',
      '"2321 Åre";"20-64 år";"6 500";".."',
      '"23 Jämtlands län";"20-64 år";"70 000";"70 500"',
    ].join('\n');
    const file = ws.write('population-scb.csv', windows1252(text));
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    // 4 data lines; 3 municipality-years loaded: Östersund 2023 (20 000 + 14 000 = 34 000)
    // and 2024 (20 100 + 14 050 = 34 150), Åre 2023; Åre 2024 is ".." (rejected); the
    // county's line is left out, not rejected.
    expect(report.results[0]).toMatchObject({
      format: 'scb',
      rowsRead: 4,
      rowsLoaded: 3,
      rowsRejected: 1,
    });
    expect(report.results[0]!.warnings).toContain(
      '1 line(s) of Riket or a county were left out (only municipalities are read)',
    );
    expect(
      await ws.query(
        'select municipality_code, year::INT as year, population_20_64::INT as p from raw_population order by 1, 2',
      ),
    ).toEqual([
      { municipality_code: '2321', year: 2023, p: 6500 },
      { municipality_code: '2380', year: 2023, p: 34000 },
      { municipality_code: '2380', year: 2024, p: 34150 },
    ]);
    const rejects = await ws.query<{ line: bigint; column_name: string }>(
      'select line, column_name from rejects order by line, column_name',
    );
    expect(rejects).toEqual([{ line: 6n, column_name: 'population_20_64' }]);
  });
});

describe('self-describing formats', () => {
  it('reads Parquet and JSON files to the same rows as the CSV', async () => {
    const csv = ws.write(
      'csv/activity_sessions.csv',
      'activity_id,session_date,participants,hours\nINS-1,2025-09-10,25,2.5\nINS-1,2025-10-01 00:00:00,18,\n',
    );
    await ws.ingest([csv]);
    const parquetPath = `${ws.dir}/parquet/activity_sessions.parquet`;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${ws.dir}/parquet`);
    const db = await Database.open(':memory:');
    await db.run(
      `COPY (SELECT 'INS-1' AS activity_id, DATE '2025-09-10' AS session_date, 25 AS participants, 2.5::DECIMAL(4,1) AS hours
             UNION ALL SELECT 'INS-1', DATE '2025-10-01', 18, NULL) TO '${parquetPath}' (FORMAT parquet)`,
    );
    db.close();
    const json = ws.write(
      'json/activity_sessions.json',
      JSON.stringify([
        { activity_id: 'INS-1', session_date: '2025-09-10', participants: 25, hours: 2.5 },
        { activity_id: 'INS-1', session_date: '2025-10-01', participants: 18, hours: null },
      ]),
    );
    const report = await ws.ingest([parquetPath, json]);
    expect(report.failures).toEqual([]);
    expect(report.results.map((r) => [r.format, r.rowsLoaded, r.rowsRejected])).toEqual([
      ['parquet', 2, 0],
      ['json', 2, 0],
    ]);
    // Both files hold the same two rows, each load its own copy of them.
    for (const { loadId } of report.results) {
      expect(
        await ws.query(
          `select activity_id, strftime(session_date, '%Y-%m-%d') as d, participants::INT as p, hours::DOUBLE as h from raw_activity_sessions where _load_id = ${loadId} order by _line`,
        ),
      ).toEqual([
        { activity_id: 'INS-1', d: '2025-09-10', p: 25, h: 2.5 },
        { activity_id: 'INS-1', d: '2025-10-01', p: 18, h: null },
      ]);
    }
  });

  it('reads an Arrow IPC file', async () => {
    const { tableToIPC, tableFromArrays } = await import('apache-arrow');
    const table = tableFromArrays({
      activity_id: ['MEN-1', 'MEN-1'],
      session_date: ['2025-09-10', '2025-09-17'],
      participants: Int32Array.from([12, 9]),
    });
    const file = ws.write('activity_sessions.arrow', Buffer.from(tableToIPC(table, 'file')));
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({ format: 'arrow', rowsRead: 2, rowsLoaded: 2 });
    expect(
      await ws.query(
        'select activity_id, participants::INT as p, _line::INT as line from raw_activity_sessions order by _line',
      ),
    ).toEqual([
      { activity_id: 'MEN-1', p: 12, line: 1 },
      { activity_id: 'MEN-1', p: 9, line: 2 },
    ]);
  });
});
