// No suppressed cell of the published indicators.csv can be computed exactly by an
// outsider (disclosure-audit.ts: the CSV, the public municipality reference and the sums
// every reader knows). The pipeline runs as a user runs it (CLI, real DuckDB) on
// generated sets of several sizes — 300 persons, where suppression is frequent, up to
// 2 000 — and on the bundled sample with pipelines/term-report.json's settings.
//
// Per set, three privacy assertions: no recoverable hidden cell has a value the
// small-cell rule hides (Leak.sensitive); no hidden cell is determined by the sums at
// all; no suppressed row can be filled in entirely (a suppression that hides nothing).
// A hidden cell that is public elsewhere while its row stays hidden — new_lc_share of
// `all` suppressed for its numerator N(lc), whose denominator N(all) new_students shows —
// is counted in the log but not asserted against: no suppression can avoid it.
// And the audit itself is checked against the database's unsuppressed `indicators`:
// every relation it uses holds there, every exposure it reads is an identity there, and
// every value it recovers is the true one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { Workspace } from '../helpers/workspace.ts';
import {
  auditDisclosure,
  leakKey,
  leakSummary,
  readIndicatorsCsv,
  readReferenceCsv,
  recoveredRows,
  relationViolations,
  trueCells,
  type AuditResult,
  type PublishedRow,
  type ReferenceMunicipality,
} from './disclosure-audit.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TERM_REPORT = JSON.parse(
  readFileSync(join(ROOT, 'pipelines', 'term-report.json'), 'utf8'),
) as { settings: Record<string, unknown>; region: unknown };

interface DataSet {
  label: string;
  /** Generated with --seed / --persons, or the bundled sample. */
  generate?: { seed: number; persons: number };
}

const SETS: DataSet[] = [
  { label: 'generated, seed 11, 300 persons', generate: { seed: 11, persons: 300 } },
  { label: 'generated, seed 3, 1 000 persons', generate: { seed: 3, persons: 1000 } },
  { label: 'generated, seed 5, 2 000 persons', generate: { seed: 5, persons: 2000 } },
  { label: 'the bundled sample (data-samples/, pipelines/term-report.json)' },
];

const describeLeaks = (result: AuditResult): string[] =>
  result.leaks.map(
    (l) =>
      `${leakKey(l).replaceAll('\u0000', ' ')} ${l.how} ${l.exact}${l.via ? ` via ${l.via}` : ''}`,
  );

