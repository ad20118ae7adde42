// The recommendation rules of decisions.md, each and in their order.
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/decide/recommend.ts';

const base = { ended: false, needDocumented: true };

describe('recommendation', () => {
  it('1. ended wins over everything, even met goals without a need', () => {
    expect(
      recommend({ ended: true, needDocumented: false, statuses: ['met'] }).recommendation,
    ).toBe('ended');
  });
  it('2. develop without a documented need, even when every goal is met', () => {
    expect(recommend({ ...base, needDocumented: false, statuses: ['met', 'met'] })).toEqual({
      recommendation: 'develop',
      ground: 'no_documented_need',
    });
  });
  it('2. develop without goals', () => {
    expect(recommend({ ...base, statuses: [] })).toEqual({
      recommendation: 'develop',
      ground: 'no_goals',
    });
  });
  it('3. in progress when no goal is due', () => {
    expect(recommend({ ...base, statuses: ['not_due', 'not_due'] }).recommendation).toBe(
      'in_progress',
    );
  });
  it('4. insufficient data when every due goal is insufficient', () => {
    expect(recommend({ ...base, statuses: ['insufficient', 'not_due'] }).recommendation).toBe(
      'insufficient_data',
    );
  });
  it('5. end when every judged goal is missed (insufficient ones aside)', () => {
    expect(
      recommend({ ...base, statuses: ['missed', 'insufficient', 'not_due'] }).recommendation,
    ).toBe('end');
  });
  it('6. continue when every judged goal is met or likely met', () => {
    expect(
      recommend({ ...base, statuses: ['met', 'likely_met', 'insufficient'] }).recommendation,
    ).toBe('continue');
  });
  it('7. develop for anything else: mixed or uncertain', () => {
    expect(recommend({ ...base, statuses: ['met', 'missed'] })).toEqual({
      recommendation: 'develop',
      ground: 'mixed',
    });
    expect(recommend({ ...base, statuses: ['likely_missed'] }).recommendation).toBe('develop');
    expect(recommend({ ...base, statuses: ['likely_missed', 'missed'] }).recommendation).toBe(
      'develop',
    );
  });
});

describe('grounds before the rules (issue 14: nothing vanishes)', () => {
  it('an activity not loaded cannot be judged: insufficient data, before ended and need', () => {
    expect(
      recommend({ notLoaded: true, ended: true, needDocumented: false, statuses: ['met'] }),
    ).toEqual({ recommendation: 'insufficient_data', ground: 'not_loaded' });
  });
  it('goals written but none read: insufficient data, not "set goals"; a missing need still comes first', () => {
    expect(recommend({ ...base, statuses: [], unreadGoals: 2 })).toEqual({
      recommendation: 'insufficient_data',
      ground: 'goals_unread',
    });
    expect(recommend({ ...base, needDocumented: false, statuses: [], unreadGoals: 2 }).ground).toBe(
      'no_documented_need',
    );
  });
  it('some goals read: the rules judge those (the unread rows are named in the reasons)', () => {
    expect(recommend({ ...base, statuses: ['met'], unreadGoals: 1 })).toEqual({
      recommendation: 'continue',
      ground: 'all_judged_met',
    });
  });
  it('an invalid goal counts like an insufficient one', () => {
    expect(recommend({ ...base, statuses: ['invalid'] })).toEqual({
      recommendation: 'insufficient_data',
      ground: 'all_due_insufficient',
    });
    expect(recommend({ ...base, statuses: ['invalid', 'missed'] }).recommendation).toBe('end');
    expect(recommend({ ...base, statuses: ['invalid', 'met'] }).recommendation).toBe('continue');
    // like insufficient, it is due: with a goal not yet due the activity is not "in progress"
    expect(recommend({ ...base, statuses: ['invalid', 'not_due'] }).recommendation).toBe(
      'insufficient_data',
    );
  });
});
