// Path safety (cli.md: "Nothing is written outside --db's folder and --out"): file names
// larsam derives from the data cannot leave the output folder, a symbolic link already
// standing where larsam writes is replaced or refused but never written through (report
// files, decisions.csv, the database's WAL and folders, the key file, the transcoded
// copy of an input), and a relative --out writes exactly where the user named it.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { activityChartName, fileNamePart } from '../../src/report/chart-file-name.ts';
import { transcodeWindows1252 } from '../../src/ingest/transcode.ts';
import { FIXTURE } from '../helpers/report-fixture.ts';
import { cliEnv, runCli } from '../helpers/run-cli.ts';
import { Workspace } from '../helpers/workspace.ts';

const SAFE_NAME = /^[\p{L}\p{N}_-]+(\.vl\.json|\.svg|\.png)$/u;

/** Every file and link under dir, as paths relative to dir. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('file names made from the data', () => {
  it('keep an ordinary id and turn any other into a safe name of its own', () => {
    expect(fileNamePart('FÖREL-ÅRE')).toBe('FÖREL-ÅRE');
    expect(fileNamePart('INS_2')).toBe('INS_2');
    const hostile = [
      '../../evil',
      '/tmp/x',
      'a\u0000b',
      'c:d',
      'a\\b',
      '..',
      '.',
      '',
      'a/b',
      'a:b',
      'x'.repeat(300),
      'CON',
      ' lead',
      'ü\u0308',
    ];
    const names = hostile.map((id) => activityChartName(id, 'trend'));
    for (const name of names) {
      expect(name).toMatch(/^activity-[\p{L}\p{N}_-]+-trend$/u);
      expect(Buffer.byteLength(`${name}.vl.json`)).toBeLessThan(255);
    }
    expect(new Set(names).size).toBe(names.length); // 'a/b' and 'a:b' do not share a file
  });
});

describe('the report folder', () => {
  let ws: Workspace;
  const hostile = { R1: '../../evil', T1: '', E1: 'c:\\x\\y', R2: '..' };
  /** The first report (--out ../x): the later tests reuse it. */
  let first: { folder: string; reviewTerm: string; files: string[] };

  beforeAll(async () => {
    ws = new Workspace();
    hostile.T1 = join(ws.dir, 'outside', 'abs'); // an absolute path as an activity id
    // The fixture with hostile activity ids.
    for (const name of readdirSync(FIXTURE).filter((n) => n.endsWith('.csv'))) {
      let text = readFileSync(join(FIXTURE, name), 'utf8');
      if (/^activit|^participations/.test(name)) {
        text = text.replace(
          /^(R1|T1|E1|R2),/gm,
          (_m, id: keyof typeof hostile) => `"${hostile[id].replaceAll('"', '""')}",`,
        );
      }
      ws.write(join('data', name), text);
    }
    const loaded = await ws.ingest([join(ws.dir, 'data')]);
    expect(loaded.failures).toEqual([]);
    expect(loaded.results.reduce((s, r) => s + r.rowsRejected, 0)).toBe(0);
    const db = await Database.open(ws.dbPath);
    try {
      await buildModels(db, { ...DEFAULT_BUILD_SETTINGS, asOf: '2026-06-30' });
    } finally {
      db.close();
    }
    mkdirSync(join(ws.dir, 'work'));
  }, 120_000);
  afterAll(() => ws.remove());

  const report = (out: string, extra: string[] = []) =>
    runCli(
      ['report', '--out', out, '--db', ws.dbPath, '--json', '--pipeline', 'none.json', ...extra],
      { cwd: join(ws.dir, 'work') },
    );

  it('writes charts of hostile activity ids inside charts/ with safe names, and --out ../x exactly there', async () => {
    const before = tree(ws.dir).filter((p) => !p.startsWith('db'));
    const run = await report('../x');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    first = JSON.parse(run.stdout) as typeof first;
    const { folder, reviewTerm, files } = first;
    expect(folder).toBe(join('..', 'x', reviewTerm));
    const written = tree(ws.dir).filter((p) => !p.startsWith('db') && !before.includes(p));
    // Everything new is under x/<term>/ (the folder the user named), nothing in work/ or outside/.
    for (const path of written)
      expect(path.startsWith(join('x', reviewTerm)) || path === 'x', path).toBe(true);
    expect(existsSync(join(ws.dir, 'outside'))).toBe(false);
    expect(existsSync(join(ws.dir, 'evil-trend.svg'))).toBe(false);
    expect(tree(join(ws.dir, 'work'))).toEqual([]);
    const charts = readdirSync(join(ws.dir, 'x', reviewTerm, 'charts'));
    for (const name of charts) expect(name).toMatch(SAFE_NAME);
    expect(tree(join(ws.dir, 'x', reviewTerm)).sort()).toEqual([...files, 'charts'].sort());
    // Each hostile id got its charts, under names of its own, and the page links to them.
    const html = readFileSync(join(ws.dir, 'x', reviewTerm, 'index.html'), 'utf8');
    const stems = new Set(charts.map((n) => n.replace(/\.(vl\.json|svg|png)$/, '')));
    const activityStems = [...stems].filter((s) => s.startsWith('activity-'));
    expect(activityStems.length).toBeGreaterThanOrEqual(3);
    for (const stem of activityStems) {
      expect(stem).toMatch(/-[0-9a-f]{8}-(trend|participation)$/); // every fixture id was replaced by a hostile one
      expect(html).toContain(`href="charts/${stem}.png"`);
    }
  }, 120_000);

  it('replaces a symbolic link standing where a report file goes, and leaves its target alone', async () => {
    const folder = join(ws.dir, 'x', first.reviewTerm);
    const victims = [
      'index.html',
      'indicators.csv',
      'report.json',
      first.files.find((f) => f.endsWith('.svg'))!,
    ];
    for (const [i, file] of victims.entries()) {
      const target = join(ws.dir, `victim-${i}.txt`);
      writeFileSync(target, 'do not touch');
      const path = join(folder, file);
      unlinkName(path);
      symlinkSync(target, path);
    }
    // A link to a file that does not exist yet must not create it either.
    const decisions = join(folder, 'decisions.csv');
    unlinkName(decisions);
    symlinkSync(join(ws.dir, 'victim-new.txt'), decisions);

    const again = await report('../x');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    for (const [i, file] of victims.entries()) {
      expect(readFileSync(join(ws.dir, `victim-${i}.txt`), 'utf8')).toBe('do not touch');
      expect(lstatSync(join(folder, file)).isFile(), file).toBe(true);
    }
    expect(existsSync(join(ws.dir, 'victim-new.txt'))).toBe(false);
    expect(lstatSync(decisions).isFile()).toBe(true);
  }, 120_000);

  it('refuses a term folder or charts folder that is a symbolic link, with a clear error', async () => {
    const elsewhere = join(ws.dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keep.svg'), 'do not delete'); // the report clears old *.svg in charts/
    const term = first.reviewTerm;

    mkdirSync(join(ws.dir, 'l1'));
    symlinkSync(elsewhere, join(ws.dir, 'l1', term));
    const linkedTerm = await report(join(ws.dir, 'l1'));
    expect(linkedTerm.code).toBe(1);
    expect(linkedTerm.stderr).toMatch(
      new RegExp(
        `^error: .*${term} is a symbolic link, and larsam writes only inside the folder you named\\. Fix: remove the link`,
      ),
    );

    mkdirSync(join(ws.dir, 'l2', term), { recursive: true });
    symlinkSync(elsewhere, join(ws.dir, 'l2', term, 'charts'));
    const linkedCharts = await report(join(ws.dir, 'l2'));
    expect(linkedCharts.code).toBe(1);
    expect(linkedCharts.stderr).toMatch(/charts is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual(['keep.svg']);
    expect(readFileSync(join(elsewhere, 'keep.svg'), 'utf8')).toBe('do not delete');
  }, 120_000);

  it('writes decide --out ../y exactly there, replacing a link instead of writing through it', async () => {
    const run = await runCli(
      ['decide', '--out', '../y', '--db', ws.dbPath, '--pipeline', 'none.json', '--quiet'],
      { cwd: join(ws.dir, 'work') },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(ws.dir, 'y'))).toEqual(['decisions.csv']);
    expect(tree(join(ws.dir, 'work'))).toEqual([]);
    const target = join(ws.dir, 'victim-decide.txt');
    writeFileSync(target, 'do not touch');
    unlinkName(join(ws.dir, 'y', 'decisions.csv'));
    symlinkSync(target, join(ws.dir, 'y', 'decisions.csv'));
    expect(
      (
        await runCli(
          ['decide', '--out', '../y', '--db', ws.dbPath, '--pipeline', 'none.json', '--quiet'],
          { cwd: join(ws.dir, 'work') },
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('do not touch');
    expect(lstatSync(join(ws.dir, 'y', 'decisions.csv')).isFile()).toBe(true);
  }, 60_000);
});

describe("the database's companion files", () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = new Workspace();
    ws.write(
      'data/registrations.csv',
      'person_id,term,course_code,credits,first_time\nstud-1,HT2025,MA001G,7.5,ja\n',
    );
  });
  afterAll(() => ws.remove());

  const ingest = (env = cliEnv()) =>
    runCli(['ingest', 'data', '--db', ws.dbPath, '--quiet'], { cwd: ws.dir, env });

  for (const [name, companion] of [
    ['the write-ahead log', (db: string) => `${db}.wal`],
    ["DuckDB's spill folder", (db: string) => `${db}.tmp`],
    ['the folder of transcoded inputs', (db: string) => join(db, '..', 'tmp')],
  ] as const) {
    it(`refuses ${name} when it is a symbolic link`, async () => {
      mkdirSync(join(ws.dir, 'db'), { recursive: true });
      const target = join(ws.dir, `target-${name.replaceAll(' ', '-')}`);
      const path = companion(ws.dbPath);
      symlinkSync(target, path);
      try {
        const run = await ingest();
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /^error: .* is a symbolic link; larsam writes the database's own files only beside the database\. Fix: remove the link/,
        );
        expect(existsSync(target)).toBe(false);
      } finally {
        unlinkName(path);
      }
    }, 60_000);
  }

  it('refuses a key file that is a symbolic link, without reading or changing its target', async () => {
    const target = join(ws.dir, 'someone-elses-key');
    writeFileSync(target, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    mkdirSync(join(ws.dir, 'db'), { recursive: true });
    symlinkSync(target, join(ws.dir, 'db', 'larsam.key'));
    const env = cliEnv({ LARSAM_PSEUDONYM_KEY: undefined });
    const run = await ingest(env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: pseudonym key file .*larsam\.key is not a regular file .*\. Fix: /,
    );
    expect(run.stderr).not.toContain('ab'.repeat(16));
    expect(lstatSync(target).mode & 0o777).toBe(0o644);
    unlinkName(join(ws.dir, 'db', 'larsam.key'));
    // Without the link, the key file is created beside the database with mode 0600.
    expect((await ingest(env)).code).toBe(0);
    expect(lstatSync(join(ws.dir, 'db', 'larsam.key')).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('writes the transcoded copy of an input in place of a link, never through it', async () => {
    const from = ws.write('cp1252.csv', Buffer.from('name\n\xe5\x96\n', 'latin1'));
    const target = ws.write('victim-transcode.txt', 'do not touch');
    const to = join(ws.dir, 'copy.csv');
    symlinkSync(target, to);
    await transcodeWindows1252(from, to);
    expect(readFileSync(target, 'utf8')).toBe('do not touch');
    expect(lstatSync(to).isFile()).toBe(true);
    expect(readFileSync(to, 'utf8')).toBe('name\nå–\n');
  });
});

/** Removes the name (a file or a link), never a link's target. */
function unlinkName(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
