// The decision rules come from one list (RULES in recommend.ts): recommend() evaluates it,
// the method section states it. Its numbered rules follow decisions.md's order, and
// recommend picks the first rule that applies: hand-made cases, each with the
// recommendation and the reason worked out by hand from decisions.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from '../../src/decide/goal-status.ts';
import {
  type ActivityState,
  RULES,
  RULES_NOT_APPLIED,
  recommend,
} from '../../src/decide/recommend.ts';
import { GROUND_SENTENCES, rulesText } from '../../src/decide/words.ts';
import { esc } from '../../src/report/html/escape.ts';
import { methodSection } from '../../src/report/html/sections/method.ts';
import type { ReportData } from '../../src/report/report-data.ts';
import { projectRoot } from '../../src/util/paths.ts';

/** decisions.md, "Recommendation at review term R", as of issue 16: number and outcome. */
const DECISIONS_MD_RULES = [
  ['1', 'ended'],
  ['2', 'develop'],
  ['3', 'in_progress'],
  ['4', 'insufficient_data'],
  ['5', 'end'],
  ['5½', 'develop'],
  ['6', 'continue'],
  ['7', 'develop'],
];
const SPEC = join(projectRoot, '..', 'shared', 'spec', 'decisions.md');

describe('the rules follow decisions.md', () => {
  it("numbered rules, in order, are decisions.md's, except those said not to be applied", () => {
    const numbered: string[][] = [];
    for (const r of RULES) {
      if (r.rule === null) continue;
      const last = numbered.at(-1);
      if (last?.[0] === r.rule) expect(r.recommendation).toBe(last[1]);
      else numbered.push([r.rule, r.recommendation]);
    }
    const notApplied = RULES_NOT_APPLIED.map((r) => r.rule);
    expect(notApplied).toEqual(['5½']);
    expect(numbered).toEqual(DECISIONS_MD_RULES.filter(([n]) => !notApplied.includes(n!)));
    expect(RULES.at(-1)!.applies({} as never)).toBe(true);
  });

  it.skipIf(!existsSync(SPEC))('the list above is the one in ../shared/spec/decisions.md', () => {
    const md = readFileSync(SPEC, 'utf8');
    const section = md.slice(md.indexOf('## Recommendation at review term R'));
    const rules = [...section.slice(0, section.indexOf('\n## ')).matchAll(/^(\d+½?)\. `(\w+)`/gm)];
    expect(rules.map((m) => [m[1], m[2]])).toEqual(DECISIONS_MD_RULES);
  });

  it('states every rule, numbered as decisions.md, in the method section', () => {
    const en = rulesText('en');
    expect(en.numbered).toEqual([
      {
        number: '1',
        text: 'ended – the activity ended before the review term; shown for the record',
      },
      { number: '2', text: 'develop – no documented need, or no followable goals' },
      { number: '3', text: 'in progress – no goal is due yet' },
      {
        number: '4',
        text: 'insufficient data – every due goal has too little data (a goal on an indicator of the other kind of activity counts as one)',
      },
      { number: '5', text: 'end – every goal that can be judged is missed' },
      { number: '6', text: 'continue – every goal that can be judged is met or likely met' },
      { number: '7', text: 'develop – anything else (mixed or uncertain results)' },
    ]);
    expect(en.grounds).toHaveLength(2);
    expect(en.notApplied).toEqual([
      'Rule 5½ of the decision rules is not applied: develop when the goals are met but the effect shows none; larsam does not estimate effects yet.',
    ]);
    const sv = rulesText('sv');
    expect(sv.numbered[1]).toEqual({
      number: '2',
      text: 'utveckla – inget dokumenterat behov eller inga uppföljningsbara mål',
    });
    expect(sv.numbered[4]!.text).toBe('avsluta – inget av de mål som kan bedömas är uppnått');

    const data = {
      lang: 'en',
      reviewTerm: 'VT2026',
      settings: {
        minCell: 5,
        shareRule: 'denominator',
        minN: 10,
        graceDays: 30,
        confidence: 0.95,
        asOf: null,
      },
      quality: { files: [] },
    } as unknown as ReportData;
    const html = methodSection(data, '0.0.0');
    for (const r of en.numbered) expect(html).toContain(`<li value="${r.number}">${r.text}</li>`);
    for (const g of en.grounds) expect(html).toContain(`<li>${esc(g)}</li>`);
  });
});

const base = { ended: false, needDocumented: true };
const cases: [string, ActivityState, string, string][] = [
  [
    'not loaded beats everything, even ended without a need',
    { notLoaded: true, ended: true, needDocumented: false, statuses: ['met'] },
    'insufficient_data',
    'The activity is not loaded: correct its row in the activities file and load the file again.',
  ],
  [
    '1. ended beats a missing need and met goals',
    { ended: true, needDocumented: false, statuses: ['met'] },
    'ended',
    'The activity has ended and is shown for the record.',
  ],
  [
    "2. a missing need comes before the unread goals' ground",
    { ...base, needDocumented: false, statuses: [], unreadGoals: 3 },
    'develop',
    'No documented need: document the need in the needs inventory.',
  ],
  [
    'goals written, none read: insufficient data, not "set goals"',
    { ...base, statuses: [], unreadGoals: 1 },
    'insufficient_data',
    'Goals were written but could not be read: correct the goals file and load it again.',
  ],
  [
    '2. no goals at all',
    { ...base, statuses: [] },
    'develop',
    'No followable goals: set goals that can be followed up.',
  ],
  [
    '3. no goal due (one read goal and unread ones do not change that)',
    { ...base, statuses: ['not_due', 'not_due'], unreadGoals: 2 },
    'in_progress',
    'No goal is due yet.',
  ],
  [
    '4. every due goal insufficient, an invalid one among them',
    { ...base, statuses: ['insufficient', 'invalid', 'not_due'] },
    'insufficient_data',
    'The data is not enough to judge any goal.',
  ],
  [
    '5. the judged goal is missed, the insufficient one aside',
    { ...base, statuses: ['missed', 'insufficient', 'not_due'] },
    'end',
    'Every goal that can be judged is missed.',
  ],
  [
    '6. met and likely met, an invalid one aside',
    { ...base, statuses: ['met', 'likely_met', 'invalid'] },
    'continue',
    'Every goal that can be judged is met or likely met.',
  ],
  [
    '7. likely missed alone is neither missed nor met',
    { ...base, statuses: ['likely_missed'] },
    'develop',
    'The results are mixed or uncertain.',
  ],
  [
    '7. met and missed',
    { ...base, statuses: ['met', 'missed'] },
    'develop',
    'The results are mixed or uncertain.',
  ],
];

describe('recommend picks the first rule that applies', () => {
  for (const [name, state, recommendation, reason] of cases) {
    it(name, () => {
      const got = recommend(state);
      expect(got.recommendation).toBe(recommendation);
      expect(GROUND_SENTENCES[got.ground].en).toBe(reason);
      // and it is a ground of its recommendation in the list
      expect(RULES.find((r) => r.ground === got.ground)!.recommendation).toBe(recommendation);
    });
  }

  it('gives the Swedish reasons of the catalogue', () => {
    const sv = (statuses: GoalStatus[]) =>
      GROUND_SENTENCES[recommend({ ...base, statuses }).ground].sv;
    expect(sv(['missed'])).toBe('Inget av de mål som kan bedömas är uppnått.');
    expect(sv(['met', 'likely_met'])).toBe(
      'Alla mål som kan bedömas är uppnådda eller troligen uppnådda.',
    );
    expect(sv([])).toBe('Inga uppföljningsbara mål: sätt mål som kan följas upp.');
  });
});
