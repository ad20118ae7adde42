// The messages of decisions (src/decide): the words of statuses and recommendations, the
// rules' statements (the method section) and reasons (the decision sheet), the sentences
// about rows that could not be read, and the errors of choosing a review term.
import type { GoalStatus } from '../decide/goal-status.ts';
import type { Recommendation, RecommendationGround } from '../decide/recommend.ts';
import { formatNumber } from '../i18n/format-number.ts';
import type { Lang } from '../i18n/lang.ts';
import { type Problem, problem, type Text, text } from './message.ts';

export const STATUS_WORDS: Record<GoalStatus, Text> = {
  not_due: text('not due yet', 'ej aktuellt ännu'),
  invalid: text('invalid goal', 'ogiltigt mål'),
  insufficient: text('insufficient data', 'otillräckligt underlag'),
  met: text('met', 'uppnått'),
  likely_met: text('likely met', 'troligen uppnått'),
  likely_missed: text('likely missed', 'troligen inte uppnått'),
  missed: text('missed', 'inte uppnått'),
};

export const RECOMMENDATION_WORDS: Record<Recommendation, Text> = {
  ended: text('ended', 'avslutad'),
  develop: text('develop', 'utveckla'),
  in_progress: text('in progress', 'pågår'),
  insufficient_data: text('insufficient data', 'otillräckligt underlag'),
  end: text('end', 'avsluta'),
  continue: text('continue', 'fortsätt'),
};

/**
 * Each rule of recommend.ts in words: `statement` is its condition as the method section
 * states it (after the recommendation word), `reason` the sentence the decision sheet
 * gives when it wins. not_loaded and goals_unread say which file and line in decide.ts
 * (notLoaded, goalsUnread below); their reason here is the general form.
 */
export const RULE_TEXTS: Record<RecommendationGround, { statement: Text; reason: Text }> = {
  not_loaded: {
    statement: text(
      "the activity's own row is not loaded (it was rejected, or the activities file has no row for it); checked before rule 1",
      'aktivitetens egen rad är inte inläst (den avvisades, eller aktivitetsfilen saknar rad för den); prövas före regel 1',
    ),
    reason: text(
      'The activity is not loaded: correct its row in the activities file and load the file again.',
      'Aktiviteten är inte inläst: rätta dess rad i aktivitetsfilen och läs in filen igen.',
    ),
  },
  ended: {
    statement: text(
      'the activity ended before the review term; shown for the record',
      'aktiviteten avslutades före uppföljningsterminen; redovisas för kännedom',
    ),
    reason: text(
      'The activity has ended and is shown for the record.',
      'Aktiviteten har avslutats och redovisas för kännedom.',
    ),
  },
  no_documented_need: {
    statement: text('no documented need', 'inget dokumenterat behov'),
    reason: text(
      'No documented need: document the need in the needs inventory.',
      'Inget dokumenterat behov: dokumentera behovet i behovsinventeringen.',
    ),
  },
  goals_unread: {
    statement: text(
      'goal rows were written but none could be read; checked after rule 2\'s documented need and instead of its "no followable goals", since it is the goals file that needs correcting',
      'målrader har skrivits men ingen kunde läsas; prövas efter regel 2:s dokumenterade behov och i stället för dess "inga uppföljningsbara mål", eftersom det är målfilen som behöver rättas',
    ),
    reason: text(
      'Goals were written but could not be read: correct the goals file and load it again.',
      'Mål har skrivits men kunde inte läsas: rätta målfilen och läs in den igen.',
    ),
  },
  no_goals: {
    statement: text('no followable goals', 'inga uppföljningsbara mål'),
    reason: text(
      'No followable goals: set goals that can be followed up.',
      'Inga uppföljningsbara mål: sätt mål som kan följas upp.',
    ),
  },
  no_goal_due: {
    statement: text('no goal is due yet', 'inget mål ska bedömas ännu'),
    reason: text('No goal is due yet.', 'Inget mål ska bedömas ännu.'),
  },
  all_due_insufficient: {
    statement: text(
      'every due goal has too little data (a goal on an indicator of the other kind of activity counts as one)',
      'varje mål som ska bedömas har för litet underlag (ett mål på en indikator för den andra sortens aktivitet räknas hit)',
    ),
    reason: text(
      'The data is not enough to judge any goal.',
      'Underlaget räcker inte för att bedöma något mål.',
    ),
  },
  all_judged_missed: {
    statement: text(
      'every goal that can be judged is missed',
      'inget av de mål som kan bedömas är uppnått',
    ),
    reason: text(
      'Every goal that can be judged is missed.',
      'Inget av de mål som kan bedömas är uppnått.',
    ),
  },
  all_judged_met: {
    statement: text(
      'every goal that can be judged is met or likely met',
      'varje mål som kan bedömas är uppnått eller troligen uppnått',
    ),
    reason: text(
      'Every goal that can be judged is met or likely met.',
      'Alla mål som kan bedömas är uppnådda eller troligen uppnådda.',
    ),
  },
  mixed: {
    statement: text(
      'anything else (mixed or uncertain results)',
      'i övriga fall (blandade eller osäkra resultat)',
    ),
    reason: text('The results are mixed or uncertain.', 'Resultaten är blandade eller osäkra.'),
  },
};

