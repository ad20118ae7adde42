// Personal data and small cells over the whole pipeline, as a user runs it: generate a
// data set, add files that put identity numbers where they do not belong (and a Ladok
// export in Windows-1252, which is transcoded through a temporary copy), run the pipeline,
// decide, status, query, explain, broken pipeline definitions and a --strict ingest; then
// search every byte larsam wrote (database, WAL, temporary files, report folder, stdout
// and stderr of every run) and every value of every table for every identity number of
// the input. The needles come from the input files themselves.
//
// Then small cells: every cell the published table marks suppressed is checked against
// the unsuppressed `indicators` table in the position it would have in indicators.csv,
// the charts' data (.vl.json), decisions.csv, and, since the SVG and the page's charts
// are made from the published spec alone, that each SVG is the rendering of that spec
// and the page embeds exactly it. test/report/small-cells.test.ts searches the report of
// a small fixture for hidden non-integer values anywhere; this adds positions, counts
// (integers) and participation.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { activityChartName } from '../../src/report/chart-file-name.ts';
import type { PublishedValue } from '../../src/report/report-data.ts';
import { compileToVega, renderSvg } from '../../src/report/render/index.ts';
import { scriptJson } from '../../src/report/html/script-text.ts';
import { quietSvg } from '../../src/report/html/figure.ts';
import { indicatorLabel } from '../../src/indicators/registry.ts';
import { formatIndicatorValue } from '../../src/i18n/format-number.ts';
import { badPnr } from '../helpers/personnummer-fixtures.ts';
import { runCli, type CliRun } from '../helpers/run-cli.ts';
import { Workspace, windows1252 } from '../helpers/workspace.ts';
import { csvObjects } from '../helpers/csv.ts';

const SAMPLE_LADOK = join(
  import.meta.dirname,
  '..',
  '..',
  'data-samples',
  'messy',
  'ladok-utdata-resultat-PE012G.csv',
);
const PNR_TOKEN = /(?<![\d])(\d{6}|\d{8})([-+]?)(\d{4})(?![\d])/g;

let ws: Workspace;
const runs: [string, CliRun][] = [];
/** The last ten digits of every identity number in the input: every written form holds them. */
const cores = new Set<string>();
let term = '';

function addNeedle(value: string): void {
  const m = /^\s*(\d{6}|\d{8})[-+]?(\d{4})\s*$/.exec(value);
  if (m) cores.add(`${m[1]!.slice(-6)}${m[2]}`);
}

/** Every identity number found in text, in any form: 10 or 12 digits inside any run of digits, or with '-' / '+' before the last four. */
function identityNumbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const run of text.matchAll(/\d{10,}/g)) {
    for (let i = 0; i + 10 <= run[0].length; i++)
      if (cores.has(run[0].slice(i, i + 10))) found.add(run[0].slice(i, i + 10));
  }
  for (const m of text.matchAll(/(?=(\d{6})[-+](\d{4}))/g))
    if (cores.has(`${m[1]}${m[2]}`)) found.add(`${m[1]}-${m[2]}`);
  return [...found];
}

