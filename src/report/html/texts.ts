// Every word of the report page, in Swedish and English. Nothing else in the page code
// holds language: a test checks that no Swedish label leaks into the English report.
import type { Lang } from '../../i18n/lang.ts';
import { text as both } from '../../messages/message.ts';

const TEXTS = {
  title: { sv: 'Terminsrapport', en: 'Term report' },
  subtitle: {
    sv: 'Uppföljning av samverkan mellan Mittuniversitetet och kommunala lärcentrum',
    en: 'Follow-up of the collaboration between Mid Sweden University and the municipal learning centres',
  },
  contents: { sv: 'Innehåll', en: 'Contents' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  decisionSheet: { sv: 'Beslutsunderlag', en: 'Decision sheet' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  recruitment: { sv: 'Breddad rekrytering', en: 'Widened recruitment' },
  throughput: { sv: 'Genomströmning', en: 'Throughput' },
  dataQuality: { sv: 'Datakvalitet', en: 'Data quality' },
  method: { sv: 'Metod', en: 'Method' },
  reviewTerm: { sv: 'Uppföljningstermin', en: 'Review term' },
  newStudentsRegion: { sv: 'Nybörjare från regionen', en: 'New students from the region' },
  yearEarlier: { sv: 'samma termin året innan', en: 'the same term a year earlier' },
  change: { sv: 'förändring', en: 'change' },
  viaLc: { sv: 'andel via lärcentrum', en: 'share through a learning centre' },
  pgLc: {
    sv: 'Prestationsgrad, lärcentrumstudenter',
    en: 'Performance rate, learning-centre students',
  },
  pgNonLc: { sv: 'Prestationsgrad, övriga studenter', en: 'Performance rate, other students' },
  activitiesPerRecommendation: {
    sv: 'Aktiviteter per rekommendation',
    en: 'Activities per recommendation',
  },
  activity: { sv: 'Aktivitet', en: 'Activity' },
  place: { sv: 'Kommun / lärcentrum', en: 'Municipality / centre' },
  kind: { sv: 'Slag', en: 'Kind' },
  goals: { sv: 'Mål', en: 'Goals' },
  goal: { sv: 'Mål', en: 'Goal' },
  value: { sv: 'Värde', en: 'Value' },
  interval: { sv: 'Konfidensintervall', en: 'Confidence interval' },
  status: { sv: 'Status', en: 'Status' },
  recommendation: { sv: 'Rekommendation', en: 'Recommendation' },
  recruitmentKind: { sv: 'breddad rekrytering', en: 'widened recruitment' },
  throughputKind: { sv: 'genomströmning', en: 'throughput' },
  need: { sv: 'Behov', en: 'Need' },
  noNeed: {
    sv: 'Inget dokumenterat behov – dokumentera behovet i behovsinventeringen.',
    en: 'No documented need – document the need in the needs inventory.',
  },
  reasons: { sv: 'Motivering', en: 'Reasons' },
  noActivities: {
    sv: 'Det finns inga aktiviteter i underlaget för den här terminen.',
    en: 'There are no activities in the data for this term.',
  },
  noParticipants: {
    sv: 'Aktiviteten har inga deltagare än.',
    en: 'The activity has no participants yet.',
  },
  targets: { sv: 'Rekryteringsmål', en: 'Recruitment targets' },
  noTargets: { sv: 'Inga rekryteringsmål är inlästa.', en: 'No recruitment targets are loaded.' },
  scope: { sv: 'Område', en: 'Scope' },
  target: { sv: 'Målvärde', en: 'Target' },
  byTerm: { sv: 'Senast', en: 'By' },
  actual: { sv: 'Utfall', en: 'Actual' },
  term: { sv: 'Termin', en: 'Term' },
  preliminary: { sv: 'preliminär', en: 'preliminary' },
  files: { sv: 'Inlästa filer', en: 'Files loaded' },
  file: { sv: 'Fil', en: 'File' },
  rowsRead: { sv: 'Rader lästa', en: 'Rows read' },
  rowsLoaded: { sv: 'Inlästa', en: 'Loaded' },
  rowsRejected: { sv: 'Avvisade', en: 'Rejected' },
  hash: { sv: 'Kontrollsumma (SHA-256)', en: 'Content hash (SHA-256)' },
  rejectsByReason: { sv: 'Avvisade rader per orsak', en: 'Rejected rows by reason' },
  noRejects: { sv: 'Inga rader avvisades.', en: 'No rows were rejected.' },
  column: { sv: 'Kolumn', en: 'Column' },
  rule: { sv: 'Regel', en: 'Rule' },
  rows: { sv: 'Rader', en: 'Rows' },
  coverage: { sv: 'Täckning per termin', en: 'Coverage per term' },
  registrations: { sv: 'Registreringar', en: 'Registrations' },
  results: { sv: 'Resultat', en: 'Results' },
  sessions: { sv: 'Aktivitetstillfällen', en: 'Sessions' },
  participations: { sv: 'Deltaganden', en: 'Participations' },
  unknownValues: {
    sv: 'Okända bakgrundsvärden bland de registrerade',
    en: 'Unknown background values among those registered',
  },
  attribute: { sv: 'Uppgift', en: 'Attribute' },
  unknown: { sv: 'Okända', en: 'Unknown' },
  share: { sv: 'Andel', en: 'Share' },
  dataTests: { sv: 'Datatester', en: 'Data tests' },
  test: { sv: 'Test', en: 'Test' },
  severity: { sv: 'Allvar', en: 'Severity' },
  severityError: { sv: 'fel', en: 'error' },
  severityWarn: { sv: 'varning', en: 'warning' },
  findings: { sv: 'Fynd', en: 'Findings' },
  suppressedCells: { sv: 'Skyddade celler', en: 'Suppressed cells' },
  scopeLevel: { sv: 'Nivå', en: 'Level' },
  byOwnRule: { sv: 'för få personer', en: 'too few persons' },
  toProtect: { sv: 'till skydd för andra', en: 'to protect others' },
  values: { sv: 'värden', en: 'values' },
  missingKinds: { sv: 'Data som saknas', en: 'Data not loaded' },
  failedFiles: {
    sv: 'Filer som inte kunde läsas in (ingår inte i siffrorna)',
    en: 'Files that could not be loaded (not in the numbers)',
  },
  failure: { sv: 'Varför', en: 'Why' },
  definitions: { sv: 'Definitioner', en: 'Definitions' },
  indicator: { sv: 'Indikator', en: 'Indicator' },
  definition: { sv: 'Definition', en: 'Definition' },
  settings: { sv: 'Inställningar', en: 'Settings' },
  inputs: { sv: 'Indata', en: 'Inputs' },
  version: { sv: 'Verktygsversion', en: 'Tool version' },
  decisionRules: { sv: 'Beslutsregler', en: 'Decision rules' },
  intervals: { sv: 'Osäkerhet', en: 'Uncertainty' },
  smallCells: { sv: 'Skydd av små tal', en: 'Small-cell protection' },
  suppressedMark: { sv: '..', en: '..' },
  chart: { sv: 'Diagram', en: 'Chart' },
  // the printed page's margin: "Sida 3 av 12"
  pageNumberBefore: both('Page ', 'Sida '),
  pageNumberBetween: both(' of ', ' av '),
  // a chart's values for those who cannot see it (figure.ts)
  chartData: both("The chart's values as a table", 'Diagrammets värden som tabell'),
  chartDataItem: both('Refers to', 'Avser'),
  chartDataOther: both('Other', 'Övrigt'),
  // what a ".." hides (values.ts): the value itself rests on too few persons, or such a
  // value could be worked out from it (secondary suppression), or either when not known
  suppressedPrimary: both(
    'hidden to protect a small group: the value rests on too few persons',
    'dolt för att skydda en liten grupp: värdet bygger på för få personer',
  ),
  suppressedSecondary: both(
    'hidden to protect a small group: a value that rests on too few persons could otherwise be worked out from it',
    'dolt för att skydda en liten grupp: annars skulle ett värde som bygger på för få personer kunna räknas fram ur det',
  ),
  suppressedEither: both(
    'hidden to protect a small group: the value rests on too few persons, or such a value could be worked out from it',
    'dolt för att skydda en liten grupp: värdet bygger på för få personer, eller så skulle ett sådant värde kunna räknas fram ur det',
  ),
} as const satisfies Record<string, Record<Lang, string>>;

/** Sentences of the page with values in them. */
export const SENTENCES = {
  /** The summary's note on "..", for the whole page. */
  suppressedNote: (minCell: number) =>
    both(
      `".." means that a figure is hidden to protect a small group: either it rests on fewer than ${minCell} persons, or such a number could be worked out from it (the notation is Statistics Sweden's).`,
      `".." betyder att uppgiften är dold för att skydda en liten grupp: antingen bygger den på färre än ${minCell} personer, eller så skulle ett sådant tal kunna räknas fram ur den (SCB:s beteckning).`,
    ),
};

export type TextKey = keyof typeof TEXTS;

export function text(key: TextKey, lang: Lang): string {
  return TEXTS[key][lang];
}

export function allTexts(lang: Lang): string[] {
  return Object.values(TEXTS).map((t) => t[lang]);
}