/** What the method section says of the rules as a whole. */
export const RULES_TEXTS = {
  order: text(
    'The rules are checked in this order; the first that applies wins.',
    'Reglerna prövas i denna ordning; den första som gäller avgör.',
  ),
  or: text(', or ', ' eller '),
  before: text(
    'Where the rules cannot be applied, these grounds are checked before them and give insufficient data with what to correct:',
    'Där reglerna inte kan tillämpas prövas dessa grunder före dem; de ger otillräckligt underlag med besked om vad som ska rättas:',
  ),
  /** Why rule 5½ (effects.md) is not applied. */
  effectsNotComputed: text(
    'develop when the goals are met but the effect shows none; larsam does not estimate effects yet',
    'utveckla när målen är uppnådda men effekten inte syns; larsam skattar inte effekter ännu',
  ),
  /** A rule of decisions.md that recommend.ts does not apply yet. */
  notApplied: (rule: string, why: Text): Text =>
    text(
      `Rule ${rule} of the decision rules is not applied: ${why.en}.`,
      `Regel ${rule} i beslutsreglerna tillämpas inte: ${why.sv}.`,
    ),
};

/** The place of a rejected row: "activities.csv, line 3" / "activities.csv, rad 3". */
const placeOf = (file: string, line: number | null): Text =>
  line === null ? text(file, file) : text(`${file}, line ${line}`, `${file}, rad ${line}`);

/** A row read from stg_activity_rejects: its file, line and the reject reasons of ingest. */
export interface RejectedRow {
  file: string;
  line: number | null;
  reasons: string;
}

/** "activity_goals.csv lines 3, 4 and other.csv" / "activity_goals.csv rad 3, 4 och other.csv". */
export function linesByFile(rows: RejectedRow[], most = Number.POSITIVE_INFINITY): Text {
  const files = new Map<string, (number | null)[]>();
  for (const row of rows) files.set(row.file, [...(files.get(row.file) ?? []), row.line]);
  const one = (lang: Lang) =>
    [...files]
      .map(([file, lines]) => {
        const known = lines.filter((l): l is number => l !== null);
        if (!known.length) return file;
        const shown = known.slice(0, most).join(', ') + (known.length > most ? ', …' : '');
        const word = lang === 'sv' ? 'rad' : known.length === 1 ? 'line' : 'lines';
        return `${file} ${word} ${shown}`;
      })
      .join(lang === 'sv' ? ' och ' : ' and ');
  return text(one('en'), one('sv'));
}

