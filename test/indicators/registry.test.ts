// The indicator registry (src/indicators/registry.ts) against what reads it and what it
// describes: the spec's lists, the SQL that computes the indicators (on the built
// sample), the reference table the build writes from it, the formatting of each unit,
// and the goals judged on their value alone. Expected values are written out by hand.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { goalStatus, judgedOnValueAlone } from '../../src/decide/goal-status.ts';
import { formatIndicatorValue, formatInterval } from '../../src/i18n/format-number.ts';
import { type SuppressionRule, suppressionRule } from '../../src/indicators/indicator.ts';
import {
  findIndicator,
  INDICATORS,
  indicatorLabel,
  indicatorNames,
  SHARE_INDICATORS,
  showsN,
} from '../../src/indicators/registry.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import { explainIndicator } from '../../src/models/explain.ts';
import { readModelFiles } from '../../src/models/model-files.ts';
import { LarsamError } from '../../src/util/errors.ts';
import { wilsonInterval } from '../../src/stats/wilson.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { Workspace } from '../helpers/workspace.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212'; // sv-SE writes a negative number with the minus sign

describe('the registry against indicators.md', () => {
  // The three tables of indicators.md, in their order.
  it('holds each family with the names of its table, in order', () => {
    expect(indicatorNames('area')).toEqual([
      'new_students',
      'new_students_per_10k',
      'new_lc_share',
      'first_generation_share',
      'low_parental_education_share',
      'mature_share',
      'foreign_background_share',
      'women_share',
      'hst',
      'hpr',
      'prestationsgrad',
      'prestationsgrad_4t',
      'completion_rate',
      'retention',
    ]);
    expect(indicatorNames('recruitment')).toEqual([
      'reach',
      'linked',
      'prospects',
      'conversion_1t',
      'conversion_2t',
      'converted_first_generation_share',
      'cost_per_conversion',
    ]);
    expect(indicatorNames('throughput')).toEqual([
      'participants',
      'participant_prestationsgrad',
      'prestationsgrad_oe',
      'participant_completion_rate',
      'completion_rate_diff',
      'participant_retention',
    ]);
    // 14 + 7 + 6, each once
    expect(INDICATORS).toHaveLength(27);
    expect(new Set(INDICATORS.map((i) => i.name)).size).toBe(27);
  });

  it('gives each indicator the kind and interval of its definition', () => {
    const byKind = (kind: string) => INDICATORS.filter((i) => i.kind === kind).map((i) => i.name);
    // "count" and "count (decimal)" in the municipality table; the activity counts
    expect(byKind('count')).toEqual([
      'new_students',
      'hst',
      'hpr',
      'reach',
      'linked',
      'prospects',
      'participants',
    ]);
    expect(byKind('rate')).toEqual(['new_students_per_10k']);
    // "ratio of sums", and the two activity ratios of sums
    expect(byKind('ratio')).toEqual([
      'prestationsgrad',
      'prestationsgrad_4t',
      'participant_prestationsgrad',
      'prestationsgrad_oe',
    ]);
    expect(byKind('difference')).toEqual(['completion_rate_diff']);
    expect(byKind('cost')).toEqual(['cost_per_conversion']);
    // every share: Wilson; every ratio of sums: delta; the difference: mean ± z·sd/√n;
    // counts, the rate (no interval required) and the cost: none
    for (const i of INDICATORS) {
      const expected = { share: 'wilson', ratio: 'delta', difference: 'mean' }[i.kind as string];
      expect(i.interval, i.name).toBe(expected ?? 'none');
    }
    // shares, and the ratios clipped at 1 (earned credits are capped at the registered
    // ones); observed/expected is not bounded
    expect(INDICATORS.filter((i) => i.bounded && i.kind !== 'share').map((i) => i.name)).toEqual([
      'prestationsgrad',
      'prestationsgrad_4t',
      'participant_prestationsgrad',
    ]);
    expect(SHARE_INDICATORS).toEqual(
      INDICATORS.filter((i) => i.kind === 'share').map((i) => i.name),
    );
    expect(SHARE_INDICATORS).toHaveLength(13);
  });

  it('names for each a model that larsam has', () => {
    const models = new Set(readModelFiles().map((m) => m.name));
    for (const i of INDICATORS) expect(models.has(i.model), i.name).toBe(true);
  });
});

