// The spellings users write (issue 14): share targets as percentages and dates in a
// day/month order, through a real ingest of small CSV files into a real DuckDB file.
// Terms (ht24, Höst 2024, …) are in rules.test.ts with the other cell types.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, windows1252 } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

type Reject = { line: number; column_name: string; rule: string; reason: string };

async function rejects(): Promise<Reject[]> {
  return ws.query<Reject>(
    'SELECT line::INT AS line, column_name, rule, reason FROM rejects ORDER BY line, column_name',
  );
}

const NOT_A_NUMBER =
  'is not a number (write a share as 0.25 or 25 %, a count or ratio as 7.5 or 7,5)';
const notAShare = (indicator: string) =>
  `${indicator} is not a share (only a share may be written with %): write the target as a plain number in the unit of ${indicator}`;

describe('a share target written as a percentage', () => {
  it("loads 25 %, 25%, 12,5 % and Excel's 25 % (no-break space) as 0.25 and 0.125; rejects % on a count or ratio and shapes that are not percentages", async () => {
    const rows = [
      'A1;G1;conversion_1t;>=;25 %', // 25 / 100 = 0.25
      'A1;G2;conversion_1t;>=;25%', // 0.25
      'A1;G3;participant_retention;>=;12,5 %', // 12.5 / 100 = 0.125
      'A1;G4;converted_first_generation_share;>=;12.5%', // 0.125
      'A1;G5;participant_completion_rate;>=;100 %', // 1
      'A1;G6;conversion_2t;<=;0 %', // 0
      'A1;G7;conversion_1t;>=;7,25 %', // 7.25 / 100 = 0.0725 (two decimals stay exact in four)
      'A1;G8;conversion_1t;>=;25\u00a0%', // Swedish Excel's percent format: 0.25
      'A1;G9;conversion_1t;>=;0,25 %', // a quarter of a percent: 0.0025, as written
      'A1;G10;conversion_1t;>=;0,25', // the plain share: 0.25
      'A1;G11;cost_per_conversion;<=;1500', // a plain number for a non-share: 1500
      // line 13 on: rejected
      'A1;G12;conversion_1t;>=;25', // a bare 25 for a share
      'A1;G13;conversion_1t;>=;250 %', // 2.5: above 100 %
      'A1;G14;reach;>=;25 %', // a count
      'A1;G15;prestationsgrad_oe;>=;110 %', // a ratio
      'A1;G16;conversion_1t;>=;25 procent',
      'A1;G17;conversion_1t;>=;12,345 %', // three decimals would not stay exact
      'A1;G18;conversion_1t;>=;% 25',
      'A1;G19;conversion_1t;>=;-5 %',
      'A1;G20;conversion_1t;>=;25 %%',
      'A1;G21;conversion_1t;>=;25  %', // two spaces
      'A1;G22;conversion_1t;>=;900101-1234 %', // shaped like a personnummer: never quoted
    ];
    const file = ws.write(
      'activity_goals.csv',
      `${['activity_id;goal_id;indicator;operator;target;by_term', ...rows.map((r) => `${r};HT2025`)].join('\n')}\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.failures).toEqual([]);
    expect(report.results[0]).toMatchObject({ rowsRead: 22, rowsLoaded: 11, rowsRejected: 11 });
    expect(
      await ws.query(
        'SELECT _line::INT AS line, goal_id, target::DOUBLE AS target, target::VARCHAR AS exact FROM raw_activity_goals ORDER BY _line',
      ),
    ).toEqual([
      { line: 2, goal_id: 'G1', target: 0.25, exact: '0.2500' },
      { line: 3, goal_id: 'G2', target: 0.25, exact: '0.2500' },
      { line: 4, goal_id: 'G3', target: 0.125, exact: '0.1250' },
      { line: 5, goal_id: 'G4', target: 0.125, exact: '0.1250' },
      { line: 6, goal_id: 'G5', target: 1, exact: '1.0000' },
      { line: 7, goal_id: 'G6', target: 0, exact: '0.0000' },
      { line: 8, goal_id: 'G7', target: 0.0725, exact: '0.0725' },
      { line: 9, goal_id: 'G8', target: 0.25, exact: '0.2500' },
      { line: 10, goal_id: 'G9', target: 0.0025, exact: '0.0025' },
      { line: 11, goal_id: 'G10', target: 0.25, exact: '0.2500' },
      { line: 12, goal_id: 'G11', target: 1500, exact: '1500.0000' },
    ]);
    expect(await rejects()).toEqual([
      {
        line: 13,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          'target 25.0 for the share conversion_1t is outside 0–1: write a share as 0.25, not 25',
      },
      {
        line: 14,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          "target '250 %' for the share conversion_1t is above 100 %: write a share from 0 % to 100 % (or 0 to 1)",
      },
      {
        line: 15,
        column_name: 'target',
        rule: 'percent_for_non_share',
        reason: `target '25 %' is a percentage, but ${notAShare('reach')}`,
      },
      {
        line: 16,
        column_name: 'target',
        rule: 'percent_for_non_share',
        reason: `target '110 %' is a percentage, but ${notAShare('prestationsgrad_oe')}`,
      },
      {
        line: 17,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'25 procent' ${NOT_A_NUMBER}`,
      },
      {
        line: 18,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'12,345 %' ${NOT_A_NUMBER}`,
      },
      {
        line: 19,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'% 25' ${NOT_A_NUMBER}`,
      },
      {
        line: 20,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'-5 %' ${NOT_A_NUMBER}`,
      },
      {
        line: 21,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'25 %%' ${NOT_A_NUMBER}`,
      },
      {
        line: 22,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason: `'25  %' ${NOT_A_NUMBER}`,
      },
      {
        line: 23,
        column_name: 'target',
        rule: 'invalid_decimal',
        reason:
          'the cell looks like a personal identity number, which may only be written in person_id; correct or empty the cell',
      },
    ]);
  });

  it('reads a recruitment target the same way: 60 % and "62,5%" of women_share are 0.6 and 0.625, % on a count or rate is rejected', async () => {
    const file = ws.write(
      'recruitment_targets.csv',
      [
        'scope,indicator,operator,target,by_term',
        'region,women_share,>=,60 %,HT2026', // 0.6
        'region,women_share,>=,"62,5%",HT2026', // 0.625
        '2380,hst,>=,1500,HT2026', // a count as a plain number: 1500
        '2380,new_students,>=,120 %,HT2026', // a count
        'region,new_students_per_10k,>=,5 %,HT2026', // a rate per 10 000
        'region,women_share,>=,60,HT2026', // a bare 60 for a share
      ].join('\r\n'),
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 6, rowsLoaded: 3, rowsRejected: 3 });
    expect(
      await ws.query(
        'SELECT _line::INT AS line, indicator, target::VARCHAR AS target FROM raw_recruitment_targets ORDER BY _line',
      ),
    ).toEqual([
      { line: 2, indicator: 'women_share', target: '0.6000' },
      { line: 3, indicator: 'women_share', target: '0.6250' },
      { line: 4, indicator: 'hst', target: '1500.0000' },
    ]);
    expect(await rejects()).toEqual([
      {
        line: 5,
        column_name: 'target',
        rule: 'percent_for_non_share',
        reason: `target '120 %' is a percentage, but ${notAShare('new_students')}`,
      },
      {
        line: 6,
        column_name: 'target',
        rule: 'percent_for_non_share',
        reason: `target '5 %' is a percentage, but ${notAShare('new_students_per_10k')}`,
      },
      {
        line: 7,
        column_name: 'target',
        rule: 'share_as_percentage',
        reason:
          'target 60.0 for the share women_share is outside 0–1: write a share as 0.25, not 25',
      },
    ]);
  });

  it('keeps % out of other decimal columns: a cost of 25 % is not a number', async () => {
    const file = ws.write(
      'activities.csv',
      'activity_id;name;kind;start_term;cost_sek\nA1;Besök;recruitment;HT2025;25 %\n',
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsRejected: 1 });
    expect(await rejects()).toEqual([
      {
        line: 2,
        column_name: 'cost_sek',
        rule: 'invalid_decimal',
        reason: "'25 %' is not a number (write 7.5 or 7,5)",
      },
    ]);
  });
});

