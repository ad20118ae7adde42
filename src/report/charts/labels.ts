// Every word the charts write themselves, in Swedish and English: the builders' own, and
// the titles and series words of the report's charts (chart-registry.ts) that are not an
// indicator's label. Labels that come with the data (names, goals, statuses, indicators)
// are passed in by the caller.
import type { Lang, Operator } from './types.ts';

export interface ChartWords {
  /** Explains "..": the value is missing or suppressed. */
  missingNote: string;
  /** Used in text alternatives: "missing, or too few people". */
  missingWhy: string;
  /** Legend entry after "..". */
  missingShort: string;
  preliminaryNote: string;
  preliminaryList: (items: string[]) => string;
  status: string;
  /** "≥ 15 %" written for a reader: "mål ≥ 15 %". */
  targetPhrase: (operator: Operator, target: string) => string;

  forestTitle: string;
  /** Two lines, split at the newline. */
  forestAxis: string;
  forestLegend: string;
  forestOffScale: string;
  forestNotComparable: string;
  forestDescription: (goals: number, activities: number) => string;
  forestGroup: (recommendation: string, goals: number, statuses: string) => string;
  forestHighest: (what: string, percent: string) => string;
  forestLowest: (what: string, percent: string) => string;
  forestMissing: (goals: number) => string;
  forestNotComparableCount: (goals: number) => string;

  trendLegend: (hasBand: boolean, hasTarget: boolean) => string;
  trendDescription: (title: string, terms: number, first: string, last: string) => string;
  trendLatest: (term: string, value: string, interval: string | null) => string;
  trendRange: (highTerm: string, high: string, lowTerm: string, low: string) => string;
  trendMissing: (terms: string[]) => string;

  bulletTitle: string;
  bulletAxis: string;
  bulletLegend: string;
  bulletDescription: (rows: number) => string;
  bulletRow: (label: string, actual: string, targetPhrase: string, status: string) => string;

  heatDescription: (
    title: string,
    rows: number,
    terms: number,
    first: string,
    last: string,
  ) => string;
  heatExtremes: (high: string, low: string) => string;
  heatMissing: (cells: number) => string;

  dotLegend: (preliminary: boolean) => string;
  dotDescription: (title: string, labels: number, groups: string[]) => string;
  dotGroup: (group: string, high: string, low: string, shown: number) => string;
  dotMissing: (values: number) => string;
  dotPreliminary: (values: number) => string;

  barsAxis: string;
  barsDescription: (title: string, terms: number, first: string, last: string) => string;
  barsSeries: (series: string, values: string) => string;

  linesLegend: string;
  linesDescription: (
    title: string,
    series: number,
    terms: number,
    first: string,
    last: string,
  ) => string;
  linesSeries: (series: string, first: string, last: string, high: string) => string;
  linesMissing: (series: string, terms: string[]) => string;
  noValues: string;

  /** Tooltips of the page's live charts: "Värde: 22 %". */
  tipValue: string;
  tipInterval: string;
  /** After a value in a tooltip: "22 % (preliminärt)". */
  tipPreliminary: string;
  tipActual: string;
  tipOfTarget: string;

  /** The report's charts: the LC group of the dot plots, and the others. */
  groupLc: string;
  groupOther: string;
  /** "Prestationsgrad per kommun": an indicator's label, per municipality. */
  perMunicipality: (label: string) => string;
  participationTitle: string;
  sharesTitle: string;
  /** In the page, in the place of a chart whose every value is suppressed. */
  leftOut: (title: string) => string;
  /** In the page, in the place of a chart the data gives but the page was not handed. */
  notDrawn: (title: string) => string;
}

const OPERATOR_SIGN: Record<Operator, string> = { '>=': '≥', '<=': '≤' };

