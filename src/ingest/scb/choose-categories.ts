// Which categories of the dimensions other than age are added up: never a total
// together with its parts. Sex: men and women when both are there, else the total.
// Any other dimension (civilstånd, födelseregion …): its total when the file has one,
// else every category (said in a warning, since larsam cannot know that the selection
// was complete). The table's content: Folkmängd when the file holds several.
import { scbMessages } from '../../messages/scb.ts';
import type { Text } from '../../messages/message.ts';
import { isTotalLabel, labelText, sexOf } from './labels.ts';

export type Choice =
  | { ok: true; labels: string[]; warning?: Text }
  | { ok: false; reason: Text; fix: Text };

const refused = ({ text, fix }: { text: Text; fix: Text }): Choice => ({
  ok: false,
  reason: text,
  fix,
});

export function chooseSex(labels: string[]): Choice {
  const men = labels.filter((l) => sexOf(l) === 'men');
  const women = labels.filter((l) => sexOf(l) === 'women');
  const total = labels.filter((l) => sexOf(l) === 'total');
  const unknown = labels.filter((l) => sexOf(l) === 'unknown');
  if (unknown.length) return refused(scbMessages.unreadableSex(unknown));
  if (men.length > 1 || women.length > 1 || total.length > 1)
    return refused(scbMessages.sexTwice(labels));
  if (men.length && women.length) return { ok: true, labels: [men[0]!, women[0]!] };
  if (total.length) return { ok: true, labels: [total[0]!] };
  return refused(scbMessages.oneSex(labels));
}

export function chooseOther(dimension: string, labels: string[]): Choice {
  const totals = labels.filter(isTotalLabel);
  if (totals.length === 1) return { ok: true, labels: totals };
  if (totals.length > 1) return refused(scbMessages.severalTotals(dimension, totals));
  return {
    ok: true,
    labels,
    warning: scbMessages.addedWithoutTotal(dimension, labels),
  };
}

const POPULATION = /folkmängd|befolkning|be0101n1|population/;

export function chooseContents(labels: string[]): Choice {
  if (labels.length <= 1) return { ok: true, labels };
  const population = labels.filter((l) => POPULATION.test(labelText(l)));
  if (population.length === 1)
    return {
      ok: true,
      labels: population,
      warning: scbMessages.onlyPopulationRead(labels.length, population[0]!),
    };
  return refused(scbMessages.severalContents(labels));
}
