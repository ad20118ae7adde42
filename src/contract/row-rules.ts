// Rules that look at more than one column of a row. `p(name)` is the SQL of a parsed
// column. Each rule's message says how to fix the row.
import { oneOf } from '../db/sql-text.ts';
import { SHARE_INDICATORS } from './indicator-names.ts';
import type { Kind } from './kinds.ts';

export interface RowRule {
  column: string;
  rule: string;
  /** SQL that is true when the row breaks the rule. */
  broken(p: (name: string) => string): string;
  /** SQL for the message. */
  message(p: (name: string) => string): string;
}


const shareTargetAsPercentage: RowRule = {
  column: 'target',
  rule: 'share_as_percentage',
  broken: (p) => `${oneOf(p('indicator'), SHARE_INDICATORS)} AND (${p('target')} > 1 OR ${p('target')} < 0)`,
  message: (p) =>
    `'target ' || mask_pnr_like(${p('target')}::DOUBLE::VARCHAR) || ' for the share ' || ${p('indicator')} || ' is outside 0–1: write a share as 0.25, not 25'`,
};

const scopeShape: RowRule = {
  column: 'scope',
  rule: 'invalid_scope',
  broken: (p) => `NOT regexp_full_match(${p('scope')}, 'region|[0-9]{2}|[0-9]{4}')`,
  message: (p) =>
    `'scope ' || reject_quote(${p('scope')}) || ' is not region, a two-digit county code or a four-digit municipality code'`,
};

export const ROW_RULES: Partial<Record<Kind, readonly RowRule[]>> = {
  activity_goals: [shareTargetAsPercentage],
  recruitment_targets: [shareTargetAsPercentage, scopeShape],
};