function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function englishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** " (HT2023–VT2025)", " (HT2024)" for one term, "" for none. */
function termSpan(first: string, last: string): string {
  if (!first) return '';
  return first === last || !last ? ` (${first})` : ` (${first}–${last})`;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const SV: ChartWords = {
  missingNote: '".." = uppgift saknas eller visas inte (för få personer)',
  missingWhy: 'saknas eller visas inte på grund av för få personer',
  missingShort: 'saknas eller för få personer',
  preliminaryNote: 'ofylld punkt = preliminärt värde',
  preliminaryList: (items) => `Preliminära värden: ${swedishList(items)}.`,
  status: 'Status',
  targetPhrase: (operator, target) => `mål ${OPERATOR_SIGN[operator]} ${target}`,

  forestTitle: 'Målen mot sina målvärden',
  forestAxis: 'Värde i procent av målvärdet\n(100 % = målvärdet)',
  forestLegend:
    'Punkt = värde, linje = konfidensintervall, färg och text = status. Grupperat efter rekommendation.',
  forestOffScale: '▸ = utanför skalan',
  forestNotComparable: '(målvärde ≤ 0, ej i procent)',
  forestDescription: (goals, activities) =>
    `Diagram över ${goals} ${plural(goals, 'mål', 'mål')} i ${activities} ${plural(activities, 'aktivitet', 'aktiviteter')}: varje måls värde i procent av målvärdet med konfidensintervall, grupperat efter rekommendation.`,
  forestGroup: (recommendation, goals, statuses) =>
    `${recommendation}: ${goals} mål (${statuses}).`,
  forestHighest: (what, percent) => `Högst i förhållande till målvärdet: ${what} (${percent}).`,
  forestLowest: (what, percent) => `Lägst: ${what} (${percent}).`,
  forestMissing: (goals) => `${goals} mål utan visat värde (uppgift saknas eller för få personer).`,
  forestNotComparableCount: (goals) =>
    `${goals} mål har ett målvärde som inte kan visas i procent.`,

  trendLegend: (hasBand, hasTarget) =>
    `${['Linje = värde', hasBand ? 'band = konfidensintervall' : null, hasTarget ? 'streckad linje = målvärde' : null].filter(Boolean).join(', ')}.`,
  trendDescription: (title, terms, first, last) =>
    `Linjediagram: ${title}, ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  trendLatest: (term, value, interval) =>
    `Senaste värde ${term}: ${value}${interval ? ` (konfidensintervall ${interval})` : ''}.`,
  trendRange: (highTerm, high, lowTerm, low) =>
    `Högst ${highTerm} (${high}), lägst ${lowTerm} (${low}).`,
  trendMissing: (terms) =>
    `Uppgift saknas eller visas inte (för få personer): ${swedishList(terms)}.`,

  bulletTitle: 'Rekryteringsmål: utfall mot mål',
  bulletAxis: 'Utfall i procent av målet\n(100 % = målet)',
  bulletLegend: 'Stapel = utfall, grått fält = upp till målet, svart streck = målet.',
  bulletDescription: (rows) =>
    `Diagram över ${rows} ${plural(rows, 'mål', 'mål')}: utfall i procent av målet.`,
  bulletRow: (label, actual, targetPhrase, status) =>
    `${label}: ${actual}, ${targetPhrase}, ${status}.`,

  heatDescription: (title, rows, terms, first, last) =>
    `Värmekarta: ${title}, ${rows} ${plural(rows, 'rad', 'rader')} × ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  heatExtremes: (high, low) => `Högst ${high}, lägst ${low}.`,
  heatMissing: (cells) =>
    `${cells} ${plural(cells, 'cell', 'celler')} visas som ".." (uppgift saknas eller för få personer).`,

  dotLegend: (preliminary) =>
    `Punkt = värde, linje = konfidensintervall${preliminary ? ', ofylld punkt = preliminärt värde' : ''}.`,
  dotDescription: (title, labels, groups) =>
    `Punktdiagram med konfidensintervall: ${title}, ${labels} rader, ${swedishList(groups)}.`,
  dotGroup: (group, high, low, shown) => `${group} (${shown} värden): högst ${high}, lägst ${low}.`,
  dotMissing: (values) =>
    `${values} ${plural(values, 'värde', 'värden')} visas som ".." (uppgift saknas eller för få personer).`,
  dotPreliminary: (values) =>
    `${values} ${plural(values, 'värde är preliminärt', 'värden är preliminära')}.`,

  barsAxis: 'Antal',
  barsDescription: (title, terms, first, last) =>
    `Stapeldiagram: ${title}, ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  barsSeries: (series, values) => `${series}: ${values}.`,

  linesLegend: 'Linje = värde, band = konfidensintervall.',
  linesDescription: (title, series, terms, first, last) =>
    `Linjediagram: ${title}, ${series} ${plural(series, 'serie', 'serier')} över ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  linesSeries: (series, first, last, high) => `${series}: ${first} till ${last}, högst ${high}.`,
  linesMissing: (series, terms) =>
    `${series} saknas eller visas inte (för få personer): ${swedishList(terms)}.`,
  noValues: 'Inga värden kan visas.',

  tipValue: 'Värde',
  tipInterval: 'Konfidensintervall',
  tipPreliminary: 'preliminärt',
  tipActual: 'Utfall',
  tipOfTarget: 'I procent av målvärdet',

  groupLc: 'Lärcentrum',
  groupOther: 'Övriga',
  perMunicipality: (label) => `${label} per kommun`,
  participationTitle: 'Deltagande per termin',
  sharesTitle: 'Breddad rekrytering i regionen: andelar bland nybörjarna',
  leftOut: (title) =>
    `Diagrammet ”${title}” visas inte: alla dess värden bygger på för få personer (se Metod).`,
  notDrawn: (title) => `Diagrammet ”${title}” saknas: det kunde inte ritas.`,
};

const EN: ChartWords = {
  missingNote: '".." = missing, or not shown (too few people)',
  missingWhy: 'missing, or not shown because too few people',
  missingShort: 'missing or too few people',
  preliminaryNote: 'hollow point = preliminary value',
  preliminaryList: (items) => `Preliminary values: ${englishList(items)}.`,
  status: 'Status',
  targetPhrase: (operator, target) => `target ${OPERATOR_SIGN[operator]} ${target}`,

  forestTitle: 'Goals against their targets',
  forestAxis: 'Value as percent of target\n(100% = target)',
  forestLegend:
    'Dot = value, line = confidence interval, colour and text = status. Grouped by recommendation.',
  forestOffScale: '▸ = off the scale',
  forestNotComparable: '(target ≤ 0, not as percent)',
  forestDescription: (goals, activities) =>
    `Chart of ${goals} ${plural(goals, 'goal', 'goals')} in ${activities} ${plural(activities, 'activity', 'activities')}: each goal's value as percent of its target with its confidence interval, grouped by recommendation.`,
  forestGroup: (recommendation, goals, statuses) =>
    `${recommendation}: ${goals} ${plural(goals, 'goal', 'goals')} (${statuses}).`,
  forestHighest: (what, percent) => `Highest against its target: ${what} (${percent}).`,
  forestLowest: (what, percent) => `Lowest: ${what} (${percent}).`,
  forestMissing: (goals) =>
    `${goals} ${plural(goals, 'goal has', 'goals have')} no value shown (missing, or too few people).`,
  forestNotComparableCount: (goals) =>
    `${goals} ${plural(goals, 'goal has a target', 'goals have targets')} that cannot be shown as a percent.`,

  trendLegend: (hasBand, hasTarget) =>
    `${['Line = value', hasBand ? 'band = confidence interval' : null, hasTarget ? 'dashed line = target' : null].filter(Boolean).join(', ')}.`,
  trendDescription: (title, terms, first, last) =>
    `Line chart: ${title}, ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  trendLatest: (term, value, interval) =>
    `Latest value ${term}: ${value}${interval ? ` (confidence interval ${interval})` : ''}.`,
  trendRange: (highTerm, high, lowTerm, low) =>
    `Highest ${highTerm} (${high}), lowest ${lowTerm} (${low}).`,
  trendMissing: (terms) => `Missing, or not shown because too few people: ${englishList(terms)}.`,

  bulletTitle: 'Recruitment targets: actual against target',
  bulletAxis: 'Actual as percent of target\n(100% = target)',
  bulletLegend: 'Bar = actual, grey field = up to the target, black tick = the target.',
  bulletDescription: (rows) =>
    `Chart of ${rows} ${plural(rows, 'target', 'targets')}: actual as percent of target.`,
  bulletRow: (label, actual, targetPhrase, status) =>
    `${label}: ${actual}, ${targetPhrase}, ${status}.`,

  heatDescription: (title, rows, terms, first, last) =>
    `Heat map: ${title}, ${rows} ${plural(rows, 'row', 'rows')} × ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  heatExtremes: (high, low) => `Highest ${high}, lowest ${low}.`,
  heatMissing: (cells) =>
    `${cells} ${plural(cells, 'cell is', 'cells are')} shown as ".." (missing, or too few people).`,

  dotLegend: (preliminary) =>
    `Dot = value, line = confidence interval${preliminary ? ', hollow dot = preliminary value' : ''}.`,
  dotDescription: (title, labels, groups) =>
    `Dot plot with confidence intervals: ${title}, ${labels} rows, ${englishList(groups)}.`,
  dotGroup: (group, high, low, shown) =>
    `${group} (${shown} values): highest ${high}, lowest ${low}.`,
  dotMissing: (values) =>
    `${values} ${plural(values, 'value is', 'values are')} shown as ".." (missing, or too few people).`,
  dotPreliminary: (values) => `${values} ${plural(values, 'value is', 'values are')} preliminary.`,

  barsAxis: 'Count',
  barsDescription: (title, terms, first, last) =>
    `Bar chart: ${title}, ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  barsSeries: (series, values) => `${series}: ${values}.`,

  linesLegend: 'Line = value, band = confidence interval.',
  linesDescription: (title, series, terms, first, last) =>
    `Line chart: ${title}, ${series} series over ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  linesSeries: (series, first, last, high) => `${series}: ${first} to ${last}, highest ${high}.`,
  linesMissing: (series, terms) =>
    `${series} missing, or not shown because too few people: ${englishList(terms)}.`,
  noValues: 'No values can be shown.',

  tipValue: 'Value',
  tipInterval: 'Confidence interval',
  tipPreliminary: 'preliminary',
  tipActual: 'Actual',
  tipOfTarget: 'As percent of target',

  groupLc: 'Learning centre',
  groupOther: 'Other',
  perMunicipality: (label) => `${label} per municipality`,
  participationTitle: 'Participation per term',
  sharesTitle: 'Widened recruitment in the region: shares among new students',
  leftOut: (title) =>
    `The chart “${title}” is not shown: all its values rest on too few persons (see Method).`,
  notDrawn: (title) => `The chart “${title}” is missing: it could not be drawn.`,
};

export const WORDS: Record<Lang, ChartWords> = { sv: SV, en: EN };

export function operatorSign(operator: Operator): string {
  return OPERATOR_SIGN[operator];
}
