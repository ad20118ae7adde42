// Personal data at ingest: every way of writing one personnummer links to one keyed
// hash, a bad check digit is a reject, a samordningsnummer is accepted, and no
// personnummer (whole, as its 10 digits, or with a separator) reaches the database
// file, the rejects, an error message or anything larsam prints.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, TEST_KEY, windows1252 } from '../helpers/workspace.ts';
import { badPnr, forms, testPnr } from '../helpers/personnummer-fixtures.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

const A = testPnr('19901301', '123'); // born 1990 (month 13: no real person)
const B = testPnr('19851401', '456'); // born 1985
const C = testPnr('19921361', '789'); // samordningsnummer: day 01 + 60, born 1992
const BAD = badPnr(testPnr('19931501', '321')); // wrong check digit
const BAD_C = badPnr(testPnr('19941563', '654')); // samordningsnummer with a wrong check digit

/** The pseudonym the contract prescribes: HMAC-SHA-256(key, normalised id), 32 hex characters kept. */
const hashOf = (normalised: string) =>
  createHmac('sha256', TEST_KEY).update(normalised, 'utf8').digest('hex').slice(0, 32);

/** Every way the identity numbers could leak: 12 digits, 10 digits, and with separators. */
const NEEDLES = [A, B, C, BAD, BAD_C].flatMap((p) => [
  forms.twelve(p),
  forms.ten(p),
  forms.twelveDash(p),
  forms.tenDash(p),
  forms.tenPlus(p),
]);

function expectNoIdentityNumber(where: string, text: string): void {
  const found = NEEDLES.filter((needle) => text.includes(needle));
  expect(found, `personnummer in ${where}`).toEqual([]);
}

