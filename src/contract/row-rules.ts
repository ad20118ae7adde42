// Rules that look at more than one column of a row. `p(name)` is the SQL of a parsed
// column. Each rule's message says how to fix the row.
import { oneOf } from '../db/sql-text.ts';
import { SHARE_INDICATORS } from '../indicators/registry.ts';
import type { Kind } from './kinds.ts';

export interface RowRule {
  column: string;
  rule: string;
  /** SQL that is true when the row breaks the rule. `v(name)` is the cleaned cell as written. */
  broken(p: (name: string) => string, v: (name: string) => string): string;
  /** SQL for the message. */
  message(p: (name: string) => string, v: (name: string) => string): string;
}

/** The target was written with a % sign (only a percentage parses with one: cell-rules.ts). */
const writtenAsPercent = (v: (name: string) => string) => `contains(${v('target')}, '%')`;

// A share above 1 was almost always written as a percentage without the sign (25 for
// 25 %); written with the sign (250 %) it is simply above 100 %.
const shareTargetAsPercentage: RowRule = {
  column: 'target',
  rule: 'share_as_percentage',
  broken: (p) =>
    `${oneOf(p('indicator'), SHARE_INDICATORS)} AND (${p('target')} > 1 OR ${p('target')} < 0)`,
  message: (p, v) =>
    `CASE WHEN ${writtenAsPercent(v)}
      THEN 'target ' || reject_quote(${v('target')}) || ' for the share ' || ${p('indicator')} || ' is above 100 %: write a share from 0 % to 100 % (or 0 to 1)'
      ELSE 'target ' || mask_pnr_like(${p('target')}::DOUBLE::VARCHAR) || ' for the share ' || ${p('indicator')} || ' is outside 0–1: write a share as 0.25, not 25' END`,
};

// `25 %` means 0.25 only for a share; for a count (reach 25 %), a ratio (prestationsgrad_oe
// 110 %), an amount or a difference it has no one reading the goal could be judged by.
const percentForNonShare: RowRule = {
  column: 'target',
  rule: 'percent_for_non_share',
  broken: (p, v) =>
    `${p('target')} IS NOT NULL AND ${writtenAsPercent(v)} AND NOT ${oneOf(p('indicator'), SHARE_INDICATORS)}`,
  message: (p, v) =>
    `'target ' || reject_quote(${v('target')}) || ' is a percentage, but ' || ${p('indicator')} || ' is not a share (only a share may be written with %): write the target as a plain number in the unit of ' || ${p('indicator')}`,
};

const scopeShape: RowRule = {
  column: 'scope',
  rule: 'invalid_scope',
  broken: (p) => `NOT regexp_full_match(${p('scope')}, 'region|[0-9]{2}|[0-9]{4}')`,
  message: (p) =>
    `'scope ' || reject_quote(${p('scope')}) || ' is not region, a two-digit county code or a four-digit municipality code'`,
};

// A population row counts the ages age_from to age_to; they cannot run backwards.
const ageSpanOrder: RowRule = {
  column: 'age_to',
  rule: 'age_span_backwards',
  broken: (p) => `${p('age_to')} < ${p('age_from')}`,
  message: (p) =>
    `'age_to ' || ${p('age_to')} || ' is below age_from ' || ${p('age_from')} || ': write the youngest age first (20 and 64 for all of 20–64)'`,
};

export const ROW_RULES: Partial<Record<Kind, readonly RowRule[]>> = {
  population: [ageSpanOrder],
  activity_goals: [shareTargetAsPercentage, percentForNonShare],
  recruitment_targets: [shareTargetAsPercentage, percentForNonShare, scopeShape],
};
