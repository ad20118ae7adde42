// One sentence per goal, e.g. "Konvertering inom två terminer ≥ 15 %: 22 % (95 % KI
// 14–32 %, n = 54) – troligen uppnått." A suppressed value is never written: the
// sentence says it is hidden instead. An invalid goal's sentence gives its reason.
import { formatIndicatorValue, formatInterval, formatNumber } from '../i18n/format-number.ts';
import { indicatorLabel, showsN } from '../indicators/registry.ts';
import type { Lang } from '../i18n/lang.ts';
import type { GoalStatus } from './goal-status.ts';
import { STATUS_WORDS } from './words.ts';

/** A judged goal as decide() knows it (without its id and sentence). */
export interface JudgedGoal {
  indicator: string;
  operator: '>=' | '<=';
  target: number;
  byTerm: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number | null;
  suppressed: boolean;
  status: GoalStatus;
  onTrack: boolean | null;
  /** For an invalid goal: why it cannot be judged and what to choose instead. */
  invalidReason?: string | null;
}

export interface GoalSentenceInput extends JudgedGoal {
  confidence: number;
  minCell: number;
}

export function goalSentence(goal: GoalSentenceInput, lang: Lang): string {
  const sign = goal.operator === '>=' ? '≥' : '≤';
  const head = `${indicatorLabel(goal.indicator, lang)} ${sign} ${formatIndicatorValue(goal.indicator, goal.target, lang)}`;
  // an invalid goal has no value to show: the sentence says what to correct
  if (goal.status === 'invalid')
    return `${head}: ${STATUS_WORDS.invalid[lang]}${goal.invalidReason ? ` – ${goal.invalidReason}` : ''}.`;
  let evidence: string;
  if (goal.value === null) {
    evidence = lang === 'sv' ? 'inget värde ännu' : 'no value yet';
  } else if (goal.suppressed) {
    evidence =
      lang === 'sv'
        ? `värdet visas inte (färre än ${goal.minCell} personer)`
        : `value not shown (fewer than ${goal.minCell} persons)`;
  } else {
    const level = formatNumber(goal.confidence * 100, lang);
    const parts: string[] = [];
    if (goal.low !== null && goal.high !== null) {
      parts.push(
        `${level}${lang === 'sv' ? '\u00a0% KI' : '% CI'} ${formatInterval(goal.indicator, goal.low, goal.high, lang)}`,
      );
    }
    // a count's n is the count itself
    if (goal.n !== null && showsN(goal.indicator)) parts.push(`n = ${formatNumber(goal.n, lang)}`);
    evidence = `${formatIndicatorValue(goal.indicator, goal.value, lang)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  }
  let verdict = STATUS_WORDS[goal.status][lang];
  if (goal.status === 'not_due') {
    // on track or not would tell which side of the target a hidden value lies
    const track =
      goal.onTrack === null || goal.suppressed
        ? ''
        : goal.onTrack
          ? lang === 'sv'
            ? ', i fas'
            : ', on track'
          : lang === 'sv'
            ? ', inte i fas'
            : ', not on track';
    verdict = lang === 'sv' ? `bedöms ${goal.byTerm}${track}` : `judged at ${goal.byTerm}${track}`;
  }
  return `${head}: ${evidence} – ${verdict}.`;
}
