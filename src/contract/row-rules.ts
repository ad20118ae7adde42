// Rules that look at more than one column of a row. `p(name)` is the SQL of a parsed
// column. Each rule's reason is the catalogue's (src/messages/ingest.ts), with its fix.
import { oneOf } from '../db/sql-text.ts';
import { rejectReasons, rejectSql } from '../messages/rejects.ts';
import { SHARE_INDICATORS } from '../indicators/registry.ts';
import type { Kind } from './kinds.ts';

export interface RowRule {
  column: string;
  rule: string;
  /** SQL that is true when the row breaks the rule. `v(name)` is the cleaned cell as written. */
  broken(p: (name: string) => string, v: (name: string) => string): string;
  /** SQL for the reject reason (rejectSql of a catalogue entry). */
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
      THEN ${rejectSql((sql) => rejectReasons.shareAbove100(sql(`reject_quote(${v('target')})`), sql(p('indicator'))))}
      ELSE ${rejectSql((sql) => rejectReasons.shareOutside01(sql(`mask_pnr_like(${p('target')}::DOUBLE::VARCHAR)`), sql(p('indicator'))))} END`,
};

// `25 %` means 0.25 only for a share; for a count (reach 25 %), a ratio (prestationsgrad_oe
// 110 %), an amount or a difference it has no one reading the goal could be judged by.
const percentForNonShare: RowRule = {
  column: 'target',
  rule: 'percent_for_non_share',
  broken: (p, v) =>
    `${p('target')} IS NOT NULL AND ${writtenAsPercent(v)} AND NOT ${oneOf(p('indicator'), SHARE_INDICATORS)}`,
  message: (p, v) =>
    rejectSql((sql) =>
      rejectReasons.percentForNonShare(sql(`reject_quote(${v('target')})`), sql(p('indicator'))),
    ),
};

const scopeShape: RowRule = {
  column: 'scope',
  rule: 'invalid_scope',
  broken: (p) => `NOT regexp_full_match(${p('scope')}, 'region|[0-9]{2}|[0-9]{4}')`,
  message: (p) =>
    rejectSql((sql) => rejectReasons.invalidScope(sql(`reject_quote(${p('scope')})`))),
};

// A population row counts the ages age_from to age_to; they cannot run backwards.
const ageSpanOrder: RowRule = {
  column: 'age_to',
  rule: 'age_span_backwards',
  broken: (p) => `${p('age_to')} < ${p('age_from')}`,
  message: (p) =>
    rejectSql((sql) => rejectReasons.ageSpanBackwards(sql(p('age_to')), sql(p('age_from')))),
};

export const ROW_RULES: Partial<Record<Kind, readonly RowRule[]>> = {
  population: [ageSpanOrder],
  activity_goals: [shareTargetAsPercentage, percentForNonShare],
  recruitment_targets: [shareTargetAsPercentage, percentForNonShare, scopeShape],
};
