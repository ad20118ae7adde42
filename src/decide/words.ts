// The words of decisions in Swedish and English: statuses, recommendations, grounds. The
// texts live in the message catalogue (src/messages/decide.ts); a ground's sentence is
// the reason of its rule in RULES (recommend.ts), and rulesText states RULES for the
// method section of the report.
import type { Lang } from '../i18n/lang.ts';
import type { Text } from '../i18n/text.ts';
import { RECOMMENDATION_WORDS, RULE_TEXTS, RULES_TEXTS, STATUS_WORDS } from '../messages/decide.ts';
import {
  type DecisionRule,
  RULES,
  RULES_NOT_APPLIED,
  type RecommendationGround,
} from './recommend.ts';

export { RECOMMENDATION_WORDS, STATUS_WORDS };

export const GROUND_SENTENCES: Record<RecommendationGround, Text> = Object.fromEntries(
  Object.entries(RULE_TEXTS).map(([ground, texts]) => [ground, texts.reason]),
) as Record<RecommendationGround, Text>;

/** The decision rules as the method section states them, from RULES (recommend.ts). */
export interface RulesText {
  /** "The rules are checked in this order; the first that applies wins." */
  order: string;
  /** The rules of decisions.md by number: "develop – no documented need, or no followable goals". */
  numbered: { number: string; text: string }[];
  /** What comes before the grounds of larsam's own, and the grounds. */
  before: string;
  grounds: string[];
  /** A sentence per rule of decisions.md not applied yet. */
  notApplied: string[];
}

export function rulesText(lang: Lang): RulesText {
  const line = (r: DecisionRule, statement: string) =>
    `${RECOMMENDATION_WORDS[r.recommendation][lang]} – ${statement}`;
  const numbered: { number: string; rules: DecisionRule[] }[] = [];
  for (const r of RULES) {
    if (r.rule === null) continue;
    const group = numbered.find((g) => g.number === r.rule);
    if (group) group.rules.push(r);
    else numbered.push({ number: r.rule, rules: [r] });
  }
  return {
    order: RULES_TEXTS.order[lang],
    numbered: numbered.map(({ number, rules }) => ({
      number,
      text: line(rules[0]!, rules.map((r) => r.statement[lang]).join(RULES_TEXTS.or[lang])),
    })),
    before: RULES_TEXTS.before[lang],
    grounds: RULES.filter((r) => r.rule === null).map((r) => line(r, r.statement[lang])),
    notApplied: RULES_NOT_APPLIED.map((r) => RULES_TEXTS.notApplied(r.rule, r.why)[lang]),
  };
}
