// Every contract rule, table-driven: for each column type and rule, cells that must load
// (with the typed value they must load as) and cells that must be rejected (with the
// rule, and where the wording matters the reason). All cases of one kind go into one
// file, one case per line, so a case's line number identifies it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/contract/columns-of.ts';
import type { Kind } from '../../src/contract/kinds.ts';
import type { LoadResult } from '../../src/ingest/load-file.ts';
import { Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

/** A cell that must load as `value`, or be rejected by `rule` (with `reason`, when given). */
type Expected = { value: unknown } | { rule: string; reason?: string };
type Case = [cell: string, expected: Expected];

const ok = (value: unknown): Expected => ({ value });
const no = (rule: string, reason?: string): Expected =>
  reason === undefined ? { rule } : { rule, reason };

/** One valid row per kind; `{i}` becomes the case's index so unique keys stay unique. */
const BASE: Partial<Record<Kind, Record<string, string>>> = {
  registrations: {
    person_id: 'S{i}',
    term: 'HT2025',
    course_code: 'MA001G',
    credits: '7,5',
    first_time: 'ja',
  },
  activities: {
    activity_id: 'A{i}',
    name: 'Studiebesök',
    kind: 'recruitment',
    start_term: 'HT2025',
  },
  activity_sessions: { activity_id: 'A1', session_date: '2025-09-10', participants: '12' },
  population: { municipality_code: '2380', year: '{y}', population_20_64: '38000' },
  activity_goals: {
    activity_id: 'A1',
    goal_id: 'G{i}',
    indicator: 'reach',
    operator: '>=',
    target: '0,5',
    by_term: 'HT2025',
  },
  recruitment_targets: {
    scope: 'region',
    indicator: 'new_students',
    operator: '>=',
    target: '0,5',
    by_term: 'HT2026',
  },
  municipalities: { municipality_code: '{m}', name: 'Kommun' },
};

/** The SQL that reads a loaded column back as a plain JS value. */
function readBack(kind: Kind, column: string): string {
  const type = columnsOf(kind).find((c) => c.name === column)!.type;
  if (type === 'decimal' || type === 'int') return `${column}::DOUBLE`;
  if (type === 'date') return `strftime(${column}, '%Y-%m-%d')`;
  return column;
}

type Rejected = {
  line: bigint;
  column_name: string;
  rule: string;
  reason: string;
};

/**
 * Writes one `;`-separated file of `kind` with one line per case (the base row with
 * `column` set to the case's cell), loads it, and checks every case: a loaded cell by
 * its typed value and no reject on its line, a rejected one by exactly one reject on its
 * line naming the column and rule, and no loaded row.
 */
async function checkCases(kind: Kind, column: string, cases: Case[]): Promise<LoadResult> {
  const base = BASE[kind]!;
  const header = [...new Set([...Object.keys(base), column])];
  const lines = cases.map(([cell], i) =>
    header
      .map((name) =>
        name === column
          ? cell
          : base[name]!.replace('{i}', String(i))
              .replace('{y}', String(1950 + i))
              .replace('{m}', String(1000 + i)),
      )
      .join(';'),
  );
  const file = ws.write(`${kind}-${column}.csv`, `${[header.join(';'), ...lines].join('\n')}\n`);
  const report = await ws.ingest([file]);
  expect(report.failures).toEqual([]);
  const result = report.results[0]!;

  const loaded = new Map(
    (
      await ws.query<{ line: bigint; v: unknown }>(
        `SELECT _line AS line, ${readBack(kind, column)} AS v FROM raw_${kind}`,
      )
    ).map((r) => [Number(r.line), r.v]),
  );
  const rejects = await ws.query<Rejected>(
    `SELECT line, column_name, rule, reason FROM rejects ORDER BY line, column_name`,
  );
  const rejectsOf = (line: number) =>
    rejects
      .filter((r) => Number(r.line) === line)
      .map(({ column_name, rule, reason }) => ({ column_name, rule, reason }));

  const actual = cases.map(([cell], i) => {
    const line = i + 2;
    const mine = rejectsOf(line);
    if (mine.length === 0)
      return { cell, ...(loaded.has(line) ? { value: loaded.get(line) } : { missing: true }) };
    return { cell, rejects: mine, ...(loaded.has(line) ? { alsoLoaded: true } : {}) };
  });
  const expected = cases.map(([cell, want]) => {
    if ('value' in want) return { cell, value: want.value };
    return {
      cell,
      rejects: [
        { column_name: column, rule: want.rule, reason: want.reason ?? expect.any(String) },
      ],
    };
  });
  expect(actual).toEqual(expected);

  const rejectedCount = cases.filter(([, want]) => !('value' in want)).length;
  expect(result).toMatchObject({
    rowsRead: cases.length,
    rowsLoaded: cases.length - rejectedCount,
    rowsRejected: rejectedCount,
  });
  return result;
}

describe('int', () => {
  it('reads whole numbers, with spaces as thousands separators and a zero decimal part; rejects the rest', async () => {
    await checkCases('activity_sessions', 'participants', [
      ['25', ok(25)],
      ['0', ok(0)],
      ['1 000', ok(1000)],
      ['1\u00a0000', ok(1000)], // Swedish Excel's no-break space between thousands
      ['1\u202f000', ok(1000)], // narrow no-break space
      ['+7', ok(7)],
      ['25,0', ok(25)],
      ['25.00', ok(25)],
      [
        '2,5',
        no(
          'invalid_int',
          "'2,5' is not a whole number (write it in digits without decimals, e.g. 12)",
        ),
      ],
      [
        'tjugo',
        no(
          'invalid_int',
          "'tjugo' is not a whole number (write it in digits without decimals, e.g. 12)",
        ),
      ],
      ['12a', no('invalid_int')],
      ['-1', no('out_of_range', 'participants -1 is out of range (must be ≥ 0)')],
      [
        '',
        no(
          'missing_value',
          'participants is required but empty: fill in participants, or leave the row out',
        ),
      ],
    ]);
  });

  it('checks both ends of a range (birth_year 1900–2200) and leaves an empty optional int unknown', async () => {
    await checkCases('registrations', 'birth_year', [
      ['1990', ok(1990)],
      ['1900', ok(1900)],
      ['2200', ok(2200)],
      ['', ok(null)],
      ['1899', no('out_of_range', 'birth_year 1899 is out of range (must be ≥ 1900 and ≤ 2200)')],
      ['2201', no('out_of_range', 'birth_year 2201 is out of range (must be ≥ 1900 and ≤ 2200)')],
      ['1990,5', no('invalid_int')],
    ]);
  });
});

describe('decimal', () => {
  it('reads a decimal comma, a decimal point and thousands marks (space, dot or comma) to the same number', async () => {
    await checkCases('activities', 'cost_sek', [
      ['12500.5', ok(12500.5)],
      ['12500,5', ok(12500.5)],
      ['12 500,50', ok(12500.5)],
      ['12.500,50', ok(12500.5)],
      ['12,500.50', ok(12500.5)],
      ['1.234.567,5', ok(1234567.5)],
      [',5', ok(0.5)],
      ['0', ok(0)],
      ['', ok(null)],
      ['gratis', no('invalid_decimal', "'gratis' is not a number (write 7.5 or 7,5)")],
      ['1,2,3', no('invalid_decimal')],
      ['7,5 kr', no('invalid_decimal')],
      ['-5', no('out_of_range')],
    ]);
  });

  it('keeps credits within 0 < credits ≤ 90', async () => {
    await checkCases('registrations', 'credits', [
      ['7,5', ok(7.5)],
      ['7.5', ok(7.5)],
      ['0,5', ok(0.5)],
      ['90', ok(90)],
      ['90,0', ok(90)],
      ['0', no('out_of_range', 'credits 0.0000 is out of range (must be > 0 and ≤ 90)')],
      ['90.5', no('out_of_range', 'credits 90.5000 is out of range (must be > 0 and ≤ 90)')],
      ['90,5', no('out_of_range', 'credits 90.5000 is out of range (must be > 0 and ≤ 90)')],
      ['-7,5', no('out_of_range')],
      ['7,5 hp', no('invalid_decimal', "'7,5 hp' is not a number (write 7.5 or 7,5)")],
      [
        '',
        no('missing_value', 'credits is required but empty: fill in credits, or leave the row out'),
      ],
    ]);
  });
});

describe('date', () => {
  it('reads ISO dates, also with a time; rejects other shapes and impossible dates', async () => {
    await checkCases('registrations', 'registration_date', [
      ['2025-03-14', ok('2025-03-14')],
      ['2025-03-14 00:00:00', ok('2025-03-14')],
      ['2025-03-14 13:45', ok('2025-03-14')],
      ['2024-02-29', ok('2024-02-29')],
      ['', ok(null)],
      [
        '2025-02-29',
        no('invalid_date', "'2025-02-29' is not a date (write YYYY-MM-DD, e.g. 2025-03-14)"),
      ],
      ['2025-13-01', no('invalid_date')],
      ['14/03/2025', no('invalid_date')],
      ['2025-3-14', no('invalid_date')],
      ['20250314', no('invalid_date')],
    ]);
  });

  it('rejects an empty required date', async () => {
    await checkCases('activity_sessions', 'session_date', [
      ['2025-09-10', ok('2025-09-10')],
      [
        '',
        no(
          'missing_value',
          'session_date is required but empty: fill in session_date, or leave the row out',
        ),
      ],
    ]);
  });
});

describe('bool', () => {
  const truthy = [
    'true',
    'TRUE',
    'True',
    '1',
    'ja',
    'JA',
    'Ja',
    'j',
    'J',
    'yes',
    'YES',
    'Yes',
    'y',
    'Y',
    'sant',
    'SANT',
    'Sant',
  ];
  const falsy = [
    'false',
    'FALSE',
    'False',
    '0',
    'nej',
    'NEJ',
    'Nej',
    'n',
    'N',
    'no',
    'NO',
    'No',
    'falskt',
    'FALSKT',
    'Falskt',
  ];

  it('reads every yes/no word of the contract in any case', async () => {
    await checkCases('registrations', 'first_time', [
      ...truthy.map((word): Case => [word, ok(true)]),
      ...falsy.map((word): Case => [word, ok(false)]),
      [
        'kanske',
        no('invalid_bool', "'kanske' is not a yes/no value (write ja/nej, true/false or 1/0)"),
      ],
      ['2', no('invalid_bool')],
      ['jo', no('invalid_bool')],
      [
        '',
        no(
          'missing_value',
          'first_time is required but empty: fill in first_time, or leave the row out',
        ),
      ],
    ]);
  });

  it('leaves an empty optional bool unknown, and fills a default where the contract gives one', async () => {
    await checkCases('registrations', 'distance', [
      ['', ok(null)],
      ['Nej', ok(false)],
      ['J', ok(true)],
    ]);
    ws.remove();
    ws = new Workspace();
    // municipalities.in_region defaults to true.
    await checkCases('municipalities', 'in_region', [
      ['', ok(true)],
      ['nej', ok(false)],
      ['falskt', ok(false)],
    ]);
  });
});

describe('term', () => {
  it('reads every spelling of the contract as HT2025 / VT2026 and rejects others', async () => {
    await checkCases('registrations', 'term', [
      ['HT2025', ok('HT2025')],
      ['ht2025', ok('HT2025')],
      ['Ht2025', ok('HT2025')],
      ['HT 2025', ok('HT2025')],
      ['HT-2025', ok('HT2025')],
      ['H25', ok('HT2025')],
      ['h25', ok('HT2025')],
      ['VT2026', ok('VT2026')],
      ['vt2026', ok('VT2026')],
      ['VT 2026', ok('VT2026')],
      ['vt-2026', ok('VT2026')],
      ['V26', ok('VT2026')],
      ['HT25', ok('HT2025')],
      ['ht24', ok('HT2024')],
      ['HT 24', ok('HT2024')],
      ['HT-24', ok('HT2024')],
      ['VT-25', ok('VT2025')],
      ['Höst 2024', ok('HT2024')],
      ['HÖST 2024', ok('HT2024')],
      ['hösten 2024', ok('HT2024')],
      ['Höstterminen 2024', ok('HT2024')],
      ['Vår 2025', ok('VT2025')],
      ['våren 2025', ok('VT2025')],
      ['vårtermin 2025', ok('VT2025')],
      ['ho\u0308sten 2024', ok('HT2024')], // ö as o + combining diaeresis
      ['HT2', no('invalid_term', "'HT2' is not a term (write e.g. HT2025 or VT2026)")],
      ['VT-2', no('invalid_term')],
      ['HT 20245', no('invalid_term')],
      ['Höst', no('invalid_term')],
      ['hösten24', no('invalid_term', "'hösten24' is not a term (write e.g. HT2025 or VT2026)")],
      ['Höst 24', no('invalid_term')],
      ['2025HT', no('invalid_term')],
      ['HT_2025', no('invalid_term')],
      ['ST2025', no('invalid_term')],
      ['HT20255', no('invalid_term')],
      ['H2025', no('invalid_term')],
      ['', no('missing_value', 'term is required but empty: fill in term, or leave the row out')],
    ]);
  });
});

describe('muni', () => {
  it('keeps four digits as text with the leading zero, pads a three-digit code, and takes the code of "2380 Östersund"', async () => {
    await checkCases('registrations', 'home_municipality', [
      ['2380', ok('2380')],
      ['0180', ok('0180')],
      ['180', ok('0180')],
      ['2380 Östersund', ok('2380')],
      ['0180 Stockholm', ok('0180')],
      ['', ok(null)],
      [
        '23',
        no('invalid_muni', "'23' is not a municipality code (four digits, e.g. 2380 or 0180)"),
      ],
      ['12345', no('invalid_muni')],
      ['Östersund', no('invalid_muni')],
      ['2380Östersund', no('invalid_muni')],
      ['23 Jämtlands län', no('invalid_muni')],
    ]);
  });
});

describe('text: required, default, enums, gender', () => {
  it('rejects a required text that is empty or only whitespace', async () => {
    await checkCases('registrations', 'course_code', [
      ['MA001G', ok('MA001G')],
      ['  MA002G  ', ok('MA002G')],
      [
        '',
        no(
          'missing_value',
          'course_code is required but empty: fill in course_code, or leave the row out',
        ),
      ],
      [
        '   ',
        no(
          'missing_value',
          'course_code is required but empty: fill in course_code, or leave the row out',
        ),
      ],
    ]);
  });

  it('fills an empty course_offering with the empty string the contract gives as default', async () => {
    await checkCases('registrations', 'course_offering', [
      ['', ok('')],
      ['12345', ok('12345')],
    ]);
  });

  it('accepts the parental education levels in any case and rejects others, listing the allowed values', async () => {
    const levels = [
      'forgymnasial',
      'gymnasial_le2',
      'gymnasial_3',
      'eftergymnasial_lt3',
      'eftergymnasial_ge3',
      'forskarutbildning',
      'unknown',
    ];
    await checkCases('registrations', 'parental_education', [
      ...levels.map((level): Case => [level, ok(level)]),
      ['GYMNASIAL_3', ok('gymnasial_3')],
      ['', ok(null)],
      [
        'gymnasial',
        no(
          'invalid_text',
          `'gymnasial' is not one of: ${levels.join(', ')} (write one of them as it is listed)`,
        ),
      ],
      ['phd', no('invalid_text')],
    ]);
  });

  it('accepts the two activity kinds and rejects others', async () => {
    await checkCases('activities', 'kind', [
      ['recruitment', ok('recruitment')],
      ['throughput', ok('throughput')],
      ['Throughput', ok('throughput')],
      [
        'inspiration',
        no(
          'invalid_text',
          "'inspiration' is not one of: recruitment, throughput (write one of them as it is listed)",
        ),
      ],
      ['', no('missing_value', 'kind is required but empty: fill in kind, or leave the row out')],
    ]);
  });

  it('accepts >= and <= and their other spellings as operators', async () => {
    await checkCases('activity_goals', 'operator', [
      ['>=', ok('>=')],
      ['<=', ok('<=')],
      ['≥', ok('>=')],
      ['≤', ok('<=')],
      ['=>', ok('>=')],
      ['=<', ok('<=')],
      ['>', no('invalid_text', "'>' is not one of: >=, <= (write one of them as it is listed)")],
      ['=', no('invalid_text')],
    ]);
  });

  it('accepts only indicator names of indicators.md', async () => {
    await checkCases('activity_goals', 'indicator', [
      ['reach', ok('reach')],
      ['conversion_1t', ok('conversion_1t')],
      ['participant_retention', ok('participant_retention')],
      ['new_students', no('invalid_text')], // a municipality indicator, not an activity one
      ['räckvidd', no('invalid_text')],
    ]);
    ws.remove();
    ws = new Workspace();
    await checkCases('recruitment_targets', 'indicator', [
      ['new_students', ok('new_students')],
      ['women_share', ok('women_share')],
      ['reach', no('invalid_text')], // an activity indicator, not a municipality one
    ]);
  });

  it('maps gender: K/W/F/kvinna/woman → woman, M/man → man, anything else → other, empty → unknown', async () => {
    await checkCases('registrations', 'gender', [
      ...['K', 'k', 'W', 'w', 'F', 'f', 'kvinna', 'Kvinna', 'woman', 'WOMAN'].map(
        (g): Case => [g, ok('woman')],
      ),
      ...['M', 'm', 'man', 'Man', 'MAN'].map((g): Case => [g, ok('man')]),
      ...['X', 'annan', 'icke-binär', 'male', 'female'].map((g): Case => [g, ok('other')]),
      ['', ok(null)],
    ]);
  });

  // indicators.md: in a person attribute `unknown` counts as empty — it must neither
  // reject the registration (it would vanish from every indicator) nor count as a value.
  it('reads the word unknown, in any case, as an empty person attribute of a registration', async () => {
    const unknowns = ['unknown', 'Unknown', ' UNKNOWN '];
    for (const column of [
      'home_municipality',
      'centre_id',
      'birth_year',
      'gender',
      'foreign_background',
    ]) {
      await checkCases(
        'registrations',
        column,
        unknowns.map((u): Case => [u, ok(null)]),
      );
    }
    // Elsewhere it is a value like any other: a course code may be called that.
    await checkCases('registrations', 'course_code', [['unknown', ok('unknown')]]);
  });
});

describe('row rules', () => {
  it('rejects a target above 1 (or below 0) for a share indicator, and allows any number for counts and ratios', async () => {
    await checkCases('activity_goals', 'target', [
      ['0,25', ok(0.25)],
      ['0.25', ok(0.25)],
      ['1', ok(1)],
      ['0', ok(0)],
      ['', no('missing_value')],
      ['abc', no('invalid_decimal')],
    ]);
    ws.remove();
    ws = new Workspace();
    const file = ws.write(
      'activity_goals.csv',
      [
        'activity_id;goal_id;indicator;operator;target;by_term',
        'A1;G1;conversion_1t;>=;0,25;HT2025',
        'A1;G2;conversion_1t;>=;25;HT2025',
        'A1;G3;participant_retention;>=;1,5;HT2025',
        'A1;G4;conversion_2t;<=;-0,1;HT2025',
        'A1;G5;reach;>=;25;HT2025',
        'A1;G6;cost_per_conversion;<=;1500;HT2025',
        'A1;G7;participant_completion_rate;>=;1;HT2025',
      ].join('\n'),
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3 });
    expect(
      await ws.query(
        'SELECT goal_id, target::DOUBLE AS target FROM raw_activity_goals ORDER BY _line',
      ),
    ).toEqual([
      { goal_id: 'G1', target: 0.25 },
      { goal_id: 'G5', target: 25 },
      { goal_id: 'G6', target: 1500 },
      { goal_id: 'G7', target: 1 },
    ]);
    expect(
      await ws.query(
        'SELECT line::INT AS line, column_name, rule, reason FROM rejects ORDER BY line',
      ),
    ).toEqual([
      {
        line: 3,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          'target 25.0 for the share conversion_1t is outside 0–1: write a share as 0.25, not 25',
      },
      {
        line: 4,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          'target 1.5 for the share participant_retention is outside 0–1: write a share as 0.25, not 25',
      },
      {
        line: 5,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          'target -0.1 for the share conversion_2t is outside 0–1: write a share as 0.25, not 25',
      },
    ]);
  });

  it('checks a recruitment target share the same way', async () => {
    const file = ws.write(
      'recruitment_targets.csv',
      'scope,indicator,operator,target,by_term\nregion,women_share,>=,"0,6",HT2026\nregion,women_share,>=,60,HT2026\n2380,new_students,>=,120,HT2026\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await ws.query('SELECT line::INT AS line, column_name, rule FROM rejects')).toEqual([
      { line: 3, column_name: 'target', rule: 'share_as_percentage' },
    ]);
  });

  it('accepts region, a two-digit county code or a four-digit municipality code as a recruitment target scope', async () => {
    await checkCases('recruitment_targets', 'scope', [
      ['region', ok('region')],
      ['23', ok('23')],
      ['2380', ok('2380')],
      ['0180', ok('0180')],
      [
        '123',
        no(
          'invalid_scope',
          "scope '123' is not region, a two-digit county code or a four-digit municipality code: write region, a county code such as 23 or a municipality code such as 2380",
        ),
      ],
      ['Jämtland', no('invalid_scope')],
      ['23 Jämtlands län', no('invalid_scope')],
      ['2', no('invalid_scope')],
      // Empty is one reject (missing), not also a shape reject.
      ['', no('missing_value', 'scope is required but empty: fill in scope, or leave the row out')],
    ]);
  });
});

