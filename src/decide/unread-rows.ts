// The sentences of the decision sheet about rows the user loaded that could not be read:
// an activity whose own row was rejected (or never written), its goal rows that were
// rejected, and its other rejected rows (sessions, participations). The rows' reasons are
// the reject messages of ingest (file, line, what is wrong and how to write it instead).
// The sentences themselves are in the message catalogue (src/messages/decide.ts, UNREAD).
import type { Lang } from '../i18n/lang.ts';
import { UNREAD } from '../messages/decide.ts';

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

/** "Inte inläst: activities.csv, rad 3: start_term 'autumn' is not a term (…) – rätta raden och läs in filen igen." */
export function notLoadedSentence(notLoaded: NotLoaded, lang: Lang): string {
  const { row } = notLoaded;
  if (row) return UNREAD.notLoadedRow(row)[lang];
  const files = notLoaded.seenIn.filter((kind) => kind !== 'activities').join(', ');
  return UNREAD.notLoadedNoRow(files)[lang];
}

/** A loaded activity whose newer row (a later load) was rejected: the sheet shows the earlier one. */
export function newerRowUnreadSentence(row: UnreadRow, lang: Lang): string {
  return UNREAD.newerRow(row)[lang];
}

/** The recommendation's ground when goals were written but none could be read. */
export function goalsUnreadGround(rows: UnreadRow[], lang: Lang): string {
  return UNREAD.goalsUnreadGround(rows)[lang];
}

/** "2 målrader kunde inte läsas: activity_goals.csv, rad 3: target '25 procent' is not a number (…); …" */
export function unreadGoalsSentence(rows: UnreadRow[], lang: Lang): string {
  return UNREAD.goals(rows)[lang];
}

/** Rejected sessions or participations, by line only (there may be many). */
export function unreadOtherRowsSentence(kind: string, rows: UnreadRow[], lang: Lang): string {
  return UNREAD.otherRows(kind, rows)[lang];
}
