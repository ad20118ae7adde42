// Nothing a user loaded leaves the decision sheet without a word (issue 14): real ingest,
// build and decide on small hand-made files.
//
// activities.csv (line 1 is the header):
//   2 R1 recruitment, loads; both its goal rows are rejected (goals lines 2 and 3)
//   3 T1 throughput, loads; goal g1 is a recruitment indicator (invalid), g2 is met
//   4 BAD1 rejected twice: kind 'rekrytering' and start_term 'autumn'; its goal g1 loads
//   5 BAD2 rejected: name empty; its participation loads
//   6 an activity_id shaped like a personnummer: rejected, and its id is never stored
// activity_sessions.csv names S9, which has no row in activities at all.
// T1: session 2025-10-01 with Q1, who registers HT2025 → participants = 1 from HT2025 on,
// so g2 "participants ≥ 1 by HT2025" is met at VT2026 (a count: value 1 ≥ 1). g1
// conversion_2t can never have a value for a throughput activity: invalid, which counts
// like insufficient, so the only judged goal is g2 (met) → continue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { decide, type ActivityDecision } from '../../src/decide/decide.ts';
import { decisionsCsv } from '../../src/decide/decisions-csv.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { indicatorNames } from '../../src/indicators/registry.ts';
import { Workspace } from '../helpers/workspace.ts';

const registrations = `person_id,term,course_code,credits,first_time
Q1,HT2025,C1,7.5,ja
P1,VT2026,X1,7.5,ja
`;
const needs = `need_id,documented_on,source,description
N-1,2024-11-01,Behovsinventering 2024,Studievana saknas
`;
const activities = `activity_id,name,kind,type,municipality_code,start_term,end_term,need_id,cost_sek
R1,Inspirationsdag,recruitment,inspiration,2380,VT2025,,N-1,
T1,Tentastöd,throughput,exam_support,2280,HT2025,,N-1,
BAD1,Studiebesök,rekrytering,study_visit,2380,autumn,,N-1,
BAD2,,throughput,,2280,HT2025,,N-1,
19121212-1212,Felskrivet id,recruitment,,2380,HT2025,,N-1,
`;
const goals = `activity_id,goal_id,indicator,operator,target,by_term
R1,g1,conversion_2t,>=,25 procent,VT2026
R1,g2,reach,>=,40,autumn
T1,g1,conversion_2t,>=,0.2,VT2026
T1,g2,participants,>=,1,HT2025
BAD1,g1,reach,>=,10,VT2026
`;
const sessions = `activity_id,session_date,participants
T1,2025-10-01,12
S9,2025-09-15,8
`;
const participations = `activity_id,session_date,person_id
T1,2025-10-01,Q1
BAD2,2025-10-01,P1
`;

let ws: Workspace;
let sv: Map<string, ActivityDecision>;
let en: Map<string, ActivityDecision>;
let svList: ActivityDecision[];
let rejectKeys: { line: number; record_key: string | null }[];

beforeAll(async () => {
  ws = new Workspace();
  const files = Object.entries({
    registrations,
    needs,
    activities,
    activity_goals: goals,
    activity_sessions: sessions,
    participations,
  }).map(([kind, text]) => ws.write(`in/${kind}.csv`, text));
  const report = await ws.ingest(files);
  expect(report.failures).toEqual([]);
  // rows rejected per file: activities 3 (lines 4, 5, 6), goals 2 (lines 2, 3), none else
  expect(report.results.map((r) => r.rowsRejected)).toEqual([0, 0, 3, 2, 0, 0]);
  rejectKeys = await ws.query(
    `SELECT DISTINCT line::INT AS line, record_key FROM rejects WHERE file_name = 'activities.csv' ORDER BY line`,
  );
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    svList = await decide(db, 'VT2026', { minN: 10, lang: 'sv' });
    sv = new Map(svList.map((d) => [d.activityId, d]));
    en = new Map(
      (await decide(db, 'VT2026', { minN: 10, lang: 'en' })).map((d) => [d.activityId, d]),
    );
  } finally {
    db.close();
  }
});
afterAll(() => ws.remove());

describe('rejects.record_key', () => {
  it('keeps the activity_id of a rejected activity row, also when other cells are bad, and never an id shaped like a personnummer', () => {
    expect(rejectKeys).toEqual([
      { line: 4, record_key: 'BAD1' },
      { line: 5, record_key: 'BAD2' },
      { line: 6, record_key: null },
    ]);
  });
});

