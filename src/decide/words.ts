// The words of decisions in Swedish and English: statuses, recommendations, grounds.
import type { Lang } from '../i18n/lang.ts';
import type { GoalStatus } from './goal-status.ts';
import type { Recommendation, RecommendationGround } from './recommend.ts';

export const STATUS_WORDS: Record<GoalStatus, Record<Lang, string>> = {
  not_due: { sv: 'ej aktuellt ännu', en: 'not due yet' },
  invalid: { sv: 'ogiltigt mål', en: 'invalid goal' },
  insufficient: { sv: 'otillräckligt underlag', en: 'insufficient data' },
  met: { sv: 'uppnått', en: 'met' },
  likely_met: { sv: 'troligen uppnått', en: 'likely met' },
  likely_missed: { sv: 'troligen inte uppnått', en: 'likely missed' },
  missed: { sv: 'inte uppnått', en: 'missed' },
};

export const RECOMMENDATION_WORDS: Record<Recommendation, Record<Lang, string>> = {
  ended: { sv: 'avslutad', en: 'ended' },
  develop: { sv: 'utveckla', en: 'develop' },
  in_progress: { sv: 'pågår', en: 'in progress' },
  insufficient_data: { sv: 'otillräckligt underlag', en: 'insufficient data' },
  end: { sv: 'avsluta', en: 'end' },
  continue: { sv: 'fortsätt', en: 'continue' },
};

export const GROUND_SENTENCES: Record<RecommendationGround, Record<Lang, string>> = {
  // the general form; notLoadedSentence and goalsUnreadSentence say which file and line
  not_loaded: {
    sv: 'Aktiviteten är inte inläst: rätta dess rad i aktivitetsfilen och läs in filen igen.',
    en: 'The activity is not loaded: correct its row in the activities file and load the file again.',
  },
  ended: {
    sv: 'Aktiviteten har avslutats och redovisas för kännedom.',
    en: 'The activity has ended and is shown for the record.',
  },
  no_documented_need: {
    sv: 'Inget dokumenterat behov: dokumentera behovet i behovsinventeringen.',
    en: 'No documented need: document the need in the needs inventory.',
  },
  goals_unread: {
    sv: 'Mål har skrivits men kunde inte läsas: rätta målfilen och läs in den igen.',
    en: 'Goals were written but could not be read: correct the goals file and load it again.',
  },
  no_goals: {
    sv: 'Inga uppföljningsbara mål: sätt mål som kan följas upp.',
    en: 'No followable goals: set goals that can be followed up.',
  },
  no_goal_due: { sv: 'Inget mål ska bedömas ännu.', en: 'No goal is due yet.' },
  all_due_insufficient: {
    sv: 'Underlaget räcker inte för att bedöma något mål.',
    en: 'The data is not enough to judge any goal.',
  },
  all_judged_missed: {
    sv: 'Alla mål som kan bedömas är inte uppnådda.',
    en: 'Every goal that can be judged is missed.',
  },
  all_judged_met: {
    sv: 'Alla mål som kan bedömas är uppnådda eller troligen uppnådda.',
    en: 'Every goal that can be judged is met or likely met.',
  },
  mixed: { sv: 'Resultaten är blandade eller osäkra.', en: 'The results are mixed or uncertain.' },
};
