// Every indicator of indicators.md, once. Adding one is an entry here plus the SQL that
// computes it; test/indicators/registry.test.ts fails until both agree.
import type { Lang } from '../i18n/lang.ts';
import type { Indicator, IndicatorFamily } from './indicator.ts';

export const INDICATORS = [
  {
    name: 'new_students',
    family: 'area',
    kind: 'count',
    unit: 'persons',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Nybörjare',
      en: 'New students',
    },
    definition: {
      sv: 'Antal högskolenybörjare: personer med en registrering markerad first_time under terminen, vars hemkommun under terminen hör till området. En person räknas som ny en gång, i den tidigaste termin där hen är markerad.',
      en: 'New students (högskolenybörjare): persons with a first_time registration in the term whose home in the term is in the scope. A person counts as new once, in the earliest term where they are marked first_time.',
    },
  },
  {
    name: 'new_students_per_10k',
    family: 'area',
    kind: 'rate',
    unit: 'per_10k',
    decimals: 1,
    interval: 'none',
    bounded: false,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Nybörjare per 10 000 invånare 20–64 år',
      en: 'New students per 10,000 inhabitants aged 20–64',
    },
    definition: {
      sv: 'Nybörjare per 10 000 invånare 20–64 år vid årsskiftet före terminens år (senaste tidigare år om det saknas; för län och region summan av kommunerna, tomt om någon saknas).',
      en: "New students per 10 000 inhabitants aged 20–64 on 31 December before the term's year (the latest earlier year when missing; for a county or the region the sum of its municipalities, empty when any is missing).",
    },
  },
  {
    name: 'new_lc_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel nybörjare via lärcentrum',
      en: 'Share of new students through a learning centre',
    },
    definition: {
      sv: 'Andel av nybörjarna som studerar via eller med stöd av ett lärcentrum under terminen.',
      en: 'Share of the new students who study through or with support of a learning centre in the term.',
    },
  },
  {
    name: 'first_generation_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel förstagenerationsstudenter',
      en: 'First-generation share',
    },
    definition: {
      sv: 'Andel av nybörjarna med känd föräldrautbildning där ingen förälder har eftergymnasial utbildning.',
      en: 'Among new students with known parental education, the share with no parent with post-secondary education.',
    },
  },
  {
    name: 'low_parental_education_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel med lågutbildade föräldrar',
      en: 'Share with low parental education',
    },
    definition: {
      sv: 'Andel av nybörjarna med känd föräldrautbildning vars föräldrar har högst tvåårig gymnasieutbildning (UKÄ:s "lågutbildade föräldrar").',
      en: 'Among new students with known parental education, the share whose parents have at most two-year upper-secondary education (UKÄ\'s "low parental education").',
    },
  },
  {
    name: 'mature_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel 25 år och äldre',
      en: 'Share aged 25 or older',
    },
    definition: {
      sv: 'Andel av nybörjarna med känt födelseår som är 25 år eller äldre (terminens år minus födelseår).',
      en: "Among new students with known birth year, the share aged 25 or more (the term's year minus birth year).",
    },
  },
  {
    name: 'foreign_background_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel med utländsk bakgrund',
      en: 'Share with foreign background',
    },
    definition: {
      sv: 'Andel av nybörjarna med känd bakgrund som har utländsk bakgrund (SCB).',
      en: 'Among new students with known value, the share with foreign background (SCB).',
    },
  },
  {
    name: 'women_share',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel kvinnor',
      en: 'Share of women',
    },
    definition: {
      sv: 'Andel kvinnor bland nybörjarna med känt kön.',
      en: 'Share of women among new students with known gender.',
    },
  },
  {
    name: 'hst',
    family: 'area',
    kind: 'count',
    unit: 'hst',
    decimals: 1,
    interval: 'none',
    bounded: false,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Helårsstudenter (HST)',
      en: 'Full-time equivalents (HST)',
    },
    definition: {
      sv: 'Helårsstudenter: registrerade högskolepoäng under terminen delat med 60, för personer vars hemkommun hör till området.',
      en: 'Full-time equivalents (HST): registered credits in the term divided by 60, for persons whose home is in the scope.',
    },
  },
  {
    name: 'hpr',
    family: 'area',
    kind: 'count',
    unit: 'hpr',
    decimals: 1,
    interval: 'none',
    bounded: false,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Helårsprestationer (HPR)',
      en: 'Annual performance equivalents (HPR)',
    },
    definition: {
      sv: 'Helårsprestationer: avklarade högskolepoäng (resultat senast terminens slut plus 30 dagar, högst de registrerade poängen) delat med 60.',
      en: "Annual performance equivalents (HPR): credits earned (results by the term's end plus 30 days, at most the registered credits) divided by 60.",
    },
  },
  {
    name: 'prestationsgrad',
    family: 'area',
    kind: 'ratio',
    unit: 'ratio',
    decimals: 2,
    interval: 'delta',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Prestationsgrad',
      en: 'Performance rate',
    },
    definition: {
      sv: 'Prestationsgrad: HPR delat med HST, med 95 % konfidensintervall (deltametoden, personer som enheter).',
      en: 'Performance rate: HPR divided by HST, with a 95 % interval (delta method, persons as units).',
    },
  },
  {
    name: 'prestationsgrad_4t',
    family: 'area',
    kind: 'ratio',
    unit: 'ratio',
    decimals: 2,
    interval: 'delta',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Prestationsgrad efter fyra terminer',
      en: 'Performance rate after four terms',
    },
    definition: {
      sv: 'Prestationsgrad efter fyra terminer: avklarade poäng fram till slutet av termin T+3 delat med registrerade poäng; preliminär när data ännu inte når dit.',
      en: 'Performance rate after four terms: credits earned by the end of term T+3 divided by registered credits; preliminary while the data does not reach that far.',
    },
  },
  {
    name: 'completion_rate',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Andel fullföljda registreringar',
      en: 'Completion rate',
    },
    definition: {
      sv: 'Andel registreringar där hela den registrerade omfattningen är avklarad senast terminens slut plus 30 dagar.',
      en: "Share of registrations whose registered credits are all earned by the term's end plus 30 days.",
    },
  },
  {
    name: 'retention',
    family: 'area',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_municipality_indicators',
    label: {
      sv: 'Kvarstannande till nästa termin',
      en: 'Retention to the next term',
    },
    definition: {
      sv: 'Andel av de registrerade under terminen som är registrerade nästa termin eller har tagit examen senast nästa termins slut; tomt när data saknar nästa termin.',
      en: 'Among persons registered in the term, the share registered in the next term or with a degree by the end of the next term; empty when the data has no next term.',
    },
  },
  {
    name: 'reach',
    family: 'recruitment',
    kind: 'count',
    unit: 'persons',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Antal deltagare (huvudräkning)',
      en: 'Participants (headcount)',
    },
    definition: {
      sv: 'Antal deltagare vid aktivitetens tillfällen (huvudräkning, även de som inte samtyckt till uppföljning).',
      en: "Headcount at the activity's sessions, including people who did not consent to follow-up.",
    },
  },
  {
    name: 'linked',
    family: 'recruitment',
    kind: 'count',
    unit: 'persons',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Uppföljningsbara deltagare',
      en: 'Linked participants',
    },
    definition: {
      sv: 'Antal deltagare som samtyckt till uppföljning och kan kopplas till registreringar.',
      en: 'Distinct participants who consented to follow-up and can be linked.',
    },
  },
  {
    name: 'prospects',
    family: 'recruitment',
    kind: 'count',
    unit: 'persons',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Blivande studenter',
      en: 'Prospects',
    },
    definition: {
      sv: 'Kopplade deltagare som inte var registrerade någon termin fram till och med terminen för sitt första tillfälle.',
      en: 'Linked participants with no registration in any term up to the term of their first session.',
    },
  },
  {
    name: 'conversion_1t',
    family: 'recruitment',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Konvertering inom en termin',
      en: 'Conversion within one term',
    },
    definition: {
      sv: 'Andel av de blivande studenterna vars nästa termin täcks av data som registrerade sig den terminen.',
      en: 'Among prospects whose next term is covered by the data, the share registered in that term.',
    },
  },
  {
    name: 'conversion_2t',
    family: 'recruitment',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Konvertering inom två terminer',
      en: 'Conversion within two terms',
    },
    definition: {
      sv: 'Andel av de blivande studenterna vars termin A+2 täcks av data som registrerade sig inom två terminer.',
      en: 'Among prospects whose term A+2 is covered, the share registered in A+1 or A+2.',
    },
  },
  {
    name: 'converted_first_generation_share',
    family: 'recruitment',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Andel förstagenerationsstudenter bland de konverterade',
      en: 'First-generation share among the converted',
    },
    definition: {
      sv: 'Andel förstagenerationsstudenter bland de blivande studenter som registrerat sig inom två terminer och har känd föräldrautbildning.',
      en: 'Among prospects converted within two terms with known parental education, the share first-generation.',
    },
  },
  {
    name: 'cost_per_conversion',
    family: 'recruitment',
    kind: 'cost',
    unit: 'sek',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Kostnad per konvertering',
      en: 'Cost per conversion',
    },
    definition: {
      sv: 'Kostnad per termin gånger antal terminer aktiviteten pågått, delat med antalet som registrerat sig inom två terminer.',
      en: 'Cost per term times the terms the activity has run, divided by the number converted within two terms.',
    },
  },
  {
    name: 'participants',
    family: 'throughput',
    kind: 'count',
    unit: 'persons',
    decimals: 0,
    interval: 'none',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Deltagare',
      en: 'Participants',
    },
    definition: {
      sv: 'Antal deltagare med ett tillfälle och en registrering samma termin.',
      en: 'Distinct participants with a session and a registration in the same term.',
    },
  },
  {
    name: 'participant_prestationsgrad',
    family: 'throughput',
    kind: 'ratio',
    unit: 'ratio',
    decimals: 2,
    interval: 'delta',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Deltagarnas prestationsgrad',
      en: "Participants' performance rate",
    },
    definition: {
      sv: 'Deltagarnas avklarade poäng delat med registrerade poäng samma termin.',
      en: "Participants' credits earned divided by credits registered in the same term.",
    },
  },
  {
    name: 'prestationsgrad_oe',
    family: 'throughput',
    kind: 'ratio',
    unit: 'ratio',
    decimals: 2,
    interval: 'delta',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Prestationsgrad, observerad/förväntad',
      en: 'Performance rate, observed/expected',
    },
    definition: {
      sv: 'Observerad delat med förväntad prestation, där förväntan kommer från icke-deltagare på samma kurs samma termin.',
      en: 'Observed over expected credits, the expectation taken from non-participants on the same course in the same term.',
    },
  },
  {
    name: 'participant_completion_rate',
    family: 'throughput',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Deltagarnas andel fullföljda registreringar',
      en: "Participants' completion rate",
    },
    definition: {
      sv: 'Andel av deltagarnas registreringar som är helt avklarade.',
      en: "Share of participants' registrations completed.",
    },
  },
  {
    name: 'completion_rate_diff',
    family: 'throughput',
    kind: 'difference',
    unit: 'percentage_points',
    decimals: 0,
    interval: 'mean',
    bounded: false,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Skillnad i fullföljande mot jämförelsegruppen',
      en: 'Completion difference against the comparison pool',
    },
    definition: {
      sv: 'Genomsnittlig skillnad mellan deltagarnas fullföljande och jämförelsegruppens på samma kurs.',
      en: "Mean difference between participants' completion and their comparison pool's completion rate.",
    },
  },
  {
    name: 'participant_retention',
    family: 'throughput',
    kind: 'share',
    unit: 'share',
    decimals: 0,
    interval: 'wilson',
    bounded: true,
    model: 'mart_activity_indicators',
    label: {
      sv: 'Deltagarnas kvarstannande till nästa termin',
      en: "Participants' retention to the next term",
    },
    definition: {
      sv: 'Andel deltagare som är registrerade nästa termin.',
      en: 'Share of participants registered in the next term.',
    },
  },
] as const satisfies readonly Indicator[];

export type IndicatorName = (typeof INDICATORS)[number]['name'];

const BY_NAME: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.name, i]));

/** The entry of a name, undefined for a name that is no indicator. */
export function findIndicator(name: string): Indicator | undefined {
  return BY_NAME.get(name);
}

export function isIndicatorName(name: string): name is IndicatorName {
  return BY_NAME.has(name);
}

/** The names of one family, in the registry's order (the order of indicators.md). */
export function indicatorNames(...families: IndicatorFamily[]): IndicatorName[] {
  return INDICATORS.filter((i) => (families as string[]).includes(i.family)).map((i) => i.name);
}

/** The names whose value is a share 0–1: only these may be written as a percentage (25 %). */
export const SHARE_INDICATORS: readonly IndicatorName[] = INDICATORS.filter(
  (i) => i.unit === 'share',
).map((i) => i.name);

/** Its short name as readers see it; a name that is no indicator stays as it is. */
export function indicatorLabel(name: string, lang: Lang): string {
  return findIndicator(name)?.label[lang] ?? name;
}

/**
 * Whether readers are shown its n beside a value: not for a count, whose n is the count
 * itself (indicators.md, Uncertainty).
 */
export function showsN(name: string): boolean {
  return findIndicator(name)?.kind !== 'count';
}
