// Every word the charts write themselves, in Swedish and English: the builders' own, and
// the titles and series words of the report's charts (chart-registry.ts) that are not an
// indicator's label. Labels that come with the data (names, goals, statuses, indicators)
// are passed in by the caller.
import type { IndicatorUnit } from '../../indicators/indicator.ts';
import type { Lang, Operator } from './types.ts';

export interface ChartWords {
  /**
   * Explains "..": the value is missing, or hidden to protect a small group, its own
   * or one it would give away (secondary suppression).
   */
  missingNote: string;
  /** Used in text alternatives after "..": "missing, or hidden to protect a small group". */
  missingWhy: string;
  /** Legend entry and tooltip after "..". */
  missingShort: string;
  preliminaryNote: string;
  preliminaryList: (items: string[]) => string;
  status: string;
  /** "≥ 15 %" written for a reader: "mål ≥ 15 %". */
  targetPhrase: (operator: Operator, target: string) => string;
  /** The target as a tooltip line, "key: value" like the others, so it gets its own column in the chart's data table: "Mål: ≥ 15 %". */
  targetTip: (operator: Operator, target: string) => string;

  /** The heading of a panel of the goals and targets charts: the unit its axis shows. */
  unitTitle: Record<IndicatorUnit, string>;

  forestTitle: string;
  forestLegend: string;
  forestDescription: (goals: number, activities: number, panels: string[]) => string;
  forestGroup: (recommendation: string, goals: number, statuses: string) => string;
  forestMissing: (goals: number) => string;

  trendLegend: (hasBand: boolean, hasTarget: boolean) => string;
  trendDescription: (title: string, terms: number, first: string, last: string) => string;
  trendLatest: (term: string, value: string, interval: string | null) => string;
  trendRange: (highTerm: string, high: string, lowTerm: string, low: string) => string;
  trendMissing: (terms: string[]) => string;

  bulletTitle: string;
  bulletLegend: string;
  bulletDescription: (rows: number, panels: string[]) => string;
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
  missingNote:
    '".." = uppgiften saknas, eller döljs för att skydda en liten grupp: den som uppgiften bygger på eller en som annars kunde räknas fram ur den',
  missingWhy: 'saknas, eller döljs för att skydda en liten grupp',
  missingShort: 'saknas eller döljs för att skydda en liten grupp',
  preliminaryNote: 'ofylld punkt = preliminärt värde',
  preliminaryList: (items) => `Preliminära värden: ${swedishList(items)}.`,
  status: 'Status',
  targetPhrase: (operator, target) => `mål ${OPERATOR_SIGN[operator]} ${target}`,
  targetTip: (operator, target) => `Mål: ${OPERATOR_SIGN[operator]} ${target}`,

  unitTitle: {
    share: 'Andelar (%)',
    percentage_points: 'Skillnader i procentenheter',
    ratio: 'Kvoter',
    per_10k: 'Per 10 000 invånare 20–64 år',
    persons: 'Antal personer',
    hst: 'Helårsstudenter (HST)',
    hpr: 'Helårsprestationer (HPR)',
    sek: 'Kronor',
  },

  forestTitle: 'Målen mot sina målvärden',
  forestLegend:
    'Punkt = värde, linje = konfidensintervall, svart streck = målvärdet, färg och text = status. En skala per enhet, grupperat efter rekommendation.',
  forestDescription: (goals, activities, panels) =>
    `Diagram över ${goals} mål i ${activities} ${plural(activities, 'aktivitet', 'aktiviteter')}: varje måls värde med konfidensintervall och målvärde på indikatorns egen skala, en skala per enhet: ${swedishList(panels)}; grupperat efter rekommendation.`,
  forestGroup: (recommendation, goals, statuses) =>
    `${recommendation}: ${goals} mål (${statuses}).`,
  forestMissing: (goals) =>
    `${goals} mål utan visat värde (uppgiften saknas, eller döljs för att skydda en liten grupp).`,

