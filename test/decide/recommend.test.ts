// The recommendation rules of decisions.md, each and in their order.
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/decide/recommend.ts';

const base = { ended: false, needDocumented: true };

describe('recommendation', () => {
  it('1. ended wins over everything, even met goals without a need', () => {
    expect(recommend({ ended: true, needDocumented: false, statuses: ['met'] }).recommendation).toBe('ended');
  });
  it('2. develop without a documented need, even when every goal is met', () => {
    expect(recommend({ ...base, needDocumented: false, statuses: ['met', 'met'] })).toEqual({ recommendation: 'develop', ground: 'no_documented_need' });
  });
  it('2. develop without goals', () => {
    expect(recommend({ ...base, statuses: [] })).toEqual({ recommendation: 'develop', ground: 'no_goals' });
  });
  it('3. in progress when no goal is due', () => {
    expect(recommend({ ...base, statuses: ['not_due', 'not_due'] }).recommendation).toBe('in_progress');
  });
  it('4. insufficient data when every due goal is insufficient', () => {
    expect(recommend({ ...base, statuses: ['insufficient', 'not_due'] }).recommendation).toBe('insufficient_data');
  });
  it('5. end when every judged goal is missed (insufficient ones aside)', () => {
    expect(recommend({ ...base, statuses: ['missed', 'insufficient', 'not_due'] }).recommendation).toBe('end');
  });
  it('6. continue when every judged goal is met or likely met', () => {
    expect(recommend({ ...base, statuses: ['met', 'likely_met', 'insufficient'] }).recommendation).toBe('continue');
  });
  it('7. develop for anything else: mixed or uncertain', () => {
    expect(recommend({ ...base, statuses: ['met', 'missed'] })).toEqual({ recommendation: 'develop', ground: 'mixed' });
    expect(recommend({ ...base, statuses: ['likely_missed'] }).recommendation).toBe('develop');
    expect(recommend({ ...base, statuses: ['likely_missed', 'missed'] }).recommendation).toBe('develop');
  });
});
