// Short names of the indicators as readers see them, in Swedish and English.
import type { Lang } from './lang.ts';

const LABELS: Record<string, Record<Lang, string>> = {
  new_students: { sv: 'Nybörjare', en: 'New students' },
  new_students_per_10k: {
    sv: 'Nybörjare per 10 000 invånare 20–64 år',
    en: 'New students per 10,000 inhabitants aged 20–64',
  },
  new_lc_share: {
    sv: 'Andel nybörjare via lärcentrum',
    en: 'Share of new students through a learning centre',
  },
  first_generation_share: { sv: 'Andel förstagenerationsstudenter', en: 'First-generation share' },
  low_parental_education_share: {
    sv: 'Andel med lågutbildade föräldrar',
    en: 'Share with low parental education',
  },
  mature_share: { sv: 'Andel 25 år och äldre', en: 'Share aged 25 or older' },
  foreign_background_share: {
    sv: 'Andel med utländsk bakgrund',
    en: 'Share with foreign background',
  },
  women_share: { sv: 'Andel kvinnor', en: 'Share of women' },
  hst: { sv: 'Helårsstudenter (HST)', en: 'Full-time equivalents (HST)' },
  hpr: { sv: 'Helårsprestationer (HPR)', en: 'Annual performance equivalents (HPR)' },
  prestationsgrad: { sv: 'Prestationsgrad', en: 'Performance rate' },
  prestationsgrad_4t: {
    sv: 'Prestationsgrad efter fyra terminer',
    en: 'Performance rate after four terms',
  },
  completion_rate: { sv: 'Andel fullföljda registreringar', en: 'Completion rate' },
  retention: { sv: 'Kvarstannande till nästa termin', en: 'Retention to the next term' },
  reach: { sv: 'Antal deltagare (huvudräkning)', en: 'Participants (headcount)' },
  linked: { sv: 'Uppföljningsbara deltagare', en: 'Linked participants' },
  prospects: { sv: 'Blivande studenter', en: 'Prospects' },
  conversion_1t: { sv: 'Konvertering inom en termin', en: 'Conversion within one term' },
  conversion_2t: { sv: 'Konvertering inom två terminer', en: 'Conversion within two terms' },
  converted_first_generation_share: {
    sv: 'Andel förstagenerationsstudenter bland de konverterade',
    en: 'First-generation share among the converted',
  },
  cost_per_conversion: { sv: 'Kostnad per konvertering', en: 'Cost per conversion' },
  participants: { sv: 'Deltagare', en: 'Participants' },
  participant_prestationsgrad: {
    sv: 'Deltagarnas prestationsgrad',
    en: "Participants' performance rate",
  },
  prestationsgrad_oe: {
    sv: 'Prestationsgrad, observerad/förväntad',
    en: 'Performance rate, observed/expected',
  },
  participant_completion_rate: {
    sv: 'Deltagarnas andel fullföljda registreringar',
    en: "Participants' completion rate",
  },
  completion_rate_diff: {
    sv: 'Skillnad i fullföljande mot jämförelsegruppen',
    en: 'Completion difference against the comparison pool',
  },
  participant_retention: {
    sv: 'Deltagarnas kvarstannande till nästa termin',
    en: "Participants' retention to the next term",
  },
};

export function indicatorLabel(indicator: string, lang: Lang): string {
  return LABELS[indicator]?.[lang] ?? indicator;
}