describe('pseudonymisation', () => {
  it('links one person written as 12 digits, with a dash, as 10 digits and with spaces around, across kinds, to one keyed hash', async () => {
    const registrations = ws.write(
      'registrations.csv',
      [
        'person_id,term,course_code,credits,first_time',
        `${forms.twelve(A)},HT2025,MA001G,7.5,ja`,
        `${forms.twelveDash(A)},HT2025,MA002G,7.5,ja`,
        `${forms.tenDash(A)},VT2026,MA003G,7.5,nej`,
        `${forms.ten(A)},VT2026,MA004G,7.5,nej`,
        `${forms.twelve(B)},HT2025,MA001G,7.5,ja`,
        `${forms.tenPlus(A)},HT2025,MA001G,7.5,ja`,
      ].join('\n'),
    );
    const results = ws.write(
      'results.csv',
      `person_id;course_code;credits;grade;result_date\n" ${forms.twelveDash(A)} ";MA001G;7,5;G;2025-10-30\n`,
    );
    const participations = ws.write(
      'participations.csv',
      `activity_id,session_date,person_id\nINS-1,2025-09-10,${forms.ten(A)}\n`,
    );
    const degrees = ws.write(
      'degrees.csv',
      `person_id,degree_date\n${forms.tenDash(A)},2026-06-10\n`,
    );
    const report = await ws.ingest([registrations, results, participations, degrees]);
    expect(report.failures).toEqual([]);
    expect(report.results.map((r) => r.rowsRejected)).toEqual([0, 0, 0, 0]);

    const hA = hashOf(A);
    // '+' means more than 100 years old: the same ten digits, born 1890, another person.
    const hA1890 = hashOf(`18${A.slice(2)}`);
    expect(
      await ws.query(
        'SELECT _line::INT AS line, person_id, birth_year::INT AS birth_year FROM raw_registrations ORDER BY _line',
      ),
    ).toEqual([
      { line: 2, person_id: hA, birth_year: 1990 },
      { line: 3, person_id: hA, birth_year: 1990 },
      { line: 4, person_id: hA, birth_year: 1990 },
      { line: 5, person_id: hA, birth_year: 1990 },
      { line: 6, person_id: hashOf(B), birth_year: 1985 },
      { line: 7, person_id: hA1890, birth_year: 1890 },
    ]);
    expect(
      await ws.query(
        'SELECT person_id FROM raw_results UNION ALL SELECT person_id FROM raw_participations UNION ALL SELECT person_id FROM raw_degrees',
      ),
    ).toEqual([{ person_id: hA }, { person_id: hA }, { person_id: hA }]);
  });

  it('rejects a personnummer with a wrong check digit, in any form, without showing its digits', async () => {
    const file = ws.write(
      'registrations.csv',
      [
        'person_id,term,course_code,credits,first_time',
        `${forms.twelve(BAD)},HT2025,MA001G,7.5,ja`,
        `${forms.tenDash(BAD)},HT2025,MA001G,7.5,ja`,
        `${forms.twelveDash(BAD_C)},HT2025,MA001G,sju,ja`,
        `${forms.twelve(A)},HT2025,MA001G,7.5,ja`,
      ].join('\n'),
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    expect(
      await ws.query(
        'SELECT line::INT AS line, column_name, rule, reason FROM rejects ORDER BY line, column_name',
      ),
    ).toEqual([
      {
        line: 2,
        column_name: 'person_id',
        rule: 'invalid_personnummer',
        reason: 'invalid personnummer checksum',
      },
      {
        line: 3,
        column_name: 'person_id',
        rule: 'invalid_personnummer',
        reason: 'invalid personnummer checksum',
      },
      {
        line: 4,
        column_name: 'credits',
        rule: 'invalid_decimal',
        reason: "'sju' is not a number (write 7.5 or 7,5)",
      },
      {
        line: 4,
        column_name: 'person_id',
        rule: 'invalid_personnummer',
        reason: 'invalid personnummer checksum',
      },
    ]);
    expect(await ws.query('SELECT person_id FROM raw_registrations')).toEqual([
      { person_id: hashOf(A) },
    ]);
    expectNoIdentityNumber('the load result', JSON.stringify(report));
  });

  it('accepts a samordningsnummer (day + 60) in every form and takes the birth year from it', async () => {
    const file = ws.write(
      'registrations.csv',
      `person_id;term;course_code;credits;first_time\n${forms.twelve(C)};HT2025;MA001G;7,5;ja\n${forms.tenDash(C)};HT2025;MA002G;7,5;ja\n${forms.ten(C)};HT2025;MA003G;7,5;ja\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    expect(
      await ws.query(
        'SELECT DISTINCT person_id, birth_year::INT AS birth_year FROM raw_registrations',
      ),
    ).toEqual([{ person_id: hashOf(C), birth_year: 1992 }]);
  });

  it('takes birth_year from the personnummer only when it is empty, and hashes any other id as it is', async () => {
    const file = ws.write(
      'registrations.csv',
      [
        'person_id,term,course_code,credits,first_time,birth_year',
        `${forms.twelve(A)},HT2025,MA001G,7.5,ja,1991`,
        `${forms.twelve(A)},HT2025,MA002G,7.5,ja,`,
        'stud-00017,HT2025,MA001G,7.5,ja,',
        ' stud-00017 ,HT2025,MA002G,7.5,ja,2001',
        'STUD-00017,HT2025,MA003G,7.5,ja,',
      ].join('\n'),
    );
    await ws.ingest([file]);
    expect(
      await ws.query(
        'SELECT person_id, birth_year::INT AS birth_year FROM raw_registrations ORDER BY _line',
      ),
    ).toEqual([
      { person_id: hashOf(A), birth_year: 1991 },
      { person_id: hashOf(A), birth_year: 1990 },
      { person_id: hashOf('stud-00017'), birth_year: null },
      { person_id: hashOf('stud-00017'), birth_year: 2001 },
      { person_id: hashOf('STUD-00017'), birth_year: null },
    ]);
  });

  it('masks anything shaped like a personnummer in free text', async () => {
    const file = ws.write(
      'needs.csv',
      `need_id;documented_on;source;description\nN1;2025-03-01;Möte ${forms.tenDash(B)};Kontakt ${forms.twelveDash(A)} – se även ${forms.twelve(C)} och ${forms.tenPlus(B)}\n`,
    );
    await ws.ingest([file]);
    expect(await ws.query('SELECT source, description FROM raw_needs')).toEqual([
      {
        source: 'Möte **********',
        description: 'Kontakt ********** – se även ********** och **********',
      },
    ]);
  });

  it('rejects a row with a personnummer in a code, count or number column, naming the column and not the number', async () => {
    const sessions = ws.write(
      'activity_sessions.csv',
      [
        'activity_id,session_date,participants,hours',
        `${forms.twelve(A)},2025-09-10,12,1000`,
        `INS-1,2025-09-11,${forms.tenDash(B)},1000`,
        `INS-1,2025-09-12,${forms.ten(C)},1000`,
        `INS-1,2025-09-13,12,${forms.twelveDash(A)}`,
        // Not shaped like one: a large number of hours, an id holding a 14-digit run.
        'INS-2,2025-09-14,12,1250000.5',
        'KURS 12345678901234,2025-09-15,12,1000',
      ].join('\n'),
    );
    const report = await ws.ingest([sessions]);
    expect(report.results[0]!.rowsLoaded).toBe(2);
    const rejects = await ws.query<{ line: number; column_name: string; reason: string }>(
      'SELECT line::INT AS line, column_name, reason FROM rejects ORDER BY line',
    );
    expect(rejects.map((r) => [r.line, r.column_name])).toEqual([
      [2, 'activity_id'],
      [3, 'participants'],
      [4, 'participants'],
      [5, 'hours'],
    ]);
    for (const r of rejects)
      expect(r.reason).toBe(
        'the cell looks like a personal identity number, which may only be written in person_id; correct or empty the cell',
      );
    expectNoIdentityNumber(
      'raw_activity_sessions',
      JSON.stringify(
        await ws.query(
          'SELECT activity_id, participants::VARCHAR AS participants, hours::VARCHAR AS hours FROM raw_activity_sessions',
        ),
      ),
    );
  });
});

describe('no personnummer anywhere', () => {
  it('leaves none in the database file, the rejects, error messages or any output of ingest, status and query', async () => {
    const registrations = [
      'person_id,term,course_code,credits,first_time,birth_year,namn',
      `${forms.twelve(A)},HT2025,KANARIEKOD,7.5,ja,,Qwertyson`,
      `${forms.twelveDash(A)},HT2025,MA002G,7.5,ja,,Qwertyson`,
      `${forms.tenDash(B)},HT2025,MA001G,7.5,ja,,Asdfberg`,
      `${forms.ten(C)},VT2026,MA001G,7.5,ja,,Zlatana`,
      `${forms.twelve(BAD)},HT2025,MA001G,7.5,ja,,Ylvaberg`,
      `${forms.tenDash(BAD_C)},HT2025,MA001G,7.5,ja,,Ylvaberg`,
      // An identity number in the wrong cell: credits and birth_year are out of range.
      `stud-1,HT2025,MA001G,${forms.twelve(B)},ja,${forms.twelve(A)},Qwertyson`,
      `stud-2,HT2025,MA001G,${forms.ten(A)},ja,${forms.ten(B)},Qwertyson`,
      `stud-3,HT2025,MA001G,${forms.tenDash(A)},${forms.tenDash(C)},${forms.twelveDash(B)},Qwertyson`,
      // Unreadable lines that hold one.
      `${forms.twelve(A)},HT2025`,
      `${forms.twelve(B)},HT2025,MA001G,7.5,ja,,Qwertyson,${forms.twelve(C)}`,
    ].join('\n');
    ws.write('data/registrations.csv', registrations);
    const ladok = [
      '"Utdata";"Resultat"',
      '"Utbildningskod";"MA001G"',
      '"Skapad av";"Ladok"',
      '',
      '"Personnummer (Student)";"Efternamn (Student)";"Förnamn (Student)";"Kod (Kurs)";"Benämning (Kurs)";"Omfattning (Kurs)";"Kurstillfälle (Kurs)";"Kod (Modul)";"Benämning (Modul)";"Omfattning (Modul)";"Betyg (Resultat)";"Ex. datum (Resultat)"',
      `"${forms.twelveDash(A)}";"Qwertyson";"Zlatana";"MA001G";"Matematik I";"15,0";"12345";"0010";"Tentamen";"7,5";"G";"2025-10-30"`,
      `"${forms.tenDash(BAD)}";"Asdfberg";"Ylvaberg";"MA001G";"Matematik I";"15,0";"12345";"0010";"Tentamen";"7,5";"G";"2025-10-30"`,
      `"${forms.twelveDash(C)}";"Asdfberg";"Ylvaberg";"MA001G";"Matematik I";"15,0";"12345";"0010";"Tentamen";"sju";"G";"${forms.ten(B)}"`,
    ];
    ws.write('data/Resultat-export.csv', windows1252(`${ladok.join('\r\n')}\r\n`));
    ws.write(
      'data/needs.csv',
      `need_id,documented_on,source,description\nN1,2025-03-01,Möte ${forms.tenDash(B)},"Kontakt ${forms.twelveDash(A)}, KANARIEFRITEXT"\n`,
    );
    ws.write(
      'data/participations.csv',
      `activity_id,session_date,person_id\nINS-1,2025-09-10,${forms.ten(A)}\nINS-1,2025-09-10,${forms.tenDash(BAD)}\nINS-1,${forms.twelve(C)},${forms.twelve(C)}\n`,
    );
    ws.write(
      'data/activity_goals.csv',
      `activity_id,goal_id,indicator,operator,target,by_term\nA1,G1,conversion_1t,>=,${forms.twelve(A)},HT2025\nA1,G2,conversion_1t,>=,${forms.ten(B)},${forms.ten(C)}\n`,
    );
    // A file without its header line: the first data line is taken for the header.
    ws.write(
      'headerless/registrations.csv',
      `${forms.twelve(A)},HT2025,MA001G,7.5,ja\n${forms.twelve(B)},HT2025,MA001G,7.5,ja\n`,
    );
    ws.write(
      'strict/registrations-v2.csv',
      `person_id,term,course_code,credits,first_time\n${forms.twelve(BAD)},HT2025,MA001G,${forms.twelve(A)},ja\n`,
    );

    const db = ['--db', ws.dbPath];
    const runs: [string, CliRun][] = [];
    const run = async (args: string[]) => {
      const result = await runCli([...args, ...db], { cwd: ws.dir });
      runs.push([args.join(' '), result]);
      return result;
    };

    const ingested = await run(['ingest', 'data']);
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain('11 rows read, 4 loaded, 7 rejected'); // registrations (two unreadable lines included)
    expect((await run(['ingest', 'data', '--json', '--replace'])).code).toBe(0);
    const headerless = await run(['ingest', 'headerless/registrations.csv']);
    expect(headerless.code).toBe(1);
    expect(headerless.stderr).toMatch(
      /^error: headerless\/registrations\.csv, line 1, column person_id: the required column .* is missing for registrations; .*\. Fix: .*\n$/,
    );
    const strict = await run(['ingest', 'strict/registrations-v2.csv', '--strict']);
    expect(strict.code).toBe(2);
    // The contract fixes the reject's words; the CLI prints the fix after them.
    expect(strict.stdout).toContain(
      'line 2, column person_id: invalid personnummer checksum. Fix: look for a typo against the source',
    );
    expect((await run(['ingest', 'strict/registrations-v2.csv', '--strict', '--json'])).code).toBe(
      2,
    );
    expect((await run(['status'])).code).toBe(0);
    expect((await run(['status', '--json'])).code).toBe(0);
    for (const table of [
      'rejects',
      'loads',
      'raw_registrations',
      'raw_results',
      'raw_needs',
      'raw_participations',
      'raw_activity_goals',
    ]) {
      expect((await run(['query', `select * from ${table}`, '--format', 'csv'])).code).toBe(0);
      expect((await run(['query', `select * from ${table}`, '--json'])).code).toBe(0);
    }
    const rejects = await run(['query', 'select * from rejects']);
    expect(rejects.stdout).toContain('invalid personnummer checksum');
    expect(rejects.stdout).toContain('**********');

    for (const [command, result] of runs) {
      expectNoIdentityNumber(`stdout of larsam ${command}`, result.stdout);
      expectNoIdentityNumber(`stderr of larsam ${command}`, result.stderr);
      for (const name of ['Qwertyson', 'Zlatana', 'Asdfberg', 'Ylvaberg'])
        expect(result.stdout + result.stderr, command).not.toContain(name);
    }

    // Every file beside the database (the key file is the key, not data).
    const dbDir = join(ws.dir, 'db');
    const files = readdirSync(dbDir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dbDir, name))
      .filter((path) => statSync(path).isFile() && !path.endsWith('larsam.key'));
    expect(files).toContain(ws.dbPath);
    for (const path of files) {
      const bytes = readFileSync(path);
      const asText = bytes.toString('latin1');
      expectNoIdentityNumber(path, asText);
      for (const name of ['Qwertyson', 'Zlatana', 'Asdfberg', 'Ylvaberg'])
        expect(asText, path).not.toContain(name);
      // UTF-16 would hide a match from a latin1 scan; DuckDB stores UTF-8, but make sure.
      expectNoIdentityNumber(`${path} (utf16)`, bytes.toString('utf16le'));
    }
    // The scan can see stored text at all: values that may be stored are there in clear.
    const dbText =
      readFileSync(ws.dbPath).toString('latin1') +
      (existsSync(`${ws.dbPath}.wal`) ? readFileSync(`${ws.dbPath}.wal`).toString('latin1') : '');
    expect(dbText).toContain('KANARIEKOD');
    expect(dbText).toContain('KANARIEFRITEXT');
    // No transcoded copy of an input is left beside the database.
    expect(existsSync(join(dbDir, 'tmp')) ? readdirSync(join(dbDir, 'tmp')) : []).toEqual([]);
  }, 180_000);
});
