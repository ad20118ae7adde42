// Goal status (decisions.md) at every boundary, for >= and <=.
import { describe, expect, it } from 'vitest';
import { goalStatus, onTrack, type GoalEvidence } from '../../src/decide/goal-status.ts';

const MIN_N = 10;
const share = (
  operator: '>=' | '<=',
  target: number,
  value: number | null,
  low: number | null,
  high: number | null,
  n: number | null = 50,
): GoalEvidence => ({
  operator,
  target,
  notDue: false,
  value,
  low,
  high,
  n,
  isCount: false,
});

describe('goal status for >=', () => {
  it('is met when the interval lies at or above the target (touching counts)', () => {
    expect(goalStatus(share('>=', 0.15, 0.3, 0.2, 0.4), MIN_N)).toBe('met');
    expect(goalStatus(share('>=', 0.15, 0.3, 0.15, 0.4), MIN_N)).toBe('met'); // lo = target
  });
  it('is likely met when the value reaches the target but the interval reaches below', () => {
    expect(goalStatus(share('>=', 0.15, 0.15, 0.1, 0.2), MIN_N)).toBe('likely_met'); // value = target
    expect(goalStatus(share('>=', 0.15, 0.18, 0.149, 0.25), MIN_N)).toBe('likely_met');
  });
  it('is likely missed when the value is below but the interval reaches the target', () => {
    expect(goalStatus(share('>=', 0.15, 0.12, 0.08, 0.15), MIN_N)).toBe('likely_missed'); // hi = target
    expect(goalStatus(share('>=', 0.15, 0.149, 0.1, 0.2), MIN_N)).toBe('likely_missed');
  });
  it('is missed when the whole interval is below', () => {
    expect(goalStatus(share('>=', 0.15, 0.1, 0.05, 0.1499), MIN_N)).toBe('missed');
  });
});

describe('goal status for <= (mirrored)', () => {
  it('met: hi ≤ target', () => {
    expect(goalStatus(share('<=', 5000, 3000, 2000, 5000), MIN_N)).toBe('met');
  });
  it('likely met: value ≤ target < hi', () => {
    expect(goalStatus(share('<=', 5000, 5000, 4000, 6000), MIN_N)).toBe('likely_met');
  });
  it('likely missed: value > target ≥ lo', () => {
    expect(goalStatus(share('<=', 5000, 5500, 5000, 6000), MIN_N)).toBe('likely_missed');
  });
  it('missed: lo > target', () => {
    expect(goalStatus(share('<=', 5000, 7000, 5001, 9000), MIN_N)).toBe('missed');
  });
});

describe('not due, insufficient, counts', () => {
  it('is not_due before by_term, whatever the value', () => {
    expect(goalStatus({ ...share('>=', 0.15, 0.01, 0, 0.02), notDue: true }, MIN_N)).toBe(
      'not_due',
    );
    expect(onTrack({ operator: '>=', target: 0.15, value: 0.2 })).toBe(true);
    expect(onTrack({ operator: '<=', target: 0.15, value: 0.2 })).toBe(false);
  });
  it('is insufficient without a value, with n < min_n, or without an interval', () => {
    expect(goalStatus(share('>=', 0.15, null, null, null, null), MIN_N)).toBe('insufficient');
    expect(goalStatus(share('>=', 0.15, 0.5, 0.3, 0.7, 9), MIN_N)).toBe('insufficient');
    expect(goalStatus(share('>=', 0.15, 0.5, 0.3, 0.7, 10), MIN_N)).toBe('met'); // n = min_n is enough
    expect(goalStatus(share('>=', 0.15, 0.5, null, null, 40), MIN_N)).toBe('insufficient');
  });
  it('judges counts on their value alone, even when n is small', () => {
    const count = (value: number, operator: '>=' | '<=' = '>='): GoalEvidence => ({
      operator,
      target: 20,
      notDue: false,
      value,
      low: null,
      high: null,
      n: value,
      isCount: true,
    });
    expect(goalStatus(count(20), MIN_N)).toBe('met');
    expect(goalStatus(count(19), MIN_N)).toBe('missed');
    expect(goalStatus(count(3, '<='), MIN_N)).toBe('met');
    expect(goalStatus(count(21, '<='), MIN_N)).toBe('missed');
  });
});

describe('a goal on an indicator of the other kind of activity', () => {
  it('is invalid, whatever its value, and also before its by_term (it can be rewritten now)', () => {
    expect(goalStatus({ ...share('>=', 0.15, null, null, null), otherKind: true }, MIN_N)).toBe(
      'invalid',
    );
    expect(goalStatus({ ...share('>=', 0.15, 0.3, 0.2, 0.4), otherKind: true }, MIN_N)).toBe(
      'invalid',
    );
    expect(
      goalStatus({ ...share('>=', 0.15, null, null, null), notDue: true, otherKind: true }, MIN_N),
    ).toBe('invalid');
  });
});