for (const set of SETS) {
  describe(`disclosure audit of the published indicators.csv: ${set.label}`, () => {
    let ws: Workspace;
    let published: PublishedRow[];
    let unsuppressed: PublishedRow[];
    let reference: ReferenceMunicipality[];
    let result: AuditResult;
    let seconds = 0;

    beforeAll(async () => {
      const started = performance.now();
      ws = new Workspace();
      const db = ['--db', join('db', 'larsam.duckdb')];
      let inputs = [join(ROOT, 'data-samples')];
      if (set.generate) {
        const generated = await runCli(
          [
            'generate',
            '--out',
            'data',
            '--persons',
            String(set.generate.persons),
            '--seed',
            String(set.generate.seed),
            '--quiet',
          ],
          { cwd: ws.dir },
        );
        expect(generated.code, generated.stderr).toBe(0);
        inputs = ['data'];
      }
      writeFileSync(
        join(ws.dir, 'pipeline.json'),
        JSON.stringify({
          name: 'Disclosure audit',
          inputs,
          out: 'out',
          region: TERM_REPORT.region,
          settings: TERM_REPORT.settings,
        }),
      );
      const run = await runCli(['run', 'pipeline.json', '--quiet', ...db], { cwd: ws.dir });
      expect(run.code, run.stderr).toBe(0);
      const terms = readdirSync(join(ws.dir, 'out'));
      expect(terms).toHaveLength(1);
      published = readIndicatorsCsv(
        readFileSync(join(ws.dir, 'out', terms[0]!, 'indicators.csv'), 'utf8'),
      );
      const query = async (sql: string): Promise<string> => {
        const r = await runCli(['query', sql, '--format', 'csv', ...db], { cwd: ws.dir });
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      };
      reference = readReferenceCsv(
        await query(
          'SELECT municipality_code, county_code, in_region FROM stg_municipalities ORDER BY municipality_code',
        ),
      );
      unsuppressed = readIndicatorsCsv(await query('SELECT * FROM indicators')).map((r) => ({
        ...r,
        suppressed: false,
      }));
      result = auditDisclosure(published, reference);
      seconds = (performance.now() - started) / 1000;
      const summary = leakSummary(result);
      const rowsBack = recoveredRows(published, result);
      console.log(
        `[disclosure audit] ${set.label}: ${published.length} rows, ${result.suppressedRows} suppressed (${result.hiddenCells} hidden cells), ` +
          `${summary.total} leaks (${summary.exposed} exposed, ${summary.determined} determined; ${result.sensitiveLeaks.length} sensitive), ` +
          `${rowsBack.length} suppressed rows wholly recoverable (${rowsBack.filter((r) => r.leaks.every((l) => l.exact === '0')).length} of them zeros), ${seconds.toFixed(1)} s`,
      );
    }, 180_000);
    afterAll(() => ws?.remove());

    it('has suppressed cells to audit and the reference of the region', () => {
      expect(result.suppressedRows).toBeGreaterThan(0);
      expect(reference.some((m) => m.inRegion)).toBe(true);
      expect(result.inconsistentRelations).toBe(0);
    });

    it("the audit's relations and exposures hold in the unsuppressed indicators", () => {
      expect(relationViolations(unsuppressed, reference)).toEqual([]);
      expect(trueCells(unsuppressed).disagreements).toEqual([]);
    });

    it('every value the audit recovers is the true one', () => {
      const truth = trueCells(unsuppressed).values;
      const wrong = result.leaks
        .filter(
          (l) =>
            Math.abs(l.value - (truth.get(leakKey(l)) ?? 0)) >
            1e-6 * Math.max(1, Math.abs(l.value)),
        )
        .map(
          (l) =>
            `${leakKey(l).replaceAll('\u0000', ' ')}: recovered ${l.value}, true ${truth.get(leakKey(l)) ?? 0}`,
        );
      expect(wrong).toEqual([]);
    });

    it('no suppressed cell with a value the small-cell rule hides can be computed from the published ones', () => {
      const sensitive = describeLeaks({ ...result, leaks: result.sensitiveLeaks });
      expect({ count: sensitive.length, leaks: sensitive.slice(0, 25) }).toEqual({
        count: 0,
        leaks: [],
      });
    });

    it('no suppressed cell can be worked out from the sums (whatever its value)', () => {
      const determined = describeLeaks({
        ...result,
        leaks: result.leaks.filter((l) => l.how === 'determined'),
      });
      expect({ count: determined.length, leaks: determined.slice(0, 25) }).toEqual({
        count: 0,
        leaks: [],
      });
    });

    it('no suppressed row can be filled in entirely (a suppression that hides a public number hides nothing)', () => {
      // E.g. new_students 0 hidden where new_lc_share has no row (its denominator is 0).
      // A hidden cell that is public elsewhere while its row keeps another cell hidden —
      // new_lc_share of `all` hidden for N(lc), its denominator N(all) in new_students —
      // is fine; leakSummary counts those too, this does not.
      const rowsBack = recoveredRows(published, result).map(
        ({ row, leaks }) =>
          `${row.term} ${row.scope} ${row.scope_id} ${row.indicator}/${row.group}: ${leaks.map((l) => `${l.quantity}=${l.exact} ${l.how}${l.via ? ` via ${l.via}` : ''}`).join(', ')}`,
      );
      expect({ count: rowsBack.length, rows: rowsBack.slice(0, 25) }).toEqual({
        count: 0,
        rows: [],
      });
    });
  });
}