describe('every activity id seen is on the sheet', () => {
  it('lists the loaded, the rejected and the sessions-only activities, and nothing of the personnummer-shaped id', () => {
    expect(svList.map((d) => d.activityId)).toEqual(['BAD1', 'BAD2', 'R1', 'S9', 'T1']);
  });

  it('(a) an activity whose own row is rejected: not loaded, with file, line, every reason and the fix', () => {
    const d = sv.get('BAD1')!;
    expect(d).toMatchObject({
      name: null,
      kind: null,
      recommendation: 'insufficient_data',
      ground: 'not_loaded',
    });
    // the two reasons of line 4, in column order (kind before start_term)
    const reasons =
      "kind 'rekrytering' is not one of: recruitment, throughput (write one of them as it is listed); start_term 'autumn' is not a term (write e.g. HT2025 or VT2026)";
    expect(d.notLoaded).toEqual({
      row: { kind: 'activities', file: 'activities.csv', line: 4, reasons },
      seenIn: ['activities', 'activity_goals'],
    });
    expect(
      d.reasons.startsWith(
        `Inte inläst: activities.csv, rad 4: ${reasons} – rätta raden och läs in filen igen.`,
      ),
    ).toBe(true);
    expect(
      en
        .get('BAD1')!
        .reasons.startsWith(
          `Not loaded: activities.csv, line 4: ${reasons} – correct the row and load the file again.`,
        ),
    ).toBe(true);
    // its goal loaded and is still shown; with no activity there is no value to judge it by
    expect(d.goals.map((g) => [g.goalId, g.status])).toEqual([['g1', 'insufficient']]);
  });

  it('(a) a missing name: the reason names the column', () => {
    const d = en.get('BAD2')!;
    expect(d.notLoaded?.row).toEqual({
      kind: 'activities',
      file: 'activities.csv',
      line: 5,
      reasons: 'name is required but empty: fill in name, or leave the row out',
    });
    expect(d.notLoaded?.seenIn).toEqual(['activities', 'participations']);
    expect(d.reasons).toBe(
      'Not loaded: activities.csv, line 5: name is required but empty: fill in name, or leave the row out – correct the row and load the file again.',
    );
  });

  it('(b) an activity seen only in sessions: "no row in activities", and where it was seen', () => {
    const d = sv.get('S9')!;
    expect(d).toMatchObject({
      name: null,
      recommendation: 'insufficient_data',
      ground: 'not_loaded',
      goals: [],
    });
    expect(d.notLoaded).toEqual({ row: null, seenIn: ['activity_sessions'] });
    expect(d.reasons).toBe(
      'Inte inläst: ingen rad i activities (aktiviteten finns i activity_sessions) – lägg till en rad för den och läs in filen igen.',
    );
    expect(en.get('S9')!.reasons).toBe(
      'Not loaded: no row in activities (the activity is named in activity_sessions) – add one and load the file again.',
    );
  });
});