  trendLegend: (hasBand, hasTarget) =>
    `${['Linje = värde', hasBand ? 'band = konfidensintervall' : null, hasTarget ? 'streckad linje = målvärde' : null].filter(Boolean).join(', ')}.`,
  trendDescription: (title, terms, first, last) =>
    `Linjediagram: ${title}, ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  trendLatest: (term, value, interval) =>
    `Senaste värde ${term}: ${value}${interval ? ` (konfidensintervall ${interval})` : ''}.`,
  trendRange: (highTerm, high, lowTerm, low) =>
    `Högst ${highTerm} (${high}), lägst ${lowTerm} (${low}).`,
  trendMissing: (terms) =>
    `${swedishList(terms)}: uppgiften saknas, eller döljs för att skydda en liten grupp.`,

  bulletTitle: 'Rekryteringsmål: utfall mot mål',
  bulletLegend: 'Stapel = utfall, svart streck = målet. En skala per enhet.',
  bulletDescription: (rows, panels) =>
    `Diagram över ${rows} mål: utfallet och målet på indikatorns egen skala, en skala per enhet: ${swedishList(panels)}.`,
  bulletRow: (label, actual, targetPhrase, status) =>
    `${label}: ${actual}, ${targetPhrase}, ${status}.`,

  heatDescription: (title, rows, terms, first, last) =>
    `Värmekarta: ${title}, ${rows} ${plural(rows, 'rad', 'rader')} × ${terms} ${plural(terms, 'termin', 'terminer')}${termSpan(first, last)}.`,
  heatExtremes: (high, low) => `Högst ${high}, lägst ${low}.`,
  heatMissing: (cells) =>
    `${cells} ${plural(cells, 'cell', 'celler')} visas som ".." (uppgiften saknas, eller döljs för att skydda en liten grupp).`,

  dotLegend: (preliminary) =>
    `Punkt = värde, linje = konfidensintervall${preliminary ? ', ofylld punkt = preliminärt värde' : ''}.`,
  dotDescription: (title, labels, groups) =>
    `Punktdiagram med konfidensintervall: ${title}, ${labels} rader, ${swedishList(groups)}.`,
  dotGroup: (group, high, low, shown) => `${group} (${shown} värden): högst ${high}, lägst ${low}.`,
  dotMissing: (values) =>
    `${values} ${plural(values, 'värde', 'värden')} visas som ".." (uppgiften saknas, eller döljs för att skydda en liten grupp).`,
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
    `${series}, ${swedishList(terms)}: uppgiften saknas, eller döljs för att skydda en liten grupp.`,
  noValues: 'Inga värden kan visas.',

  tipValue: 'Värde',
  tipInterval: 'Konfidensintervall',
  tipPreliminary: 'preliminärt',
  tipActual: 'Utfall',

  groupLc: 'Lärcentrum',
  groupOther: 'Övriga',
  perMunicipality: (label) => `${label} per kommun`,
  participationTitle: 'Deltagande per termin',
  sharesTitle: 'Breddad rekrytering i regionen: andelar bland nybörjarna',
  leftOut: (title) =>
    `Diagrammet ”${title}” visas inte: alla dess värden döljs för att skydda små grupper (se Metod).`,
  notDrawn: (title) => `Diagrammet ”${title}” saknas: det kunde inte ritas.`,
};

const EN: ChartWords = {
  missingNote:
    '".." = missing, or hidden to protect a small group: the one behind the value, or one that could otherwise be worked out from it',
  missingWhy: 'missing, or hidden to protect a small group',
  missingShort: 'missing or hidden to protect a small group',
  preliminaryNote: 'hollow point = preliminary value',
  preliminaryList: (items) => `Preliminary values: ${englishList(items)}.`,
  status: 'Status',
  targetPhrase: (operator, target) => `target ${OPERATOR_SIGN[operator]} ${target}`,
  targetTip: (operator, target) => `Target: ${OPERATOR_SIGN[operator]} ${target}`,

  unitTitle: {
    share: 'Shares (%)',
    percentage_points: 'Differences in percentage points',
    ratio: 'Ratios',
    per_10k: 'Per 10,000 inhabitants aged 20–64',
    persons: 'Number of persons',
    hst: 'Full-time equivalent students (HST)',
    hpr: 'Annual performance equivalents (HPR)',
    sek: 'Amounts in SEK',
  },

  forestTitle: 'Goals against their targets',
  forestLegend:
    'Dot = value, line = confidence interval, black tick = target, colour and text = status. One scale per unit, grouped by recommendation.',
  forestDescription: (goals, activities, panels) =>
    `Chart of ${goals} ${plural(goals, 'goal', 'goals')} in ${activities} ${plural(activities, 'activity', 'activities')}: each goal's value with its confidence interval and its target on the indicator's own scale, one scale per unit: ${englishList(panels)}; grouped by recommendation.`,
  forestGroup: (recommendation, goals, statuses) =>
    `${recommendation}: ${goals} ${plural(goals, 'goal', 'goals')} (${statuses}).`,
  forestMissing: (goals) =>
    `${goals} ${plural(goals, 'goal has', 'goals have')} no value shown (missing, or hidden to protect a small group).`,

  trendLegend: (hasBand, hasTarget) =>
    `${['Line = value', hasBand ? 'band = confidence interval' : null, hasTarget ? 'dashed line = target' : null].filter(Boolean).join(', ')}.`,
  trendDescription: (title, terms, first, last) =>
    `Line chart: ${title}, ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  trendLatest: (term, value, interval) =>
    `Latest value ${term}: ${value}${interval ? ` (confidence interval ${interval})` : ''}.`,
  trendRange: (highTerm, high, lowTerm, low) =>
    `Highest ${highTerm} (${high}), lowest ${lowTerm} (${low}).`,
  trendMissing: (terms) => `${englishList(terms)}: missing, or hidden to protect a small group.`,

