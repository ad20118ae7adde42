// Shared pieces of the hostile-input tests (issue 7): run counts and seed, small valid
// files of several kinds, and the invariants every ingest of any file must keep.
//
// Runs are deterministic: a fixed seed and a fixed number of runs per property. Longer:
//   FUZZ_RUNS=2000 npx vitest run test/fuzz        (FUZZ_SEED=n picks another seed)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { ingest, type IngestOptions, type IngestReport } from '../../src/ingest/ingest.ts';
import { ensureSchema } from '../../src/ingest/raw-tables.ts';
import { LarsamError, formatUserError } from '../../src/util/errors.ts';
import { testPnr, forms } from '../helpers/personnummer-fixtures.ts';
import { TEST_INGEST_DATE, TEST_KEY } from '../helpers/workspace.ts';

/** Runs of a property: `FUZZ_RUNS` when set, else the CI default given. */
export function runs(ciDefault: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

export const SEED = Number(process.env.FUZZ_SEED ?? 20250307);

/** fast-check parameters for one property. */
export function fcParams(ciDefault: number): {
  numRuns: number;
  seed: number;
  endOnFailure: boolean;
} {
  return { numRuns: runs(ciDefault), seed: SEED, endOnFailure: false };
}

/** A vitest timeout for a property of `ciDefault` runs costing about `perRunMs` each. */
export function budget(ciDefault: number, perRunMs: number): number {
  return Math.max(60_000, runs(ciDefault) * perRunMs * 3);
}

// ---------------------------------------------------------------------------------------
// Valid base files. Every row of every file is valid and loads; cells carry Swedish letters.

/** Identity numbers (month 13–24: nobody's) in the contract's forms, all with valid check digits. */
export const PNRS = [
  forms.twelve(testPnr('19901312', '123')),
  forms.twelveDash(testPnr('19851425', '456')),
  forms.tenDash(testPnr('19991520', '789')),
  forms.tenPlus(testPnr('19201611', '234')),
  forms.ten(testPnr('20011701', '345')),
];
/** The ten digits of each, which must never appear in clear outside person_id. */
export const PNR_DIGITS = PNRS.map((p) => p.replace(/[-+]/g, '').slice(-10));

export interface BaseFile {
  kind: string;
  header: string[];
  rows: string[][];
}

export const BASE_FILES: BaseFile[] = [
  {
    kind: 'registrations',
    header: [
      'person_id',
      'term',
      'course_code',
      'course_offering',
      'credits',
      'first_time',
      'home_municipality',
      'centre_id',
      'registration_date',
      'distance',
      'birth_year',
      'gender',
      'parental_education',
      'foreign_background',
    ],
    rows: [
      [
        PNRS[0]!,
        'HT2025',
        'MA001G',
        'Östersund-1',
        '7,5',
        'ja',
        '2380',
        'LC-ÅRE',
        '2025-08-20',
        'nej',
        '',
        'kvinna',
        'gymnasial_3',
        'nej',
      ],
      [
        PNRS[1]!,
        'VT2026',
        'SV012G',
        'Härnösand',
        '15',
        'nej',
        '2280',
        'LC-HÄRNÖSAND',
        '2026-01-10',
        'ja',
        '1985',
        'M',
        'eftergymnasial_ge3',
        '',
      ],
      [
        PNRS[2]!,
        'ht 2025',
        'PE014G',
        '',
        '22.5',
        'SANT',
        '2284',
        '',
        '',
        'falskt',
        '',
        'K',
        'unknown',
        'ja',
      ],
      [
        PNRS[3]!,
        'H25',
        'DT021G',
        'Örnsköldsvik',
        '3,0',
        'j',
        '0180',
        'LC-ÖVIK',
        '2025-09-01 00:00:00',
        '',
        '',
        'annat',
        '',
        '',
      ],
      [
        PNRS[4]!,
        'VT-2026',
        'MA001G',
        'Sveg',
        '30',
        'N',
        '2361',
        'LC-SVEG',
        '',
        'Y',
        '2001',
        '',
        'forgymnasial',
        'false',
      ],
      [
        'stud-ÅÄÖ-17',
        'HT2025',
        'MA001G',
        'Åre',
        '7,5',
        'true',
        '2321',
        'LC-ÅRE',
        '2025-08-30',
        '0',
        '1970',
        'woman',
        '',
        '1',
      ],
    ],
  },
  {
    kind: 'results',
    header: [
      'person_id',
      'course_code',
      'course_offering',
      'module_code',
      'credits',
      'grade',
      'result_date',
      'term',
    ],
    rows: [
      [PNRS[0]!, 'MA001G', 'Östersund-1', '0010', '4,5', 'G', '2025-10-30', 'HT2025'],
      [PNRS[1]!, 'SV012G', 'Härnösand', '', '15', 'VG', '2026-06-01', ''],
      [PNRS[2]!, 'PE014G', '', '0020', '3.0', 'U', '2025-12-12', 'ht2025'],
      ['stud-ÅÄÖ-17', 'MA001G', 'Åre', '', '7,5', 'Fx', '2026-01-15 00:00:00', 'H25'],
    ],
  },
  {
    kind: 'participations',
    header: ['activity_id', 'session_date', 'person_id'],
    rows: [
      ['BESÖK-HJD', '2025-10-05', PNRS[0]!],
      ['BESÖK-HJD', '2025-10-05', PNRS[3]!],
      ['INSP-ÅRE', '2025-11-21', PNRS[4]!],
      ['INSP-ÅRE', '2025-11-21', 'stud-ÅÄÖ-17'],
    ],
  },
  {
    kind: 'municipalities',
    header: ['municipality_code', 'name', 'county_code', 'area', 'in_region'],
    rows: [
      ['2380', 'Östersund', '23', 'Jämtland', 'ja'],
      ['2281', 'Sundsvall', '22', 'Västernorrland', ''],
      ['2280', 'Härnösand', '22', 'Västernorrland', 'true'],
      ['2284', 'Örnsköldsvik', '', 'Västernorrland', '1'],
      ['2321', 'Åre', '23', 'Jämtland', 'sant'],
      ['0180', 'Stockholm', '01', '', 'nej'],
    ],
  },
  {
    kind: 'activity_sessions',
    header: ['activity_id', 'session_date', 'participants', 'hours'],
    rows: [
      ['BESÖK-HJD', '2025-10-05', '12', '6,0'],
      ['INSP-ÅRE', '2025-11-21', '1 000', ''],
      ['FÖREL-ÅRE', '2026-02-02', '7', '1.5'],
    ],
  },
  {
    kind: 'learning_centres',
    header: ['centre_id', 'name', 'municipality_code'],
    rows: [
      ['LC-ÅRE', 'Lärcentrum Åre, Järpen', '2321'],
      ['LC-HÄRNÖSAND', 'Lärcentrum Härnösand', '2280'],
      ['LC-ÖVIK', 'Lärcentrum Örnsköldsvik', '2284'],
    ],
  },
  {
    kind: 'population',
    header: ['municipality_code', 'year', 'population_20_64'],
    rows: [
      ['2380', '2024', '37512'],
      ['2380', '2025', '37 690'],
      ['2280', '2024', '13012'],
    ],
  },
];

export type Delimiter = ',' | ';' | '\t';

/** One CSV cell: quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell)
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;
}

export function csvLine(cells: string[], delimiter: string): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter);
}

export function csvText(file: BaseFile, delimiter: Delimiter, eol: '\n' | '\r\n' = '\n'): string {
  return [file.header, ...file.rows].map((cells) => csvLine(cells, delimiter)).join(eol) + eol;
}

// ---------------------------------------------------------------------------------------
// One database for a whole test file; every run loads a file of its own into it.

export class FuzzDb {
  readonly dir: string;
  private db!: Database;
  private count = 0;

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'larsam-fuzz-'));
  }

  static async open(): Promise<FuzzDb> {
    const f = new FuzzDb();
    f.db = await Database.open(join(f.dir, 'db', 'larsam.duckdb'));
    await ensureSchema(f.db);
    return f;
  }

  get database(): Database {
    return this.db;
  }

  /** Writes `content` as a new file `<kind>-<n>.csv` (or the name given) in a folder of its own. */
  write(kind: string, content: string | Buffer, name?: string): string {
    const folder = join(this.dir, `run-${++this.count}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name ?? `${kind}-${this.count}.csv`);
    writeFileSync(path, content);
    return path;
  }

  async rows<T extends object = Record<string, unknown>>(
    sql: string,
    params?: Record<string, string>,
  ): Promise<T[]> {
    return this.db.rows<T>(sql, params);
  }

  close(): void {
    this.db?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const INGEST_TIMEOUT_MS = 30_000;

/** Rejects when `promise` takes longer than `ms` (a hang fails the property instead of the whole run). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${ms} ms (hang)`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Characters an error line must not hold: control characters (C0, DEL, C1) other than none. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

export interface CheckedLoad {
  report: IngestReport;
  /** 'failed' for a file-level error. */
  status: 'loaded' | 'unchanged' | 'failed_strict' | 'failed';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  loadedLines: number[];
  rejects: { line: number; column_name: string; rule: string; reason: string }[];
  error?: string;
}

function physicalLines(content: Buffer): number {
  if (content.length === 0) return 0;
  // A line ends in LF, CRLF or a CR alone.
  let ends = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === 0x0a || (content[i] === 0x0d && content[i + 1] !== 0x0a)) ends++;
  }
  return ends + 1;
}

/**
 * Ingests one file into the shared database and checks what must hold for any input:
 * - ingest finishes within the timeout and throws nothing (a file-level problem is a
 *   LarsamError in `failures`, whose one-line message is printable and names the file);
 * - a file-level failure or a --strict failure leaves nothing of the file but one
 *   ledger entry saying so (status failed / failed_strict, 0 rows loaded, the why
 *   masked): no raw row, no reject;
 * - a load has its ledger row with rows read = loaded + rejected; the raw table holds
 *   exactly `loaded` rows of it, on distinct lines; every reject names a line (a data
 *   line of the file) and a column and gives a rule and a reason; the rejected lines are
 *   exactly `rejected` many and none of them is also loaded;
 * - no identity number of the base files shows in clear in a reject, warning or error.
 */
export async function ingestAndCheck(
  fz: FuzzDb,
  path: string,
  content: Buffer,
  options: IngestOptions = {},
): Promise<CheckedLoad> {
  const before = await totals(fz);
  const report = await withTimeout(
    ingest(fz.database, [path], {
      ingestDate: TEST_INGEST_DATE,
      env: { LARSAM_PSEUDONYM_KEY: TEST_KEY },
      ...options,
    }),
    INGEST_TIMEOUT_MS,
    `ingest of ${path}`,
  );
  expect(report.results.length + report.failures.length).toBe(1);

  if (report.failures.length) {
    const failure = report.failures[0]!;
    expect(failure.error).toBeInstanceOf(LarsamError);
    const line = formatUserError(failure.error);
    expect(line, 'an error is one printable line').not.toMatch(CONTROL);
    expect(line.length, 'an error line stays short').toBeLessThan(2_000);
    expect(line).toContain(failure.file);
    for (const digits of PNR_DIGITS) expect(line).not.toContain(digits);
    expect(await totals(fz), 'a failed file leaves nothing behind but its ledger entry').toEqual(
      plusLedgerEntry(before, await totals(fz)),
    );
    await expectFailedEntry(fz, 'failed');
    return {
      report,
      status: 'failed',
      rowsRead: 0,
      rowsLoaded: 0,
      rowsRejected: 0,
      loadedLines: [],
      rejects: [],
      error: line,
    };
  }

  const result = report.results[0]!;
  if (result.status === 'failed_strict') {
    // Nothing loaded: the summary says so (rows loaded 0), the ledger says failed_strict.
    expect(result.rowsLoaded).toBe(0);
    expect(result.rowsRejected).toBeGreaterThan(0);
    expect(result.rowsRead).toBeGreaterThanOrEqual(result.rowsRejected);
  } else {
    expect(result.rowsRead).toBe(result.rowsLoaded + result.rowsRejected);
  }
  for (const warning of result.warnings) {
    expect(warning).not.toMatch(CONTROL);
    for (const digits of PNR_DIGITS) expect(warning).not.toContain(digits);
  }
  if (result.status !== 'loaded') {
    if (result.status === 'failed_strict') {
      expect(
        await totals(fz),
        'a --strict failure leaves nothing behind but its ledger entry',
      ).toEqual(plusLedgerEntry(before, await totals(fz)));
      await expectFailedEntry(fz, 'failed_strict');
    }
    return {
      report,
      status: result.status,
      rowsRead: result.rowsRead,
      rowsLoaded: 0,
      rowsRejected: result.rowsRejected,
      loadedLines: [],
      rejects: [],
    };
  }

  const loadId = String(result.loadId);
  const [ledger] = await fz.rows<{
    rows_read: bigint;
    rows_loaded: bigint;
    rows_rejected: bigint;
    status: string;
  }>(`SELECT rows_read, rows_loaded, rows_rejected, status FROM loads WHERE load_id = ${loadId}`);
  expect(ledger, 'the load has its ledger row').toBeDefined();
  expect({
    read: Number(ledger!.rows_read),
    loaded: Number(ledger!.rows_loaded),
    rejected: Number(ledger!.rows_rejected),
    status: ledger!.status,
  }).toEqual({
    read: result.rowsRead,
    loaded: result.rowsLoaded,
    rejected: result.rowsRejected,
    status: 'loaded',
  });
  expect(Number(ledger!.rows_read)).toBe(
    Number(ledger!.rows_loaded) + Number(ledger!.rows_rejected),
  );

  const loadedLines = (
    await fz.rows<{ line: bigint }>(
      `SELECT _line AS line FROM raw_${result.kind} WHERE _load_id = ${loadId} ORDER BY 1`,
    )
  ).map((r) => Number(r.line));
  expect(loadedLines.length).toBe(result.rowsLoaded);
  expect(new Set(loadedLines).size, 'every loaded row has a line of its own').toBe(
    loadedLines.length,
  );

  const rejects = (
    await fz.rows<{
      line: bigint | null;
      column_name: string | null;
      rule: string;
      reason: string;
    }>(
      `SELECT line, column_name, rule, reason FROM rejects WHERE load_id = ${loadId} ORDER BY line, column_name`,
    )
  ).map((r) => ({
    line: r.line === null ? NaN : Number(r.line),
    column_name: r.column_name ?? '',
    rule: r.rule,
    reason: r.reason,
  }));
  for (const reject of rejects) {
    expect(
      Number.isInteger(reject.line) && reject.line >= 2,
      `a reject names its line: ${JSON.stringify(reject)}`,
    ).toBe(true);
    expect(reject.column_name, `a reject names its column: ${JSON.stringify(reject)}`).not.toBe('');
    expect(reject.rule).not.toBe('');
    expect(reject.reason).not.toBe('');
    for (const digits of PNR_DIGITS)
      expect(`${reject.column_name} ${reject.reason}`).not.toContain(digits);
  }
  const rejectedLines = new Set(rejects.map((r) => r.line));
  expect(rejectedLines.size, 'rejected rows = distinct rejected lines').toBe(result.rowsRejected);
  expect(
    loadedLines.filter((l) => rejectedLines.has(l)),
    'no line is both loaded and rejected',
  ).toEqual([]);
  const lines = physicalLines(content);
  expect(
    Math.max(0, ...loadedLines, ...rejectedLines),
    'lines are lines of the file',
  ).toBeLessThanOrEqual(lines);
  expect(result.rowsRead).toBeLessThanOrEqual(lines);
  return {
    report,
    status: 'loaded',
    rowsRead: result.rowsRead,
    rowsLoaded: result.rowsLoaded,
    rowsRejected: result.rowsRejected,
    loadedLines,
    rejects,
  };
}

/** The counts before, with one more ledger row (tables the failed ingest created count 0 before). */
function plusLedgerEntry(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after).map((t) => [t, (before[t] ?? 0) + (t === 'loads' ? 1 : 0)]),
  );
}