describe('(c) goals written but not read', () => {
  it('names both rejected goal rows and does not ask to set goals', () => {
    const d = sv.get('R1')!;
    expect(d).toMatchObject({
      name: 'Inspirationsdag',
      recommendation: 'insufficient_data',
      ground: 'goals_unread',
      goals: [],
      notLoaded: null,
    });
    // the target message's advice is ingest's (cell-rules.ts); here only its start matters
    expect(d.unreadGoals).toEqual([
      {
        kind: 'activity_goals',
        file: 'activity_goals.csv',
        line: 2,
        reasons: expect.stringMatching(/^target '25 procent' is not a number \(write /),
      },
      {
        kind: 'activity_goals',
        file: 'activity_goals.csv',
        line: 3,
        reasons: "by_term 'autumn' is not a term (write e.g. HT2025 or VT2026)",
      },
    ]);
    const target = d.unreadGoals[0]!.reasons;
    expect(d.reasons).toBe(
      'Mål har skrivits men kunde inte läsas: rätta activity_goals.csv rad 2, 3 och läs in filen igen. ' +
        `2 målrader kunde inte läsas: activity_goals.csv, rad 2: ${target}; ` +
        "activity_goals.csv, rad 3: by_term 'autumn' is not a term (write e.g. HT2025 or VT2026).",
    );
    expect(d.reasons).not.toContain('sätt mål');
    const english = en.get('R1')!.reasons;
    expect(
      english.startsWith(
        'Goals were written but could not be read: correct activity_goals.csv lines 2, 3 and load the file again. 2 goal rows could not be read: activity_goals.csv, line 2:',
      ),
    ).toBe(true);
    expect(english).not.toMatch(/set goals/i);
  });
});

describe('(d) a goal on an indicator of the other kind', () => {
  it('is invalid with its reason, and counts like insufficient: the met goal alone decides', () => {
    const d = en.get('T1')!;
    expect(d.goals.map((g) => [g.goalId, g.status])).toEqual([
      ['g1', 'invalid'],
      ['g2', 'met'],
    ]);
    expect(d).toMatchObject({ recommendation: 'continue', ground: 'all_judged_met' });
    const choices =
      'participants, participant_prestationsgrad, prestationsgrad_oe, participant_completion_rate, completion_rate_diff, participant_retention';
    expect(d.goals[0]!.invalidReason).toBe(
      `it is a widened recruitment indicator, but this is a throughput activity: choose one of ${choices}`,
    );
    expect(d.goals[0]!.sentence).toBe(
      `Conversion within two terms ≥ 20%: invalid goal – it is a widened recruitment indicator, but this is a throughput activity: choose one of ${choices}.`,
    );
    expect(sv.get('T1')!.goals[0]!.sentence).toBe(
      `Konvertering inom två terminer ≥ 20\u00a0%: ogiltigt mål – det är en indikator för breddad rekrytering, men aktiviteten gäller genomströmning: välj en av ${choices}.`,
    );
  });
});

describe('decisions.csv and the report', () => {
  it('has a row for every activity; an invalid goal counts in goals_insufficient', () => {
    const lines = decisionsCsv(
      [...en.values()].sort((a, b) => a.activityId.localeCompare(b.activityId)),
    )
      .replace('\uFEFF', '')
      .trim()
      .split('\n');
    expect(lines.map((l) => l.split(',').slice(0, 15).join(','))).toEqual([
      'activity_id,name,kind,municipality_code,centre_id,review_term,recommendation,goals_total,goals_met,goals_likely_met,goals_likely_missed,goals_missed,goals_insufficient,goals_not_due,need_documented',
      'BAD1,,,,,VT2026,insufficient_data,1,0,0,0,0,1,0,false',
      'BAD2,,,,,VT2026,insufficient_data,0,0,0,0,0,0,0,false',
      'R1,Inspirationsdag,recruitment,2380,,VT2026,insufficient_data,0,0,0,0,0,0,0,true',
      'S9,,,,,VT2026,insufficient_data,0,0,0,0,0,0,0,false',
      'T1,Tentastöd,throughput,2280,,VT2026,continue,2,1,0,0,0,1,0,true',
    ]);
  });

  it('shows the not-loaded activities and the unread goal rows in the decision table and on the cards', async () => {
    const db = await Database.open(ws.dbPath);
    let html: string;
    try {
      const written = await writeReport(db, {
        term: 'VT2026',
        out: join(ws.dir, 'out'),
        lang: 'sv',
        minN: 10,
        title: 'Terminsrapport',
      });
      html = readFileSync(join(written.folder, 'index.html'), 'utf8');
    } finally {
      db.close();
    }
    const table = html.slice(
      html.indexOf('<section id="decisions">'),
      html.indexOf('<section id="activities">'),
    );
    const cards = html.slice(html.indexOf('<section id="activities">'));
    for (const part of [table, cards]) {
      expect(part).toContain(
        '⚠ Inte inläst: activities.csv, rad 5: name is required but empty: fill in name, or leave the row out – rätta raden och läs in filen igen.',
      );
      expect(part).toContain(
        '⚠ Inte inläst: ingen rad i activities (aktiviteten finns i activity_sessions)',
      );
      expect(part).toContain(
        '⚠ 2 målrader kunde inte läsas: activity_goals.csv, rad 2: target &#39;25 procent&#39; is not a number',
      );
    }
    for (const id of ['BAD1', 'BAD2', 'R1', 'S9', 'T1'])
      expect(cards).toContain(`id="activity-${id}"`);
    expect(cards).toContain(
      '<span class="status st-invalid">ogiltigt mål</span> (det är en indikator för breddad rekrytering',
    );
  });
});

describe('a database made before rejects had record_key, and rows seen only as rejects', () => {
  const old = new Workspace();
  afterAll(() => old.remove());

  it('gets the column; an activity whose only row is a rejected session is listed, and the rejected row is named', async () => {
    const db = await Database.open(old.dbPath);
    try {
      // the ledger's rejects table as it was before record_key
      await db.run(
        `CREATE TABLE rejects (load_id INTEGER NOT NULL, file_name VARCHAR NOT NULL, line BIGINT, column_name VARCHAR, rule VARCHAR NOT NULL, reason VARCHAR NOT NULL)`,
      );
    } finally {
      db.close();
    }
    const files = [
      old.write(
        'in/registrations.csv',
        'person_id,term,course_code,credits,first_time\nQ1,HT2025,C1,7.5,ja\n',
      ),
      old.write('in/activity_sessions.csv', 'activity_id,session_date,participants\nX7,igår,5\n'),
      // one goal on every activity indicator, to read the kind stg_activity_goals gives each
      old.write(
        'in/activity_goals.csv',
        `activity_id,goal_id,indicator,operator,target,by_term\n${indicatorNames(
          'recruitment',
          'throughput',
        )
          .map((i) => `K1,${i},${i},>=,0.5,HT2025`)
          .join('\n')}\n`,
      ),
    ];
    const report = await old.ingest(files);
    expect(report.failures).toEqual([]);
    expect(await old.query(`SELECT record_key, line::INT AS line FROM rejects`)).toEqual([
      { record_key: 'X7', line: 2 },
    ]);
    const reopened = await Database.open(old.dbPath);
    try {
      await buildModels(reopened, DEFAULT_BUILD_SETTINGS);
      const kinds = await reopened.rows<{ indicator: string; indicator_kind: string }>(
        `SELECT indicator, indicator_kind FROM stg_activity_goals ORDER BY indicator`,
      );
      const expected = [
        ...indicatorNames('recruitment').map((indicator) => ({
          indicator,
          indicator_kind: 'recruitment',
        })),
        ...indicatorNames('throughput').map((indicator) => ({
          indicator,
          indicator_kind: 'throughput',
        })),
      ].sort((a, b) => a.indicator.localeCompare(b.indicator));
      expect(kinds).toEqual(expected);
      const decisions = new Map(
        (await decide(reopened, 'HT2025', { minN: 10, lang: 'sv' })).map((d) => [d.activityId, d]),
      );
      expect([...decisions.keys()]).toEqual(['K1', 'X7']);
      const x7 = decisions.get('X7')!;
      expect(x7.notLoaded).toEqual({ row: null, seenIn: ['activity_sessions'] });
      expect(x7.unreadOther).toEqual([
        {
          kind: 'activity_sessions',
          file: 'activity_sessions.csv',
          line: 2,
          reasons: "session_date 'igår' is not a date (write YYYY-MM-DD, e.g. 2025-03-14)",
        },
      ]);
      expect(x7.reasons).toBe(
        'Inte inläst: ingen rad i activities (aktiviteten finns i activity_sessions) – lägg till en rad för den och läs in filen igen. ' +
          '1 rad i activity_sessions kunde inte läsas (activity_sessions.csv rad 2) och räknas inte.',
      );
    } finally {
      reopened.close();
    }
  });
});

describe('a newer row of a loaded activity rejected by a later load', () => {
  const two = new Workspace();
  afterAll(() => two.remove());

  it('is named: the sheet shows the earlier row and says so; a rejected row older than the loaded one is not', async () => {
    const header =
      'activity_id,name,kind,type,municipality_code,start_term,end_term,need_id,cost_sek';
    expect(
      (
        await two.ingest([
          two.write(
            'in/registrations.csv',
            'person_id,term,course_code,credits,first_time\nQ1,HT2025,C1,7.5,ja\n',
          ),
          // load 2: T1 loads; U1 is rejected (start_term)
          two.write(
            'in/activities.csv',
            `${header}\nT1,Tentastöd,throughput,,2280,HT2025,,,\nU1,Mentorskap,throughput,,2280,autumn,,,\n`,
          ),
        ])
      ).failures,
    ).toEqual([]);
    // load 3: T1's new row is rejected (end_term); U1's corrected row loads
    expect(
      (
        await two.ingest([
          two.write(
            'in/activities-2.csv',
            `${header}\nT1,Tentastöd,throughput,,2280,HT2025,snart,,\nU1,Mentorskap,throughput,,2280,HT2025,,,\n`,
          ),
        ])
      ).failures,
    ).toEqual([]);
    const db = await Database.open(two.dbPath);
    try {
      await buildModels(db, DEFAULT_BUILD_SETTINGS);
      const decisions = new Map(
        (await decide(db, 'HT2025', { minN: 10, lang: 'en' })).map((d) => [d.activityId, d]),
      );
      const t1 = decisions.get('T1')!;
      expect(t1).toMatchObject({
        name: 'Tentastöd',
        notLoaded: null,
        ground: 'no_documented_need',
      });
      expect(t1.newerRowUnread).toEqual({
        kind: 'activities',
        file: 'activities-2.csv',
        line: 2,
        reasons: "end_term 'snart' is not a term (write e.g. HT2025 or VT2026)",
      });
      expect(t1.reasons).toBe(
        'No documented need: document the need in the needs inventory. ' +
          "A later row for the activity could not be read (activities-2.csv, line 2: end_term 'snart' is not a term (write e.g. HT2025 or VT2026)); what is shown comes from an earlier load – correct the row and load the file again.",
      );
      const u1 = decisions.get('U1')!;
      expect(u1).toMatchObject({ notLoaded: null, newerRowUnread: null });
      expect(u1.reasons).toBe('No documented need: document the need in the needs inventory.');
    } finally {
      db.close();
    }
  });
});
