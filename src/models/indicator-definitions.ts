// Every indicator's definition in words (indicators.md), in Swedish and English, and
// the model that computes it. Used by `larsam explain` and the report's method section.
import { ACTIVITY_INDICATORS, MUNICIPALITY_INDICATORS } from '../contract/indicator-names.ts';

export type Lang = 'sv' | 'en';

interface Definition {
  sv: string;
  en: string;
}

const MUNICIPALITY: Record<(typeof MUNICIPALITY_INDICATORS)[number], Definition> = {
  new_students: {
    sv: 'Antal högskolenybörjare: personer med en registrering markerad first_time under terminen, vars hemkommun under terminen hör till området. En person räknas som ny en gång, i den tidigaste termin där hen är markerad.',
    en: 'New students (högskolenybörjare): persons with a first_time registration in the term whose home in the term is in the scope. A person counts as new once, in the earliest term where they are marked first_time.',
  },
  new_students_per_10k: {
    sv: 'Nybörjare per 10 000 invånare 20–64 år vid årsskiftet före terminens år (senaste tidigare år om det saknas; för län och region summan av kommunerna, tomt om någon saknas).',
    en: "New students per 10 000 inhabitants aged 20–64 on 31 December before the term's year (the latest earlier year when missing; for a county or the region the sum of its municipalities, empty when any is missing).",
  },
  new_lc_share: {
    sv: 'Andel av nybörjarna som studerar via eller med stöd av ett lärcentrum under terminen.',
    en: 'Share of the new students who study through or with support of a learning centre in the term.',
  },
  first_generation_share: {
    sv: 'Andel av nybörjarna med känd föräldrautbildning där ingen förälder har eftergymnasial utbildning.',
    en: 'Among new students with known parental education, the share with no parent with post-secondary education.',
  },
  low_parental_education_share: {
    sv: 'Andel av nybörjarna med känd föräldrautbildning vars föräldrar har högst tvåårig gymnasieutbildning (UKÄ:s "lågutbildade föräldrar").',
    en: 'Among new students with known parental education, the share whose parents have at most two-year upper-secondary education (UKÄ\'s "low parental education").',
  },
  mature_share: {
    sv: 'Andel av nybörjarna med känt födelseår som är 25 år eller äldre (terminens år minus födelseår).',
    en: "Among new students with known birth year, the share aged 25 or more (the term's year minus birth year).",
  },
  foreign_background_share: {
    sv: 'Andel av nybörjarna med känd bakgrund som har utländsk bakgrund (SCB).',
    en: 'Among new students with known value, the share with foreign background (SCB).',
  },
  women_share: {
    sv: 'Andel kvinnor bland nybörjarna med känt kön.',
    en: 'Share of women among new students with known gender.',
  },
  hst: {
    sv: 'Helårsstudenter: registrerade högskolepoäng under terminen delat med 60, för personer vars hemkommun hör till området.',
    en: 'Full-time equivalents (HST): registered credits in the term divided by 60, for persons whose home is in the scope.',
  },
  hpr: {
    sv: 'Helårsprestationer: avklarade högskolepoäng (resultat senast terminens slut plus 30 dagar, högst de registrerade poängen) delat med 60.',
    en: "Annual performance equivalents (HPR): credits earned (results by the term's end plus 30 days, at most the registered credits) divided by 60.",
  },
  prestationsgrad: {
    sv: 'Prestationsgrad: HPR delat med HST, med 95 % konfidensintervall (deltametoden, personer som enheter).',
    en: 'Performance rate: HPR divided by HST, with a 95 % interval (delta method, persons as units).',
  },
  prestationsgrad_4t: {
    sv: 'Prestationsgrad efter fyra terminer: avklarade poäng fram till slutet av termin T+3 delat med registrerade poäng; preliminär när data ännu inte når dit.',
    en: 'Performance rate after four terms: credits earned by the end of term T+3 divided by registered credits; preliminary while the data does not reach that far.',
  },
  completion_rate: {
    sv: 'Andel registreringar där hela den registrerade omfattningen är avklarad senast terminens slut plus 30 dagar.',
    en: "Share of registrations whose registered credits are all earned by the term's end plus 30 days.",
  },
  retention: {
    sv: 'Andel av de registrerade under terminen som är registrerade nästa termin eller har tagit examen senast nästa termins slut; tomt när data saknar nästa termin.',
    en: 'Among persons registered in the term, the share registered in the next term or with a degree by the end of the next term; empty when the data has no next term.',
  },
};