describe('formatting by unit and decimals', () => {
  const both = (name: string, value: number) => [
    formatIndicatorValue(name, value, 'sv'),
    formatIndicatorValue(name, value, 'en'),
  ];

  it('writes one value of every unit in Swedish and English', () => {
    // share, 0 decimals of its percent: 0.2234 × 100 = 22.34 → 22
    expect(both('women_share', 0.2234)).toEqual([`22${NBSP}%`, '22%']);
    // persons, 0 decimals, thousands grouped (a no-break space in Swedish)
    expect(both('reach', 1234)).toEqual([`1${NBSP}234`, '1,234']);
    // hst and hpr, 1 decimal: 1234.567 → 1234.6
    expect(both('hst', 1234.567)).toEqual([`1${NBSP}234,6`, '1,234.6']);
    expect(both('hpr', 8.04)).toEqual(['8,0', '8.0']);
    // per 10 000, 1 decimal: 47.26 → 47.3
    expect(both('new_students_per_10k', 47.26)).toEqual(['47,3', '47.3']);
    // ratio, 2 decimals: 0.8765 → 0.88
    expect(both('prestationsgrad', 0.8765)).toEqual(['0,88', '0.88']);
    expect(both('prestationsgrad_oe', 1.104)).toEqual(['1,10', '1.10']);
    // kronor, 0 decimals: 12 500 kr / SEK 12,500
    expect(both('cost_per_conversion', 12500)).toEqual([
      `12${NBSP}500${NBSP}kr`,
      `SEK${NBSP}12,500`,
    ]);
    // percentage points, signed, 0 decimals: 0.034 × 100 = 3.4 → +3; −0.061 × 100 → −6
    expect(both('completion_rate_diff', 0.034)).toEqual([
      '+3 procentenheter',
      '+3 percentage points',
    ]);
    expect(both('completion_rate_diff', -0.061)).toEqual([
      `${MINUS}6 procentenheter`,
      '-6 percentage points',
    ]);
  });

  it('writes intervals with the unit once', () => {
    // 14.49 → 14, 31.51 → 32
    expect(formatInterval('conversion_2t', 0.1449, 0.3151, 'sv')).toBe(`14–32${NBSP}%`);
    expect(formatInterval('conversion_2t', 0.1449, 0.3151, 'en')).toBe('14–32%');
    // −2.1 → −2, 8.9 → 9: points without sign or unit
    expect(formatInterval('completion_rate_diff', -0.021, 0.089, 'sv')).toBe(`${MINUS}2–9`);
    expect(formatInterval('completion_rate_diff', -0.021, 0.089, 'en')).toBe('-2–9');
    expect(formatInterval('participant_prestationsgrad', 0.712, 0.9349, 'en')).toBe('0.71–0.93');
  });

  it('writes a name that is no indicator as a plain number', () => {
    expect(formatIndicatorValue('no_such', 1.234, 'en')).toBe('1.23');
    expect(indicatorLabel('no_such', 'sv')).toBe('no_such');
    expect(indicatorLabel('conversion_2t', 'sv')).toBe('Konvertering inom två terminer');
  });
});

describe('goals on an indicator without an interval', () => {
  it('are the counts, the rate and the cost, judged on their value alone', () => {
    expect(INDICATORS.filter((i) => judgedOnValueAlone(i.name)).map((i) => i.name)).toEqual([
      'new_students',
      'new_students_per_10k',
      'hst',
      'hpr',
      'reach',
      'linked',
      'prospects',
      'cost_per_conversion',
      'participants',
    ]);
    // a count's n is the count itself, so it is not shown; a rate's and a cost's n is not
    expect(INDICATORS.filter((i) => !showsN(i.name)).map((i) => i.name)).toEqual([
      'new_students',
      'hst',
      'hpr',
      'reach',
      'linked',
      'prospects',
      'participants',
    ]);
  });

  it('judge a cost per conversion of 9 000 against ≤ 10 000 as met, not insufficient', () => {
    const goal = {
      operator: '<=' as const,
      target: 10000,
      notDue: false,
      low: null,
      high: null,
      n: 3,
      isCount: judgedOnValueAlone('cost_per_conversion'),
    };
    // 9 000 ≤ 10 000: met; 11 000 > 10 000: missed
    expect(goalStatus({ ...goal, value: 9000 }, 10)).toBe('met');
    expect(goalStatus({ ...goal, value: 11000 }, 10)).toBe('missed');
    // a share with no interval stays insufficient
    expect(
      goalStatus(
        { ...goal, value: 0.3, target: 0.2, isCount: judgedOnValueAlone('conversion_2t') },
        10,
      ),
    ).toBe('insufficient');
  });
});