  bulletTitle: 'Recruitment targets: actual against target',
  bulletLegend: 'Bar = actual, black tick = the target. One scale per unit.',
  bulletDescription: (rows, panels) =>
    `Chart of ${rows} ${plural(rows, 'target', 'targets')}: the actual and the target on the indicator's own scale, one scale per unit: ${englishList(panels)}.`,
  bulletRow: (label, actual, targetPhrase, status) =>
    `${label}: ${actual}, ${targetPhrase}, ${status}.`,

  heatDescription: (title, rows, terms, first, last) =>
    `Heat map: ${title}, ${rows} ${plural(rows, 'row', 'rows')} × ${terms} ${plural(terms, 'term', 'terms')}${termSpan(first, last)}.`,
  heatExtremes: (high, low) => `Highest ${high}, lowest ${low}.`,
  heatMissing: (cells) =>
    `${cells} ${plural(cells, 'cell is', 'cells are')} shown as ".." (missing, or hidden to protect a small group).`,

  dotLegend: (preliminary) =>
    `Dot = value, line = confidence interval${preliminary ? ', hollow dot = preliminary value' : ''}.`,
  dotDescription: (title, labels, groups) =>
    `Dot plot with confidence intervals: ${title}, ${labels} rows, ${englishList(groups)}.`,
  dotGroup: (group, high, low, shown) =>
    `${group} (${shown} values): highest ${high}, lowest ${low}.`,
  dotMissing: (values) =>
    `${values} ${plural(values, 'value is', 'values are')} shown as ".." (missing, or hidden to protect a small group).`,
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
    `${series}, ${englishList(terms)}: missing, or hidden to protect a small group.`,
  noValues: 'No values can be shown.',

  tipValue: 'Value',
  tipInterval: 'Confidence interval',
  tipPreliminary: 'preliminary',
  tipActual: 'Actual',

  groupLc: 'Learning centre',
  groupOther: 'Other',
  perMunicipality: (label) => `${label} per municipality`,
  participationTitle: 'Participation per term',
  sharesTitle: 'Widened recruitment in the region: shares among new students',
  leftOut: (title) =>
    `The chart “${title}” is not shown: all its values are hidden to protect small groups (see Method).`,
  notDrawn: (title) => `The chart “${title}” is missing: it could not be drawn.`,
};

export const WORDS: Record<Lang, ChartWords> = { sv: SV, en: EN };

export function operatorSign(operator: Operator): string {
  return OPERATOR_SIGN[operator];
}
