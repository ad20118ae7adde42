// decide --json: a suppressed goal's value, interval and n never leave larsam.
import { describe, expect, it } from 'vitest';
import type { ActivityDecision, GoalDecision } from '../../src/decide/decide.ts';
import { publishableDecisions } from '../../src/decide/publishable.ts';

const goal = (goalId: string, suppressed: boolean): GoalDecision => ({
  goalId,
  indicator: 'linked',
  operator: '>=',
  target: 3,
  byTerm: 'HT2025',
  value: 2,
  low: 0.4,
  high: 4.1,
  n: 2,
  suppressed,
  status: 'insufficient',
  onTrack: null,
  sentence: 'Kopplade deltagare ≥ 3: färre än 5 – underlag saknas.',
});

const activity: ActivityDecision = {
  activityId: 'A1',
  name: 'Studiebesök',
  kind: 'recruitment',
  type: null,
  municipalityCode: '2380',
  centreId: null,
  needId: 'N1',
  needDocumented: true,
  reviewTerm: 'HT2025',
  recommendation: 'insufficient_data',
  ground: 'all_due_insufficient',
  goals: [goal('G1', true), goal('G2', false)],
  notLoaded: null,
  newerRowUnread: null,
  unreadGoals: [],
  unreadOther: [],
  reasons: '…',
};

describe('publishableDecisions', () => {
  it('blanks value, interval and n of a suppressed goal and keeps everything else', () => {
    const [published] = publishableDecisions([activity]);
    expect(published!.goals[0]).toEqual({
      ...goal('G1', true),
      value: null,
      low: null,
      high: null,
      n: null,
    });
    expect(published!.goals[1]).toEqual(goal('G2', false));
    expect(activity.goals[0]!.value).toBe(2); // the input is not changed
  });
});
