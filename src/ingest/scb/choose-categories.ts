// Which categories of the dimensions other than age are added up: never a total
// together with its parts. Sex: men and women when both are there, else the total.
// Any other dimension (civilstånd, födelseregion …): its total when the file has one,
// else every category (said in a warning, since larsam cannot know that the selection
// was complete). The table's content: Folkmängd when the file holds several.
import { isTotalLabel, labelText, sexOf } from './labels.ts';

export type Choice =
  | { ok: true; labels: string[]; warning?: string }
  | { ok: false; reason: string; fix: string };

export function chooseSex(labels: string[]): Choice {
  const men = labels.filter((l) => sexOf(l) === 'men');
  const women = labels.filter((l) => sexOf(l) === 'women');
  const total = labels.filter((l) => sexOf(l) === 'total');
  const unknown = labels.filter((l) => sexOf(l) === 'unknown');
  if (unknown.length)
    return {
      ok: false,
      reason: `the sex ${unknown.map((l) => `'${l}'`).join(', ')} cannot be read as män, kvinnor or totalt`,
      fix: 'export kön as män and kvinnor, or as totalt',
    };
  if (men.length > 1 || women.length > 1 || total.length > 1)
    return {
      ok: false,
      reason: `kön holds the same sex under two labels (${labels.join(', ')})`,
      fix: 'export each sex of kön once',
    };
  if (men.length && women.length) return { ok: true, labels: [men[0]!, women[0]!] };
  if (total.length) return { ok: true, labels: [total[0]!] };
  return {
    ok: false,
    reason: `the file holds only ${labels.join(', ')}, not both sexes`,
    fix: 'select both män and kvinnor (or totalt) for kön and export again',
  };
}

export function chooseOther(dimension: string, labels: string[]): Choice {
  const totals = labels.filter(isTotalLabel);
  if (totals.length === 1) return { ok: true, labels: totals };
  if (totals.length > 1)
    return {
      ok: false,
      reason: `${dimension} has several totals (${totals.join(', ')})`,
      fix: `select one total of ${dimension}, or export the table without ${dimension}`,
    };
  return {
    ok: true,
    labels,
    warning: `${dimension} has no total, so its ${labels.length} value(s) were added up (${labels.join(', ')}): check that they are all of ${dimension}'s values, or export the table without it`,
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
      warning: `the file holds ${labels.length} contents; only '${population[0]}' was read`,
    };
  return {
    ok: false,
    reason: `the file holds several contents (${labels.join(', ')}) and larsam cannot tell which is the population`,
    fix: 'export the table with only the content Folkmängd',
  };
}
