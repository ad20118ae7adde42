// When ingest asks before a replacement: only when more than half of a kind goes; on a
// terminal it asks, off a terminal it refuses unless --yes; --yes never asks. The plan's
// lines name each file and its rows.
import { CLI_ERRORS } from '../../src/messages/cli.ts';
import { describe, expect, it } from 'vitest';
import {
  announceAndConfirm,
  confirmationStep,
  describePlan,
} from '../../src/cli/replacement-prompt.ts';
import { planReplacement } from '../../src/ingest/replace-plan.ts';

const needing = [{ kind: 'registrations' as const, removedRows: 3, loadedRows: 5 }];

describe('confirmationStep', () => {
  it('proceeds when nothing needs confirming, or with --yes; asks on a terminal; refuses off one', () => {
    expect(confirmationStep([], { yes: false, terminal: false })).toBe('proceed');
    expect(confirmationStep([], { yes: false, terminal: true })).toBe('proceed');
    expect(confirmationStep(needing, { yes: true, terminal: false })).toBe('proceed');
    expect(confirmationStep(needing, { yes: true, terminal: true })).toBe('proceed');
    expect(confirmationStep(needing, { yes: false, terminal: true })).toBe('ask');
    expect(confirmationStep(needing, { yes: false, terminal: false })).toBe('refuse');
  });
});

// a/registrations.csv 3 rows, b/registrations-vt.csv 2 rows; --replace with new/registrations.csv.
const plan = planReplacement(
  [
    {
      loadId: 1,
      path: '/w/a/registrations.csv',
      fileName: 'registrations.csv',
      sha256: 's1',
      kind: 'registrations',
      rows: 3,
    },
    {
      loadId: 2,
      path: '/w/b/registrations-vt.csv',
      fileName: 'registrations-vt.csv',
      sha256: 's2',
      kind: 'registrations',
      rows: 2,
    },
  ],
  [{ path: '/w/new/registrations.csv', kind: 'registrations', sha256: 'n' }],
  'name',
);

describe('describePlan', () => {
  it('names each file removed with its rows, and the share of the kind', () => {
    expect(describePlan(plan, '/w')).toEqual([
      'Before loading, this removes 1 earlier load(s):',
      '  a/registrations.csv (registrations): 3 rows, replaced by new/registrations.csv (same file name)',
      '  registrations: 3 of its 5 loaded rows removed',
    ]);
  });
});

describe('announceAndConfirm', () => {
  it('off a terminal without --yes: says the plan, then refuses with the fix', async () => {
    const said: string[] = [];
    await expect(
      announceAndConfirm(plan, { yes: false, terminal: false, say: (l) => said.push(l) }),
    ).rejects.toThrow(
      CLI_ERRORS.replacementRefused([{ kind: 'registrations', removedRows: 3, loadedRows: 5 }]).text
        .en,
    );
    expect(said[0]).toBe('Before loading, this removes 1 earlier load(s):');
  });

  it('with --yes: says the plan and goes on', async () => {
    const said: string[] = [];
    expect(
      await announceAndConfirm(plan, { yes: true, terminal: false, say: (l) => said.push(l) }),
    ).toBe(true);
    expect(said).toHaveLength(3);
  });
});