/** The newest ledger entry is the failure: nothing loaded, a why that is one printable line without identity numbers. */
async function expectFailedEntry(fz: FuzzDb, status: 'failed' | 'failed_strict'): Promise<void> {
  const [entry] = await fz.rows<{ status: string; rows_loaded: bigint; failure: string | null }>(
    `SELECT status, rows_loaded, failure FROM loads ORDER BY load_id DESC LIMIT 1`,
  );
  expect({ status: entry!.status, loaded: Number(entry!.rows_loaded) }).toEqual({
    status,
    loaded: 0,
  });
  expect(entry!.failure).not.toMatch(CONTROL);
  for (const digits of PNR_DIGITS) expect(entry!.failure).not.toContain(digits);
}

/** Row counts of the ledger, rejects and every raw table, to see that a failed load left nothing. */
async function totals(fz: FuzzDb): Promise<Record<string, number>> {
  const tables = await fz.rows<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND (table_name IN ('loads', 'rejects') OR table_name LIKE 'raw\\_%' ESCAPE '\\') ORDER BY 1`,
  );
  if (!tables.length) return {};
  const sql = tables
    .map((t) => `SELECT '${t.table_name}' AS t, count(*) AS n FROM "${t.table_name}"`)
    .join(' UNION ALL ');
  const counts = await fz.rows<{ t: string; n: bigint }>(sql);
  return Object.fromEntries(counts.map((c) => [c.t, Number(c.n)]));
}
