// Reason sentences: value, interval, n and status in words; never a suppressed value.
import { describe, expect, it } from 'vitest';
import { goalSentence, type GoalSentenceInput } from '../../src/decide/goal-sentence.ts';

const goal: GoalSentenceInput = {
  indicator: 'conversion_2t',
  operator: '>=',
  target: 0.15,
  byTerm: 'HT2025',
  value: 0.2222,
  low: 0.1385,
  high: 0.3178,
  n: 54,
  suppressed: false,
  status: 'likely_met',
  onTrack: true,
  confidence: 0.95,
  minCell: 5,
};

describe('goal sentence', () => {
  it('reads like the example of decisions.md in Swedish', () => {
    expect(goalSentence(goal, 'sv')).toBe(
      'Konvertering inom två terminer ≥ 15\u00a0%: 22\u00a0% (95\u00a0% KI 14–32\u00a0%, n = 54) – troligen uppnått.',
    );
  });
  it('and in English', () => {
    expect(goalSentence(goal, 'en')).toBe(
      'Conversion within two terms ≥ 15%: 22% (95% CI 14–32%, n = 54) – likely met.',
    );
  });
  it('never writes a suppressed value, its interval, its n or which side of the target it lies', () => {
    const hidden = {
      ...goal,
      value: 0.75,
      low: 0.3,
      high: 0.95,
      n: 4,
      suppressed: true,
      status: 'not_due' as const,
    };
    const text = goalSentence(hidden, 'sv');
    expect(text).toBe(
      'Konvertering inom två terminer ≥ 15\u00a0%: värdet visas inte (färre än 5 personer) – bedöms HT2025.',
    );
    for (const leak of ['75', '30', '95', 'n = 4', 'i fas']) expect(text).not.toContain(leak);
  });
  it('says when a goal is not due and whether it is on track', () => {
    expect(goalSentence({ ...goal, status: 'not_due' }, 'en')).toBe(
      'Conversion within two terms ≥ 15%: 22% (95% CI 14–32%, n = 54) – judged at HT2025, on track.',
    );
  });
  it('writes counts and costs in their units', () => {
    expect(
      goalSentence(
        {
          ...goal,
          indicator: 'reach',
          target: 100,
          value: 120,
          low: null,
          high: null,
          n: 120,
          status: 'met',
        },
        'sv',
      ),
    ).toBe(
      'Antal deltagare (huvudräkning) ≥ 100: 120 – uppnått.', // a count's n is itself,
    );
    expect(
      goalSentence(
        {
          ...goal,
          indicator: 'cost_per_conversion',
          operator: '<=',
          target: 20000,
          value: 12500,
          low: null,
          high: null,
          n: 8,
          status: 'insufficient',
        },
        'sv',
      ),
    ).toBe(
      'Kostnad per konvertering ≤ 20\u00a0000\u00a0kr: 12\u00a0500\u00a0kr (n = 8) – otillräckligt underlag.',
    );
  });
});