function bytesLeaks(bytes: Buffer): string[] {
  return [
    ...identityNumbersIn(bytes.toString('latin1')),
    ...identityNumbersIn(bytes.toString('utf16le')),
    ...identityNumbersIn(bytes.subarray(1).toString('utf16le')),
  ];
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

const run = async (label: string, args: string[]): Promise<CliRun> => {
  const result = await runCli(args, { cwd: ws.dir });
  runs.push([label, result]);
  return result;
};

beforeAll(async () => {
  ws = new Workspace();
  const db = ['--db', join('db', 'larsam.duckdb')];
  const generated = await run('generate', [
    'generate',
    '--persons',
    '300',
    '--seed',
    '11',
    '--out',
    'data',
    '--quiet',
  ]);
  expect(generated.code, generated.stderr).toBe(0);

  // The needles: every person_id of the generated files.
  const persons: string[] = [];
  for (const path of allFiles(join(ws.dir, 'data'))) {
    const rows = csvObjects(readFileSync(path, 'utf8'));
    for (const r of rows) if (r.person_id !== undefined) persons.push(r.person_id);
  }
  for (const p of persons) addNeedle(p);
  const twelve = [...new Set(persons.filter((p) => /^\d{12}$/.test(p)))].slice(0, 40);
  expect(twelve.length).toBe(40);
  const pick = (i: number) => twelve[i]!;
  const dash = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;
  const tenDash = (p: string) => `${p.slice(2, 8)}-${p.slice(8)}`;
  const tenPlus = (p: string) => `${p.slice(2, 8)}+${p.slice(8)}`;
  const bad = twelve.slice(30).map(badPnr); // wrong check digits
  for (const b of bad) addNeedle(b);

  // Files with identity numbers in the wrong cells, and broken ones.
  ws.write(
    'bad/registrations-extra.csv',
    [
      'person_id,term,course_code,credits,first_time,home_municipality,centre_id,birth_year',
      `${bad[0]},HT2025,MA001G,7.5,ja,2380,,`,
      `${tenDash(bad[1]!)},HT2025,MA001G,7.5,ja,2380,,`,
      `stud-x1,HT2025,${pick(0)},7.5,ja,2380,,`,
      `stud-x2,HT2025,MA001G,${pick(1)},ja,2380,,`,
      `stud-x3,HT2025,MA001G,7.5,${tenDash(pick(2))},2380,,`,
      `stud-x4,HT2025,MA001G,7.5,ja,${pick(3).slice(2)},,`,
      `stud-x5,HT2025,MA001G,7.5,ja,2380,${dash(pick(4))},`,
      `stud-x6,HT2025,MA001G,7.5,ja,2380,,${pick(5)}`,
      `stud-x7,${tenPlus(pick(6))},MA001G,7.5,ja,2380,,`,
      `${pick(7)},HT2025`, // too few cells
      `${pick(8)},HT2025,MA001G,7.5,ja,2380,,,${pick(9)}`, // too many
    ].join('\n'),
  );
  ws.write(
    'bad/participations-extra.csv',
    `activity_id,session_date,person_id\n${pick(10)},2025-09-10,${pick(11)}\nINSP-KRA,${pick(12)},${pick(12)}\nINSP-KRA,2025-09-10,${tenDash(bad[2]!)}\n`,
  );
  ws.write(
    'bad/activity_sessions-extra.csv',
    `activity_id,session_date,participants,hours\nINSP-KRA,2025-09-11,${tenDash(pick(13))},${pick(14)}\n`,
  );
  ws.write(
    'bad/needs-extra.csv',
    `need_id,documented_on,source,description\nN-X,2025-03-01,Möte ${tenDash(pick(15))},"Kontakt ${dash(pick(16))}, ring ${pick(17)}"\n`,
  );
  ws.write(
    'bad/activity_goals-extra.csv',
    `activity_id,goal_id,indicator,operator,target,by_term\nINSP-KRA,G9,conversion_1t,>=,${pick(18)},${pick(19)}\n`,
  );
  ws.write('bad/results-headerless.csv', `${pick(20)},MA001G,,7.5,G,2025-10-30,HT2025\n`);
  // A Ladok export in Windows-1252 (transcoded through a temporary copy beside the database).
  const ladok = readFileSync(SAMPLE_LADOK, 'utf8').replace(/^\uFEFF/, '');
  for (const m of ladok.matchAll(PNR_TOKEN)) addNeedle(m[0]);
  ws.write('bad/Resultat-export.csv', windows1252(ladok.replace(/[^\x00-\xff–€’—]/g, '?')));
  expect(cores.size).toBeGreaterThan(250);
  // The scan finds the numbers where they are: in the inputs, in every encoding looked at.
  const input = readFileSync(join(ws.dir, 'data', 'registrations.csv'));
  expect(bytesLeaks(input).length).toBeGreaterThan(200);
  expect(bytesLeaks(Buffer.from(input.toString('latin1'), 'utf16le')).length).toBeGreaterThan(200);
  expect(identityNumbersIn(`x${pick(0)}7 ${tenPlus(pick(1))} 0.${pick(2).slice(2)}12`).length).toBe(
    3,
  );

  writeFileSync(
    join(ws.dir, 'pipeline.json'),
    JSON.stringify({
      name: 'Integritetstest',
      inputs: ['data', 'bad'],
      out: 'reports',
      settings: { lang: 'sv', as_of: '2026-02-21' },
    }),
  );
  // Broken definitions, one with an identity number in the JSON.
  writeFileSync(
    join(ws.dir, 'broken-json.json'),
    `{"name": "x", "inputs": ["data"], "review_term": ${pick(21)}x}`,
  );
  writeFileSync(
    join(ws.dir, 'broken-term.json'),
    JSON.stringify({ inputs: ['data'], review_term: dash(pick(22)) }),
  );
  writeFileSync(
    join(ws.dir, 'broken-key.json'),
    JSON.stringify({ inputs: ['data'], extra: pick(23), settings: { min_n: pick(24) } }),
  );
  writeFileSync(
    join(ws.dir, 'broken-input.json'),
    JSON.stringify({ inputs: ['no-such-folder'], out: 'reports-broken' }),
  );

  const main = await run('run', ['run', 'pipeline.json', ...db]);
  expect(main.code, main.stderr).toBe(1); // the headerless file fails, the others load
  expect(main.stderr).toMatch(/results-headerless\.csv/);
  for (const name of ['broken-json', 'broken-term', 'broken-key', 'broken-input']) {
    const broken = await run(`run ${name}`, ['run', `${name}.json`, ...db]);
    expect(broken.code, name).toBe(1);
  }
  ws.write(
    'strict/registrations-v2.csv',
    `person_id,term,course_code,credits,first_time\n${bad[3]},HT2025,MA001G,${pick(25)},ja\n${pick(26)},HT2025,MA001G,7.5,ja\n`,
  );
  expect(
    (await run('strict', ['ingest', 'strict/registrations-v2.csv', '--strict', '--json', ...db]))
      .code,
  ).toBe(2);
  expect(
    (await run('decide', ['decide', '--json', '--pipeline', 'pipeline.json', ...db])).code,
  ).toBe(0);
  expect(
    (
      await run('decide text', [
        'decide',
        '--out',
        'decide-out',
        '--pipeline',
        'pipeline.json',
        ...db,
      ])
    ).code,
  ).toBe(0);
  expect((await run('status', ['status', '--json', ...db])).code).toBe(0);
  expect((await run('status text', ['status', ...db])).code).toBe(0);
  for (const table of [
    'rejects',
    'loads',
    'raw_registrations',
    'raw_participations',
    'raw_needs',
    'raw_results',
    'indicators',
  ]) {
    expect(
      (await run(`query ${table}`, ['query', `SELECT * FROM ${table}`, '--json', ...db])).code,
    ).toBe(0);
  }
  expect(
    (await run('query csv', ['query', 'SELECT * FROM rejects', '--format', 'csv', ...db])).code,
  ).toBe(0);
  expect((await run('explain', ['explain', 'prestationsgrad', ...db])).code).toBe(0);
  expect((await run('explain en', ['explain', 'conversion_2t', '--lang', 'en', ...db])).code).toBe(
    0,
  );
  term = (JSON.parse(runs.find(([l]) => l === 'decide')![1].stdout) as { reviewTerm: string })
    .reviewTerm;
}, 300_000);
afterAll(() => ws.remove());

describe('no identity number anywhere larsam writes', () => {
  it('found the bad rows (the scan looks where the numbers went)', () => {
    const rejects = JSON.parse(runs.find(([l]) => l === 'query rejects')![1].stdout) as {
      reason: string;
    }[];
    expect(
      rejects.filter((r) => r.reason === 'invalid personnummer checksum').length,
    ).toBeGreaterThanOrEqual(3);
    expect(
      rejects.filter((r) => /looks like a personal identity number/.test(r.reason)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('in no stdout or stderr of any run', () => {
    const leaks = runs.flatMap(([label, r]) => [
      ...identityNumbersIn(r.stdout).map((n) => `${n} in stdout of ${label}`),
      ...identityNumbersIn(r.stderr).map((n) => `${n} in stderr of ${label}`),
    ]);
    expect(leaks).toEqual([]);
  });

  it('in no byte of any file larsam wrote: database, WAL, temporary files, report, decisions', () => {
    // Everything but the inputs this test wrote: data/, bad/, strict/ and the definitions at the top.
    const written = allFiles(ws.dir).filter((p) => {
      const rel = relative(ws.dir, p);
      return !['data', 'bad', 'strict'].includes(rel.split('/')[0]!) && !/^[^/]+\.json$/.test(rel);
    });
    const rel = written.map((p) => relative(ws.dir, p));
    expect(rel).toContain(join('db', 'larsam.duckdb'));
    expect(rel).toContain(join('reports', term, 'index.html'));
    expect(rel.some((p) => p.endsWith('.png'))).toBe(true);
    expect(rel).toContain(join('decide-out', 'decisions.csv'));
    const leaks = written.flatMap((p) =>
      bytesLeaks(readFileSync(p)).map((n) => `${n} in ${relative(ws.dir, p)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('in no value of any table or view of the database', async () => {
    const db = await Database.open(join(ws.dir, 'db', 'larsam.duckdb'), { readOnly: true });
    const leaks: string[] = [];
    try {
      const tables = await db.rows<{ name: string }>(
        `SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal UNION SELECT view_name FROM duckdb_views() WHERE NOT internal`,
      );
      expect(tables.length).toBeGreaterThan(20);
      for (const { name } of tables) {
        for await (const { rows } of db.streamRows(
          `SELECT * FROM "${name.replaceAll('"', '""')}"`,
        )) {
          for (const row of rows) {
            const text = row
              .map((v) =>
                typeof v === 'object' && v !== null
                  ? JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))
                  : String(v),
              )
              .join('\u0001');
            for (const n of identityNumbersIn(text)) leaks.push(`${n} in ${name}`);
          }
        }
      }
    } finally {
      db.close();
    }
    expect([...new Set(leaks)]).toEqual([]);
  }, 60_000);
});

/** A published cell's key with the values the unsuppressed table holds for it. */
type Cell = Pick<
  PublishedValue,
  | 'scope'
  | 'scope_id'
  | 'term'
  | 'indicator'
  | 'group'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'n'
>;

describe('suppressed small cells stay hidden where they would stand', () => {
  let hidden: Cell[];
  let folder: string;
  const key = (c: {
    scope: string;
    scope_id: string;
    term: string;
    indicator: string;
    group: string;
  }) => [c.scope, c.scope_id, c.term, c.indicator, c.group].join('\u0001');

  beforeAll(async () => {
    folder = join(ws.dir, 'reports', term);
    const db = await Database.open(join(ws.dir, 'db', 'larsam.duckdb'), { readOnly: true });
    try {
      hidden = await db.rows<Cell>(
        `SELECT i.scope, i.scope_id, i.term, i.indicator, i."group", i.value::DOUBLE AS value, i.numerator::DOUBLE AS numerator,
                i.denominator::DOUBLE AS denominator, i.n::DOUBLE AS n
         FROM indicators i JOIN published_indicators p USING (scope, scope_id, term, indicator, "group")
         WHERE p.suppressed AND i.value IS NOT NULL`,
      );
    } finally {
      db.close();
    }
  });

  it('has suppressed cells with values to look for, small counts among them', () => {
    expect(hidden.length).toBeGreaterThan(100);
    expect(
      hidden.filter((c) => c.numerator !== null && c.numerator >= 1 && c.numerator <= 4).length,
    ).toBeGreaterThan(20);
  });

  it('indicators.csv: each suppressed cell has its row with every number empty', () => {
    const rows = new Map(
      csvObjects(readFileSync(join(folder, 'indicators.csv'), 'utf8')).map((r) => [
        key(r as never),
        r,
      ]),
    );
    const wrong: string[] = [];
    for (const c of hidden) {
      const r = rows.get(key(c));
      if (!r) continue; // the report covers terms up to the review term
      if (
        r.suppressed !== 'true' ||
        ['value', 'numerator', 'denominator', 'ci_low', 'ci_high', 'n'].some((col) => r[col] !== '')
      )
        wrong.push(key(c));
    }
    expect(wrong).toEqual([]);
    expect(hidden.filter((c) => rows.has(key(c))).length).toBeGreaterThan(100);
  });

  it('charts: the data point of each suppressed cell is empty, for indicators and participation counts', async () => {
    const hiddenByKey = new Map(hidden.map((c) => [key(c), c]));
    const spec = (name: string) =>
      JSON.parse(readFileSync(join(folder, 'charts', `${name}.vl.json`), 'utf8')) as {
        title: unknown;
        data: { values: Record<string, unknown>[] };
      };
    const db = await Database.open(join(ws.dir, 'db', 'larsam.duckdb'), { readOnly: true });
    const checked: string[] = [];
    const wrong: string[] = [];
    const expectEmpty = (where: string, point: Record<string, unknown> | undefined) => {
      checked.push(where);
      if (!point) return; // no point at all: nothing shown
      if (
        point.value !== null ||
        (point.text !== undefined && point.text !== '..') ||
        (typeof point.tip === 'string' && !point.tip.includes('..'))
      )
        wrong.push(where);
    };
    try {
      const municipalities = await db.rows<{ code: string; name: string }>(
        `SELECT municipality_code AS code, name FROM stg_municipalities`,
      );
      const codeOf = new Map(municipalities.map((m) => [m.name, m.code]));
      // Activity trend charts: the indicator is named in the title.
      const activities = await db.rows<{ id: string }>(
        `SELECT activity_id AS id FROM stg_activities`,
      );
      const charts = new Set(
        readdirSync(join(folder, 'charts')).map((n) => n.replace(/\.(vl\.json|svg|png)$/, '')),
      );
      for (const { id } of activities) {
        const name = activityChartName(id, 'trend');
        if (!charts.has(name)) continue;
        const s = spec(name);
        const t =
          typeof s.title === 'object' && s.title !== null && 'text' in s.title
            ? (s.title as { text: unknown }).text
            : s.title;
        const title = Array.isArray(t) ? t.join(' ') : String(t);
        const indicator = [...new Set(hidden.map((c) => c.indicator))].find((i) =>
          title.endsWith(`: ${indicatorLabel(i, 'sv')}`),
        );
        if (!indicator) continue;
        for (const c of hidden.filter(
          (h) =>
            h.scope === 'activity' &&
            h.scope_id === id &&
            h.indicator === indicator &&
            h.group === 'all',
        )) {
          expectEmpty(
            `${name} ${c.term}`,
            s.data.values.find((p) => p.term === c.term),
          );
        }
      }
      // Participation: headcount and linked participants of 1 to min_cell − 1, counted here unsuppressed.
      const small = await db.rows<{ id: string; term: string; series: string; count: number }>(
        `WITH heads AS (SELECT activity_id, term_key, sum(participants)::INTEGER AS c FROM stg_activity_sessions GROUP BY ALL),
              linked AS (SELECT activity_id, term_key, count(DISTINCT person_key)::INTEGER AS c FROM stg_participations GROUP BY ALL)
         SELECT activity_id AS id, term_from_key(term_key) AS term, 'Antal deltagare (huvudräkning)' AS series, c AS count FROM heads WHERE c BETWEEN 1 AND (SELECT min_cell - 1 FROM build_settings)
         UNION ALL
         SELECT activity_id, term_from_key(term_key), 'Uppföljningsbara deltagare', c FROM linked WHERE c BETWEEN 1 AND (SELECT min_cell - 1 FROM build_settings)`,
      );
      expect(small.length).toBeGreaterThan(3);
      for (const p of small) {
        const name = activityChartName(p.id, 'participation');
        if (!charts.has(name)) continue;
        const point = spec(name).data.values.find(
          (v) => v.term === p.term && v.seriesLabel === p.series,
        );
        expectEmpty(`${name} ${p.term} ${p.series}`, point);
        if (point && typeof point.tip === 'string' && point.tip.includes(`Antal: ${p.count}`))
          wrong.push(`${name} ${p.term} tip`);
      }
      // New students per 10 000 by municipality and term.
      for (const v of spec('new-students-per-10k').data.values) {
        const c = hiddenByKey.get(
          key({
            scope: 'municipality',
            scope_id: codeOf.get(v.rowLabel as string)!,
            term: v.term as string,
            indicator: 'new_students_per_10k',
            group: 'all',
          }),
        );
        if (c) expectEmpty(`new-students-per-10k ${c.scope_id} ${c.term}`, v);
      }
      // Prestationsgrad and completion by municipality, learning centre or not, in the review term.
      for (const [name, indicator] of [
        ['prestationsgrad-lc', 'prestationsgrad'],
        ['completion-lc', 'completion_rate'],
      ] as const) {
        if (!charts.has(name)) continue;
        for (const v of spec(name).data.values) {
          const group = v.groupLabel === 'Lärcentrum' ? 'lc' : 'non_lc';
          const c = hiddenByKey.get(
            key({
              scope: 'municipality',
              scope_id: codeOf.get(v.label as string)!,
              term,
              indicator,
              group,
            }),
          );
          if (c) expectEmpty(`${name} ${c.scope_id} ${group}`, v);
        }
      }
      // Widened-recruitment shares of the region.
      if (charts.has('recruitment-shares')) {
        for (const v of spec('recruitment-shares').data.values) {
          const indicator = [...new Set(hidden.map((c) => c.indicator))].find(
            (i) => indicatorLabel(i, 'sv') === v.seriesLabel,
          );
          const c =
            indicator &&
            hiddenByKey.get(
              key({
                scope: 'region',
                scope_id: 'region',
                term: v.term as string,
                indicator,
                group: 'all',
              }),
            );
          if (c) expectEmpty(`recruitment-shares ${c.indicator} ${c.term}`, v);
        }
      }
    } finally {
      db.close();
    }
    expect(wrong).toEqual([]);
    expect(checked.length).toBeGreaterThan(30);
  }, 60_000);

  it('SVG and page: each chart with a hidden cell is drawn from its published spec alone, and the page embeds exactly that', async () => {
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    const names = readdirSync(join(folder, 'charts'))
      .filter((n) => n.endsWith('.vl.json'))
      .map((n) => n.slice(0, -'.vl.json'.length));
    const withHidden = names.filter((n) =>
      readFileSync(join(folder, 'charts', `${n}.vl.json`), 'utf8').includes('"..'),
    );
    expect(withHidden.length).toBeGreaterThan(3);
    for (const name of withHidden) {
      const spec = JSON.parse(readFileSync(join(folder, 'charts', `${name}.vl.json`), 'utf8'));
      const svg = readFileSync(join(folder, 'charts', `${name}.svg`), 'utf8');
      expect(await renderSvg(spec, 'sv'), name).toBe(svg);
      expect(html.includes(quietSvg(svg)), `${name}.svg in index.html`).toBe(true);
      expect(
        html.includes(scriptJson(compileToVega(spec))),
        `${name} live spec in index.html`,
      ).toBe(true);
    }
  }, 120_000);

  it('decisions.csv and decide --json: a goal whose value is suppressed shows ".." and never the value', () => {
    const decided = JSON.parse(runs.find(([l]) => l === 'decide')![1].stdout) as {
      decisions: {
        activityId: string;
        reasons: string;
        goals: { indicator: string; suppressed: boolean; value: number | null; sentence: string }[];
      }[];
    };
    const csv = csvObjects(readFileSync(join(folder, 'decisions.csv'), 'utf8'));
    const csvOut = readFileSync(join(ws.dir, 'decide-out', 'decisions.csv'), 'utf8');
    expect(csvOut).toBe(readFileSync(join(folder, 'decisions.csv'), 'utf8'));
    let checked = 0;
    for (const d of decided.decisions) {
      const row = csv.find((r) => r.activity_id === d.activityId)!;
      expect(row.reasons).toBe(d.reasons);
      for (const g of d.goals) {
        const c = hidden.find(
          (h) =>
            h.scope === 'activity' &&
            h.scope_id === d.activityId &&
            h.term === term &&
            h.indicator === g.indicator &&
            h.group === 'all',
        );
        if (!c) continue;
        expect(g.suppressed).toBe(true);
        const shown = formatIndicatorValue(g.indicator, c.value!, 'sv');
        checked += 1;
        expect(g.sentence).toMatch(/: värdet visas inte \(färre än \d+ personer\)/);
        expect(g.sentence).not.toContain(`: ${shown}`);
        expect(row.reasons).not.toContain(`: ${shown} `);
        expect(row.reasons).toContain(g.sentence);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
