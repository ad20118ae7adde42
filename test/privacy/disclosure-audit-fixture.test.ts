// The disclosure audit on a published indicators.csv of the pipeline before secondary
// suppression (test/fixtures/disclosure/, README.md there says how it was made): it
// must find the cells an outsider could recover there — exactly those of leaks.csv —
// and the values it recovers must be the true, unsuppressed ones from the database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditDisclosure,
  csvObjects,
  leakKey,
  leakSummary,
  readIndicatorsCsv,
  readReferenceCsv,
  recoveredRows,
} from './disclosure-audit.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'disclosure');
const read = (name: string): string => readFileSync(join(FIXTURE, name), 'utf8');

const rows = readIndicatorsCsv(read('indicators.csv'));
const reference = readReferenceCsv(read('municipalities.csv'));
const expected = csvObjects(read('leaks.csv'));
const result = auditDisclosure(rows, reference);

describe('the audit of a CSV with primary suppression and the lc / non_lc partner rule only', () => {
  it('reads the fixture: two terms, the 28 municipalities of the generated reference, suppressed rows', () => {
    expect(new Set(rows.map((r) => r.term))).toEqual(new Set(['VT2024', 'HT2025']));
    expect(reference).toHaveLength(28);
    expect(reference.filter((m) => m.inRegion)).toHaveLength(25);
    expect(result.suppressedRows).toBeGreaterThan(1000);
    expect(result.activityRows.length).toBeGreaterThan(0);
    expect(result.inconsistentRelations).toBe(0);
  });

  it('finds exactly the leaks of leaks.csv, each the way it is listed there', () => {
    const found = result.leaks
      .map((l) => `${leakKey(l).replaceAll('\u0000', ' ')} ${l.how} sensitive=${l.sensitive}`)
      .sort();
    const listed = expected
      .map(
        (e) =>
          `${[e.term, e.quantity, e.scope, e.scope_id, e.group].join(' ')} ${e.how} sensitive=${e.sensitive}`,
      )
      .sort();
    expect(found).toEqual(listed);
    const summary = leakSummary(result);
    expect(summary.exposed).toBeGreaterThan(0);
    expect(summary.determined).toBeGreaterThan(0);
    expect(result.sensitiveLeaks.length).toBeGreaterThan(0);
    expect(recoveredRows(rows, result).length).toBeGreaterThan(0);
  });

  it('recovers the true hidden values (from the database, unsuppressed)', () => {
    const truth = new Map(
      expected.map((e) => [
        [e.term, e.quantity, e.scope, e.scope_id, e.group].join('\u0000'),
        Number(e.true_value),
      ]),
    );
    const wrong = result.leaks
      .filter(
        (l) => Math.abs(l.value - truth.get(leakKey(l))!) > 1e-6 * Math.max(1, Math.abs(l.value)),
      )
      .map(
        (l) =>
          `${leakKey(l).replaceAll('\u0000', ' ')}: recovered ${l.value}, true ${truth.get(leakKey(l))}`,
      );
    expect(wrong).toEqual([]);
  });

  it('reports only cells a suppressed row hides', () => {
    const hiddenRows = new Set(
      rows.filter((r) => r.suppressed).map((r) => `${r.term} ${r.scope} ${r.scope_id}`),
    );
    for (const l of result.leaks)
      expect(hiddenRows.has(`${l.term} ${l.scope} ${l.scope_id}`)).toBe(true);
  });

  it('is fast: the whole fixture in well under a few seconds', () => {
    const start = performance.now();
    auditDisclosure(rows, reference);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