describe('larsam explain', () => {
  it('gives the definition and the model of the registry entry', () => {
    const e = explainIndicator('prestationsgrad_oe', 'en');
    expect(e.definition).toBe(findIndicator('prestationsgrad_oe')!.definition.en);
    expect(e.model.file).toBe('sql/marts/mart_activity_indicators.sql');
  });

  it('names every indicator when asked for one it does not know', () => {
    let error: unknown;
    try {
      explainIndicator('conversion_3t', 'sv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LarsamError);
    const { texts, fix } = error as LarsamError;
    expect(texts!.text.sv).toBe("det finns ingen indikator som heter 'conversion_3t'");
    expect(fix).toBe(`use one of: ${INDICATORS.map((i) => i.name).join(', ')}`);
  });
});

describe('the registry against the SQL, on the built sample', () => {
  let ws: Workspace;
  let db: Database;
  const MIN_CELL = 5;

  beforeAll(async () => {
    ws = new Workspace();
    const report = await ws.ingest([join(projectRoot, 'data-samples')]);
    expect(report.failures).toEqual([]);
    db = await Database.open(ws.dbPath);
    // share_rule 'cells': the share rule then differs from the persons rule, so a share
    // given the wrong kind would be suppressed differently
    await buildModels(db, {
      ...DEFAULT_BUILD_SETTINGS,
      minCell: MIN_CELL,
      shareRule: 'cells',
      asOf: '2026-01-31',
    });
  }, 120_000);
  afterAll(() => {
    db?.close();
    ws?.remove();
  });

  it('emits every registry entry and nothing else', async () => {
    const emitted = await db.rows<{ indicator: string }>(
      `SELECT DISTINCT indicator FROM indicators ORDER BY indicator`,
    );
    expect(emitted.map((r) => r.indicator)).toEqual(INDICATORS.map((i) => i.name).sort());
  });

  it('emits each indicator from its model, for the scopes of its family', async () => {
    const rows = await db.rows<{ indicator: string; model: string; family: string }>(
      `SELECT DISTINCT indicator, 'mart_municipality_indicators' AS model,
              CASE WHEN scope = 'activity' THEN 'activity' ELSE 'area' END AS family
       FROM mart_municipality_indicators
       UNION ALL
       SELECT DISTINCT i.indicator, 'mart_activity_indicators', a.kind
       FROM mart_activity_indicators i JOIN stg_activities a ON a.activity_id = i.scope_id
       ORDER BY indicator, model, family`,
    );
    expect(rows).toEqual(
      INDICATORS.map((i) => ({ indicator: i.name, model: i.model, family: i.family })).sort(
        (a, b) => (a.indicator < b.indicator ? -1 : 1),
      ),
    );
  });

  it('writes ref_indicators as the registry', async () => {
    const table = await db.rows<Record<string, unknown>>(
      `SELECT indicator, position, family, kind, suppression_rule, unit, decimals, interval_method, bounded, model
       FROM ref_indicators ORDER BY position`,
    );
    expect(table).toEqual(
      INDICATORS.map((i, k) => ({
        indicator: i.name,
        position: k + 1,
        family: i.family,
        kind: i.kind,
        suppression_rule: suppressionRule(i.kind),
        unit: i.unit,
        decimals: i.decimals,
        interval_method: i.interval,
        bounded: i.bounded,
        model: i.model,
      })),
    );
    // by hand: the cost is protected like a ratio, the rate like the count it is made of
    expect(table.find((r) => r.indicator === 'cost_per_conversion')).toMatchObject({
      kind: 'cost',
      suppression_rule: 'persons',
    });
    expect(table.find((r) => r.indicator === 'new_students_per_10k')).toMatchObject({
      kind: 'rate',
      suppression_rule: 'count',
    });
  });

  it("protects every row by its registry kind's small-cell rule", async () => {
    // the marts carry the registry's kind (from ref_indicators); the suppressed flag the
    // SQL computed is worked out again here from the rule of that kind
    const rows = await db.rows<{
      indicator: string;
      kind: string;
      persons: bigint;
      numerator: number | null;
      denominator: number | null;
      suppressed: boolean;
    }>(
      `SELECT indicator, kind, persons, numerator, denominator, suppressed FROM mart_municipality_indicators
       UNION ALL
       SELECT indicator, kind, persons, numerator, denominator, suppressed FROM mart_activity_indicators`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const small = (x: number | null) => x !== null && x >= 1 && x <= MIN_CELL - 1;
    const wrong = new Set<string>();
    const suppressedBy = new Map<SuppressionRule, number>();
    for (const r of rows) {
      const { kind } = findIndicator(r.indicator)!;
      if (r.kind !== kind) wrong.add(`${r.indicator}: SQL kind ${r.kind}, registry ${kind}`);
      const rule = suppressionRule(kind);
      const persons = Number(r.persons);
      const expected =
        rule === 'count'
          ? persons >= 1 && persons <= MIN_CELL - 1
          : rule === 'share'
            ? persons < MIN_CELL ||
              small(r.numerator) ||
              small(
                r.denominator === null || r.numerator === null ? null : r.denominator - r.numerator,
              )
            : persons < MIN_CELL;
      if (expected !== r.suppressed) wrong.add(`${r.indicator}: suppressed ${r.suppressed}`);
      if (r.suppressed) suppressedBy.set(rule, (suppressedBy.get(rule) ?? 0) + 1);
    }
    expect([...wrong]).toEqual([]);
    // each rule hides something on the sample, so each is tried
    expect([...suppressedBy.keys()].sort()).toEqual(['count', 'persons', 'share']);
  });

  it('emits rows shaped as the kind and unit of their entry says', async () => {
    // what the SQL computed, read without the registry: a wrong kind in an entry breaks it
    const rows = await db.rows<{
      indicator: string;
      value: number;
      numerator: number | null;
      denominator: number | null;
      ci_low: number | null;
      ci_high: number | null;
      n: number;
    }>(`SELECT indicator, value, numerator, denominator, ci_low, ci_high, n FROM indicators`);
    const wrong = new Set<string>();
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    for (const r of rows) {
      const { kind, unit, interval } = findIndicator(r.indicator)!;
      const k = r.numerator;
      const d = r.denominator;
      const fail = (why: string) => wrong.add(`${r.indicator} (${kind}): ${why}`);
      if (kind === 'count') {
        // a count has no numerator or denominator, and its n is the count itself
        if (k !== null || d !== null || r.n !== r.value) fail('not a count');
        if (unit === 'persons' && !Number.isInteger(r.value)) fail('persons not whole');
        continue;
      }
      if (k === null || d === null || d <= 0) {
        fail('no numerator and denominator');
        continue;
      }
      // new students per 10 000 inhabitants: 10 000 × numerator / denominator
      const quotient = unit === 'per_10k' ? (k * 10000) / d : k / d;
      if (!near(r.value, quotient)) fail(`value ${r.value} is not ${quotient}`);
      if (kind === 'share') {
        // k of n whole units, n the denominator, and the Wilson interval of k and n
        if (!Number.isInteger(k) || !Number.isInteger(d) || k > d || r.n !== d) fail('not k of n');
        const w = wilsonInterval(k, d);
        if (w && !(near(r.ci_low!, w.low) && near(r.ci_high!, w.high))) fail('not Wilson');
      }
      if (kind === 'difference' && (r.value < -1 || r.value > 1)) fail('outside −1…1');
      if (interval === 'none' && r.ci_low !== null) fail('an interval');
    }
    expect([...wrong]).toEqual([]);
  });

  it('has intervals exactly for the indicators with an interval method, within 0–1 when bounded', async () => {
    const rows = await db.rows<{
      indicator: string;
      with_interval: bigint;
      low: number | null;
      high: number | null;
    }>(
      `SELECT indicator, count(ci_low) AS with_interval,
              least(min(value), min(ci_low)) AS low, greatest(max(value), max(ci_high)) AS high
       FROM indicators GROUP BY indicator ORDER BY indicator`,
    );
    for (const r of rows) {
      const entry = findIndicator(r.indicator)!;
      expect(Number(r.with_interval) > 0, r.indicator).toBe(entry.interval !== 'none');
      if (entry.bounded) {
        expect(r.low!, r.indicator).toBeGreaterThanOrEqual(0);
        expect(r.high!, r.indicator).toBeLessThanOrEqual(1);
      }
    }
  });
});