describe('unique keys within a file', () => {
  it('rejects the second and later rows with the key of an earlier row, naming the first row’s line', async () => {
    const file = ws.write(
      'learning_centres.csv',
      'centre_id,name,municipality_code\nLC-1,Ett,2380\nLC-2,Två,2321\nLC-1,Ett igen,2380\nLC-1,Tre,2380\nlc-1,Gemener,2380\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 });
    expect(
      await ws.query('SELECT centre_id, name FROM raw_learning_centres ORDER BY _line'),
    ).toEqual([
      { centre_id: 'LC-1', name: 'Ett' },
      { centre_id: 'LC-2', name: 'Två' },
      { centre_id: 'lc-1', name: 'Gemener' },
    ]);
    expect(
      await ws.query(
        'SELECT line::INT AS line, column_name, rule, reason FROM rejects ORDER BY line',
      ),
    ).toEqual([
      {
        line: 4,
        column_name: 'centre_id',
        rule: 'duplicate_key',
        reason:
          'the same centre_id as line 2: each must be unique, remove or correct one of the rows',
      },
      {
        line: 5,
        column_name: 'centre_id',
        rule: 'duplicate_key',
        reason:
          'the same centre_id as line 2: each must be unique, remove or correct one of the rows',
      },
    ]);
  });

  it('compares keys after typing ("180" and "0180" are one municipality) and over every key column', async () => {
    const file = ws.write(
      'population.csv',
      'municipality_code;year;population_20_64\n0180;2024;600000\n0180;2023;590000\n180;2024;600001\n2380;2024;38000\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
    expect(await ws.query('SELECT line::INT AS line, column_name, reason FROM rejects')).toEqual([
      // age_from is part of the key (two rows of 20–44 and 45–64 may share a year); empty is 20.
      {
        line: 4,
        column_name: 'municipality_code, year, age_from',
        reason:
          'the same municipality_code and year and age_from as line 2: each must be unique, remove or correct one of the rows',
      },
    ]);
  });

  it('does not count a rejected row as the holder of a key', async () => {
    const file = ws.write(
      'activities.csv',
      'activity_id,name,kind,start_term\nA1,Besök,recruitment,XX\nA1,Besök,recruitment,HT2025\nA1,Besök igen,throughput,HT2025\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect(await ws.query('SELECT _line::INT AS line FROM raw_activities')).toEqual([{ line: 3 }]);
    expect(
      await ws.query('SELECT line::INT AS line, rule, reason FROM rejects ORDER BY line'),
    ).toEqual([
      { line: 2, rule: 'invalid_term', reason: "'XX' is not a term (write e.g. HT2025 or VT2026)" },
      {
        line: 4,
        rule: 'duplicate_key',
        reason:
          'the same activity_id as line 3: each must be unique, remove or correct one of the rows',
      },
    ]);
  });

  it('keys activity goals on activity and goal together', async () => {
    const file = ws.write(
      'activity_goals.csv',
      'activity_id,goal_id,indicator,operator,target,by_term\nA1,G1,reach,>=,10,HT2025\nA2,G1,reach,>=,10,HT2025\nA1,G2,reach,>=,10,HT2025\nA1,G1,linked,>=,5,VT2026\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
    expect(await ws.query('SELECT line::INT AS line, column_name, reason FROM rejects')).toEqual([
      {
        line: 5,
        column_name: 'activity_id, goal_id',
        reason:
          'the same activity_id and goal_id as line 2: each must be unique, remove or correct one of the rows',
      },
    ]);
  });

  it('keeps duplicate registrations at ingest (the models keep one and report them)', async () => {
    const file = ws.write(
      'registrations.csv',
      'person_id,term,course_code,credits,first_time\nS1,HT2025,MA001G,7.5,ja\nS1,HT2025,MA001G,7.5,ja\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
  });
});

describe('rows and rejects', () => {
  it('gives a row that breaks two rules two rejects and counts it as one rejected row', async () => {
    const file = ws.write(
      'registrations.csv',
      [
        'person_id;term;course_code;credits;first_time;home_municipality',
        'S1;HT2025;MA001G;7,5;ja;2380',
        'S2;HT2;MA001G;sju;ja;2380',
        'S3;VT2026;;100;kanske;23',
        'S4;VT2026;MA002G;15;nej;',
      ].join('\r\n'),
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    expect(
      await ws.query(
        'SELECT line::INT AS line, column_name, rule FROM rejects ORDER BY line, column_name',
      ),
    ).toEqual([
      { line: 3, column_name: 'credits', rule: 'invalid_decimal' },
      { line: 3, column_name: 'term', rule: 'invalid_term' },
      { line: 4, column_name: 'course_code', rule: 'missing_value' },
      { line: 4, column_name: 'credits', rule: 'out_of_range' },
      { line: 4, column_name: 'first_time', rule: 'invalid_bool' },
      { line: 4, column_name: 'home_municipality', rule: 'invalid_muni' },
    ]);
    expect(
      await ws.query(
        'SELECT _line::INT AS line, course_code, home_municipality FROM raw_registrations ORDER BY _line',
      ),
    ).toEqual([
      { line: 2, course_code: 'MA001G', home_municipality: '2380' },
      { line: 5, course_code: 'MA002G', home_municipality: null },
    ]);
    // The ledger agrees with the result.
    expect(
      await ws.query(
        'SELECT rows_read::INT AS r, rows_loaded::INT AS l, rows_rejected::INT AS j FROM loads',
      ),
    ).toEqual([{ r: 4, l: 2, j: 2 }]);
  });

  it('always has rows read = loaded + rejected, also with unreadable lines, duplicates and row rules', async () => {
    const files = [
      ws.write(
        'learning_centres.csv',
        'centre_id,name,municipality_code\nLC-1,Ett,2380\nLC-1,Två,2380\nLC-4,Fyra\nLC-5,Fem,2380,extra\nLC-6,,23\nLC-7,Sju,2380\n',
      ),
      ws.write(
        'activity_goals.csv',
        'activity_id,goal_id,indicator,operator,target,by_term\nA1,G1,reach,>=,10,HT2025\nA1,G1,reach,>=,10,HT2025\nA1,G2,conversion_1t,>=,25,X\n',
      ),
      ws.write(
        'registrations.csv',
        'person_id,term,course_code,credits,first_time\nS1,HT2025,MA001G,7.5,ja\n,HT2025,MA001G,7.5,ja\nS2,HT2025,MA001G,7.5\n',
      ),
    ];
    const report = await ws.ingest(files);
    expect(report.failures).toEqual([]);
    for (const result of report.results)
      expect(result.rowsRead).toBe(result.rowsLoaded + result.rowsRejected);
    expect(report.results.map((r) => [r.kind, r.rowsRead, r.rowsLoaded, r.rowsRejected])).toEqual([
      // LC-1, LC-7 load; the duplicate, the short line, the long line and LC-6 (two broken cells) are rejected.
      ['learning_centres', 6, 2, 4],
      ['activity_goals', 3, 1, 2],
      ['registrations', 3, 1, 2],
    ]);
    const perLoad = await ws.query<{
      kind: string;
      loaded: bigint;
      rejected_rows: bigint;
      read: bigint;
      raw: bigint;
    }>(
      `SELECT l.kind, l.rows_read AS read, l.rows_loaded AS loaded,
              (SELECT count(DISTINCT line) FROM rejects r WHERE r.load_id = l.load_id) AS rejected_rows,
              CASE l.kind WHEN 'learning_centres' THEN (SELECT count(*) FROM raw_learning_centres)
                          WHEN 'activity_goals' THEN (SELECT count(*) FROM raw_activity_goals)
                          ELSE (SELECT count(*) FROM raw_registrations) END AS raw
       FROM loads l ORDER BY l.load_id`,
    );
    for (const load of perLoad) {
      expect(load.raw).toBe(load.loaded);
      expect(load.read).toBe(load.loaded + load.rejected_rows);
    }
  });
});