const ACTIVITY: Record<(typeof ACTIVITY_INDICATORS)[number], Definition> = {
  reach: {
    sv: 'Antal deltagare vid aktivitetens tillfällen (huvudräkning, även de som inte samtyckt till uppföljning).',
    en: "Headcount at the activity's sessions, including people who did not consent to follow-up.",
  },
  linked: {
    sv: 'Antal deltagare som samtyckt till uppföljning och kan kopplas till registreringar.',
    en: 'Distinct participants who consented to follow-up and can be linked.',
  },
  prospects: {
    sv: 'Kopplade deltagare som inte var registrerade någon termin fram till och med terminen för sitt första tillfälle.',
    en: 'Linked participants with no registration in any term up to the term of their first session.',
  },
  conversion_1t: {
    sv: 'Andel av de blivande studenterna vars nästa termin täcks av data som registrerade sig den terminen.',
    en: 'Among prospects whose next term is covered by the data, the share registered in that term.',
  },
  conversion_2t: {
    sv: 'Andel av de blivande studenterna vars termin A+2 täcks av data som registrerade sig inom två terminer.',
    en: 'Among prospects whose term A+2 is covered, the share registered in A+1 or A+2.',
  },
  converted_first_generation_share: {
    sv: 'Andel förstagenerationsstudenter bland de blivande studenter som registrerat sig inom två terminer och har känd föräldrautbildning.',
    en: 'Among prospects converted within two terms with known parental education, the share first-generation.',
  },
  cost_per_conversion: {
    sv: 'Kostnad per termin gånger antal terminer aktiviteten pågått, delat med antalet som registrerat sig inom två terminer.',
    en: 'Cost per term times the terms the activity has run, divided by the number converted within two terms.',
  },
  participants: {
    sv: 'Antal deltagare med ett tillfälle och en registrering samma termin.',
    en: 'Distinct participants with a session and a registration in the same term.',
  },
  participant_prestationsgrad: {
    sv: 'Deltagarnas avklarade poäng delat med registrerade poäng samma termin.',
    en: "Participants' credits earned divided by credits registered in the same term.",
  },
  prestationsgrad_oe: {
    sv: 'Observerad delat med förväntad prestation, där förväntan kommer från icke-deltagare på samma kurs samma termin.',
    en: 'Observed over expected credits, the expectation taken from non-participants on the same course in the same term.',
  },
  participant_completion_rate: {
    sv: 'Andel av deltagarnas registreringar som är helt avklarade.',
    en: "Share of participants' registrations completed.",
  },
  completion_rate_diff: {
    sv: 'Genomsnittlig skillnad mellan deltagarnas fullföljande och jämförelsegruppens på samma kurs.',
    en: "Mean difference between participants' completion and their comparison pool's completion rate.",
  },
  participant_retention: {
    sv: 'Andel deltagare som är registrerade nästa termin.',
    en: 'Share of participants registered in the next term.',
  },
};

export function definitionOf(
  indicator: string,
  lang: Lang,
): { definition: string; model: string } | undefined {
  if (Object.hasOwn(MUNICIPALITY, indicator)) {
    return {
      definition: MUNICIPALITY[indicator as keyof typeof MUNICIPALITY][lang],
      model: 'mart_municipality_indicators',
    };
  }
  if (Object.hasOwn(ACTIVITY, indicator)) {
    return {
      definition: ACTIVITY[indicator as keyof typeof ACTIVITY][lang],
      model: 'mart_activity_indicators',
    };
  }
  return undefined;
}

export const ALL_INDICATORS = [...MUNICIPALITY_INDICATORS, ...ACTIVITY_INDICATORS];
