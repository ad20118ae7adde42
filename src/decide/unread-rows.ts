// The sentences of the decision sheet about rows the user loaded that could not be read:
// an activity whose own row was rejected (or never written), its goal rows that were
// rejected, and its other rejected rows (sessions, participations). The rows' reasons are
// the reject messages of ingest (file, line, what is wrong and how to write it instead).
import type { Lang } from '../i18n/lang.ts';
import { formatNumber } from '../i18n/format-number.ts';

/** A rejected row naming the activity (stg_activity_rejects). */
export interface UnreadRow {
  kind: string;
  file: string;
  line: number | null;
  reasons: string;
}

/** Why an activity seen in the activity files is not in the registry (int_activity_ids_seen). */
export interface NotLoaded {
  /** The rejected activities row, or null when the activities file has no row for it. */
  row: UnreadRow | null;
  /** The files it is named in, e.g. ['activity_sessions']. */
  seenIn: string[];
}

const lineWord = (lang: Lang) => (lang === 'sv' ? 'rad' : 'line');
const linesWord = (lang: Lang, n: number) => (lang === 'sv' ? 'rad' : n === 1 ? 'line' : 'lines');
const where = (row: UnreadRow, lang: Lang) =>
  row.line === null ? row.file : `${row.file}, ${lineWord(lang)} ${row.line}`;

/** "Inte inläst: activities.csv, rad 3: start_term 'autumn' is not a term (…) – rätta raden och läs in filen igen." */
export function notLoadedSentence(notLoaded: NotLoaded, lang: Lang): string {
  const { row } = notLoaded;
  if (row) {
    return lang === 'sv'
      ? `Inte inläst: ${where(row, lang)}: ${row.reasons} – rätta raden och läs in filen igen.`
      : `Not loaded: ${where(row, lang)}: ${row.reasons} – correct the row and load the file again.`;
  }
  const files = notLoaded.seenIn.filter((kind) => kind !== 'activities').join(', ');
  return lang === 'sv'
    ? `Inte inläst: ingen rad i activities (aktiviteten finns i ${files}) – lägg till en rad för den och läs in filen igen.`
    : `Not loaded: no row in activities (the activity is named in ${files}) – add one and load the file again.`;
}

/** A loaded activity whose newer row (a later load) was rejected: the sheet shows the earlier one. */
export function newerRowUnreadSentence(row: UnreadRow, lang: Lang): string {
  return lang === 'sv'
    ? `En senare rad för aktiviteten kunde inte läsas (${where(row, lang)}: ${row.reasons}); uppgifterna här kommer från en tidigare inläsning – rätta raden och läs in filen igen.`
    : `A later row for the activity could not be read (${where(row, lang)}: ${row.reasons}); what is shown comes from an earlier load – correct the row and load the file again.`;
}

/** "activity_goals.csv rad 3, 4" for each file of the rows. */
function linesByFile(rows: UnreadRow[], lang: Lang, most = Infinity): string {
  const files = new Map<string, (number | null)[]>();
  for (const row of rows) files.set(row.file, [...(files.get(row.file) ?? []), row.line]);
  const and = lang === 'sv' ? ' och ' : ' and ';
  return [...files]
    .map(([file, lines]) => {
      const known = lines.filter((l): l is number => l !== null);
      if (!known.length) return file;
      const shown = known.slice(0, most).join(', ') + (known.length > most ? ', …' : '');
      return `${file} ${linesWord(lang, known.length)} ${shown}`;
    })
    .join(and);
}

/** The recommendation's ground when goals were written but none could be read. */
export function goalsUnreadGround(rows: UnreadRow[], lang: Lang): string {
  return lang === 'sv'
    ? `Mål har skrivits men kunde inte läsas: rätta ${linesByFile(rows, lang)} och läs in filen igen.`
    : `Goals were written but could not be read: correct ${linesByFile(rows, lang)} and load the file again.`;
}

/** "2 målrader kunde inte läsas: activity_goals.csv, rad 3: target '25 procent' is not a number (…); …" */
export function unreadGoalsSentence(rows: UnreadRow[], lang: Lang): string {
  const n = formatNumber(rows.length, lang);
  const list = rows.map((row) => `${where(row, lang)}: ${row.reasons}`).join('; ');
  return lang === 'sv'
    ? `${n} ${rows.length === 1 ? 'målrad' : 'målrader'} kunde inte läsas: ${list}.`
    : `${n} goal ${rows.length === 1 ? 'row' : 'rows'} could not be read: ${list}.`;
}

/** Rejected sessions or participations, by line only (there may be many). */
export function unreadOtherRowsSentence(kind: string, rows: UnreadRow[], lang: Lang): string {
  const n = formatNumber(rows.length, lang);
  const lines = linesByFile(rows, lang, 10);
  return lang === 'sv'
    ? `${n} ${rows.length === 1 ? 'rad' : 'rader'} i ${kind} kunde inte läsas (${lines}) och räknas inte.`
    : `${n} ${rows.length === 1 ? 'row' : 'rows'} of ${kind} could not be read (${lines}) and ${rows.length === 1 ? 'is' : 'are'} not counted.`;
}