/** The sentences of the decision sheet about rows that could not be read (unread-rows.ts). */
export const UNREAD = {
  notLoadedRow: (row: RejectedRow): Text => {
    const at = placeOf(row.file, row.line);
    return text(
      `Not loaded: ${at.en}: ${row.reasons} – correct the row and load the file again.`,
      `Inte inläst: ${at.sv}: ${row.reasons} – rätta raden och läs in filen igen.`,
    );
  },
  notLoadedNoRow: (files: string): Text =>
    text(
      `Not loaded: no row in activities (the activity is named in ${files}) – add one and load the file again.`,
      `Inte inläst: ingen rad i activities (aktiviteten finns i ${files}) – lägg till en rad för den och läs in filen igen.`,
    ),
  newerRow: (row: RejectedRow): Text => {
    const at = placeOf(row.file, row.line);
    return text(
      `A later row for the activity could not be read (${at.en}: ${row.reasons}); what is shown comes from an earlier load – correct the row and load the file again.`,
      `En senare rad för aktiviteten kunde inte läsas (${at.sv}: ${row.reasons}); uppgifterna här kommer från en tidigare inläsning – rätta raden och läs in filen igen.`,
    );
  },
  goalsUnreadGround: (rows: RejectedRow[]): Text => {
    const lines = linesByFile(rows);
    return text(
      `Goals were written but could not be read: correct ${lines.en} and load the file again.`,
      `Mål har skrivits men kunde inte läsas: rätta ${lines.sv} och läs in filen igen.`,
    );
  },
  goals: (rows: RejectedRow[]): Text => {
    const list = (lang: Lang) =>
      rows.map((row) => `${placeOf(row.file, row.line)[lang]}: ${row.reasons}`).join('; ');
    const one = rows.length === 1;
    return text(
      `${formatNumber(rows.length, 'en')} goal ${one ? 'row' : 'rows'} could not be read: ${list('en')}.`,
      `${formatNumber(rows.length, 'sv')} ${one ? 'målrad' : 'målrader'} kunde inte läsas: ${list('sv')}.`,
    );
  },
  otherRows: (kind: string, rows: RejectedRow[]): Text => {
    const lines = linesByFile(rows, 10);
    const one = rows.length === 1;
    return text(
      `${formatNumber(rows.length, 'en')} ${one ? 'row' : 'rows'} of ${kind} could not be read (${lines.en}) and ${one ? 'is' : 'are'} not counted.`,
      `${formatNumber(rows.length, 'sv')} ${one ? 'rad' : 'rader'} i ${kind} kunde inte läsas (${lines.sv}) och räknas inte.`,
    );
  },
};

/** The errors of choosing a review term (decide.ts resolveReviewTerm). */
export const DECIDE_ERRORS = {
  notBuilt: (): Problem =>
    problem(
      text('the indicators are not built yet', 'indikatorerna är inte byggda ännu'),
      text(
        'run  larsam build  (or larsam run) first',
        'kör  larsam build  (eller larsam run) först',
      ),
    ),
  notATerm: (asked: string): Problem =>
    problem(
      text(`'${asked}' is not a term`, `'${asked}' är ingen termin`),
      text('write a term like HT2025 or VT2026', 'skriv en termin som HT2025 eller VT2026'),
    ),
  noTerm: (): Problem =>
    problem(
      text(
        'there are no registrations, so there is no term to review',
        'det finns inga registreringar, och därför ingen termin att följa upp',
      ),
      text('load registrations first', 'läs in registreringar först'),
    ),
};

/** What larsam decide prints (in the CLI's language). */
export const SHEET_TEXTS = {
  noActivities: (term: string): Text =>
    text(`No activities are registered (${term}).`, `Inga aktiviteter är registrerade (${term}).`),
  headers: [
    text('activity', 'aktivitet'),
    text('kind', 'typ'),
    text('recommendation', 'rekommendation'),
    text('goals', 'mål'),
  ],
  notLoaded: text('(not loaded)', '(inte inläst)'),
  title: (term: string, minN: number): Text =>
    text(`Decision sheet ${term} (min_n = ${minN})`, `Beslutsunderlag ${term} (min_n = ${minN})`),
};