describe('a file as Swedish Excel saves it (Windows-1252, ;, no-break space before %)', () => {
  it('reads Höst 2024 / VÅREN 2025 as terms and 25 % / 12,5 % as shares', async () => {
    const text = [
      'activity_id;goal_id;indicator;operator;target;by_term',
      'A1;G1;conversion_1t;>=;25\u00a0%;Höst 2024', // 0.25 by HT2024
      'A1;G2;participant_retention;>=;12,5\u00a0%;VÅREN 2025', // 0.125 by VT2025
      'A1;G3;reach;>=;40;hösten 2025', // 40 by HT2025
    ].join('\r\n');
    const file = ws.write('activity_goals.csv', windows1252(text));
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(
      await ws.query(
        'SELECT goal_id, target::VARCHAR AS target, by_term FROM raw_activity_goals ORDER BY _line',
      ),
    ).toEqual([
      { goal_id: 'G1', target: '0.2500', by_term: 'HT2024' },
      { goal_id: 'G2', target: '0.1250', by_term: 'VT2025' },
      { goal_id: 'G3', target: '40.0000', by_term: 'HT2025' },
    ]);
  });
});

describe('a date in day/month order', () => {
  it('is refused with the ISO form built from the cell: both readings when day and month are ambiguous, the one reading otherwise', async () => {
    const cells: [string, string | null][] = [
      ['2024-10-08', null], // loads
      ['2024-10-08 00:00:00', null], // loads as 2024-10-08
      // 8 and 10 can each be day or month: 2024-10-08 (8 October) or 2024-08-10 (10 August)
      [
        '8/10/2024',
        'write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous',
      ],
      [
        '08/10/2024',
        'write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous',
      ],
      [
        '8.10.2024',
        'write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous',
      ],
      [
        '8-10-2024',
        'write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous',
      ],
      [
        '8/10/2024 00:00',
        'write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous',
      ],
      [
        '1/12/2024',
        'write 2024-12-01 or 2024-01-12 as the date means; day and month are ambiguous',
      ],
      // 25 is no month: only 25 October
      [
        '25/10/2024',
        'write 2024-10-25; other orders are refused because day and month can be ambiguous',
      ],
      [
        '10/25/2024',
        'write 2024-10-25; other orders are refused because day and month can be ambiguous',
      ],
      // the same date both ways
      [
        '5/5/2024',
        'write 2024-05-05; other orders are refused because day and month can be ambiguous',
      ],
      [
        '29.02.2024',
        'write 2024-02-29; other orders are refused because day and month can be ambiguous',
      ], // leap day; 29 is no month
      // year first, other separators or one-digit parts
      ['2024/10/08', 'write 2024-10-08'],
      ['2024.10.8', 'write 2024-10-08'],
      ['2025-3-14', 'write 2025-03-14'],
    ];
    const generic: string[] = [
      '31/02/2024',
      '29/02/2023',
      '13/13/2024',
      '2024/02/30',
      '8/10/24',
      '8 okt 2024',
    ];
    const lines = [...cells.map(([c]) => c), ...generic].map((c) => `A1;${c};12`);
    const file = ws.write(
      'activity_sessions.csv',
      `${['activity_id;session_date;participants', ...lines].join('\n')}\n`,
    );
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({ rowsRead: 21, rowsLoaded: 2, rowsRejected: 19 });
    expect(
      await ws.query(
        "SELECT _line::INT AS line, strftime(session_date, '%Y-%m-%d') AS d FROM raw_activity_sessions ORDER BY _line",
      ),
    ).toEqual([
      { line: 2, d: '2024-10-08' },
      { line: 3, d: '2024-10-08' },
    ]);
    expect(await rejects()).toEqual([
      ...cells
        .map(([cell, fix], i) => ({ cell, fix, line: i + 2 }))
        .filter((c) => c.fix !== null)
        .map((c) => ({
          line: c.line,
          column_name: 'session_date',
          rule: 'invalid_date',
          reason: `'${c.cell}' is not written YYYY-MM-DD: ${c.fix}`,
        })),
      ...generic.map((cell, i) => ({
        line: cells.length + i + 2,
        column_name: 'session_date',
        rule: 'invalid_date',
        reason: `'${cell}' is not a date (write YYYY-MM-DD, e.g. 2025-03-14)`,
      })),
    ]);
  });
});
