// The messages of building the models (src/models): a model or data test that fails, a
// region that names no Swedish code, the model files' own rules, and what each data test
// (sql/tests/*.sql) checks, in both languages.
import { type Problem, problem, type Text, text } from './message.ts';

/** Where a region was named, for the region's errors. */
export const REGION_NAMED_IN = {
  build: text('the region', 'regionen'),
  pipeline: text("the pipeline definition's region", 'pipelinedefinitionens region'),
};

/** "26", "11": the codes as written, quoted. */
const quotedList = (codes: string[]) => codes.map((code) => `"${code}"`).join(', ');

export const BUILD_ERRORS = {
  modelFailed: (model: string, cause: string, inlineFiles: string | null): Problem =>
    problem(
      text(`the model ${model} failed: ${cause}`, `modellen ${model} misslyckades: ${cause}`),
      inlineFiles
        ? text(
            `correct the SQL in that file or in ${inlineFiles}, which runs inside it while building (larsam explain shows what each model reads)`,
            `rätta SQL-koden i den filen eller i ${inlineFiles}, som körs inuti den när modellerna byggs (larsam explain visar vad varje modell läser)`,
          )
        : text(
            'correct the SQL in that file (larsam explain shows what each model reads)',
            'rätta SQL-koden i den filen (larsam explain visar vad varje modell läser)',
          ),
    ),
  dataTestsFailed: (broken: { name: string; failingRows: number }[], file: string): Problem =>
    problem(
      text(
        `data test ${broken.map((b) => `${b.name} (${b.failingRows} rows)`).join(', ')} failed`,
        `${broken.length === 1 ? 'datatestet' : 'datatesterna'} ${broken
          .map((b) => `${b.name} (${b.failingRows} ${b.failingRows === 1 ? 'rad' : 'rader'})`)
          .join(', ')} gick inte igenom`,
      ),
      text(
        `look at the failing rows with  larsam query "$(cat ${file})"  and correct the input or the model`,
        `se de felaktiga raderna med  larsam query "$(cat ${file})"  och rätta indata eller modellen`,
      ),
    ),
  dataTestCannotRun: (test: string, cause: string): Problem =>
    problem(
      text(
        `the data test ${test} could not run: ${cause}`,
        `datatestet ${test} kunde inte köras: ${cause}`,
      ),
      text('correct the SQL in that file', 'rätta SQL-koden i den filen'),
    ),
  inlineNotView: (): Problem =>
    problem(
      text(
        '"build: inline" is only for a model kept as a view',
        '"build: inline" gäller bara en modell som sparas som vy',
      ),
      text(
        'add the line "-- materialized: view" to its leading comment, or remove "-- build: inline"',
        'lägg till raden "-- materialized: view" i den inledande kommentaren, eller ta bort "-- build: inline"',
      ),
    ),
  regionEmpty: (namedIn: Text): Problem =>
    problem(
      text(
        `${namedIn.en} names no county and no municipality`,
        `${namedIn.sv} anger varken län eller kommun`,
      ),
      text(
        'name at least one county code (e.g. "23" for Jämtlands län) or municipality code (e.g. "2380" for Östersund)',
        'ange minst en länskod (t.ex. "23" för Jämtlands län) eller kommunkod (t.ex. "2380" för Östersund)',
      ),
    ),
  regionCounty: (namedIn: Text, codes: string[]): Problem => {
    const many = codes.length > 1;
    return problem(
      text(
        `${namedIn.en} names county ${quotedList(codes)}, which ${many ? 'are not Swedish county codes' : 'is not a Swedish county code'}`,
        `${namedIn.sv} anger länet ${quotedList(codes)}, som inte ${many ? 'är svenska länskoder' : 'är en svensk länskod'}`,
      ),
      text(
        'write the two-digit county (län) code as SCB does, with its leading zero: 01, 03–10, 12–14, 17–25 (e.g. "23" for Jämtlands län, "25" for Norrbottens län)',
        'skriv länskoden med två siffror som SCB gör, med inledande nolla: 01, 03–10, 12–14, 17–25 (t.ex. "23" för Jämtlands län, "25" för Norrbottens län)',
      ),
    );
  },
  regionMunicipality: (namedIn: Text, codes: string[]): Problem => {
    const many = codes.length > 1;
    return problem(
      text(
        `${namedIn.en} names municipality ${quotedList(codes)}, which ${many ? 'are not Swedish municipality codes' : 'is not a Swedish municipality code'}`,
        `${namedIn.sv} anger kommunen ${quotedList(codes)}, som inte ${many ? 'är svenska kommunkoder' : 'är en svensk kommunkod'}`,
      ),
      text(
        'write SCB\'s four-digit kommunkod with its leading zero (e.g. "2380" for Östersund, "0180" for Stockholm); the list is sql/staging/ref_sweden_municipalities.sql',
        'skriv SCB:s fyrsiffriga kommunkod med inledande nolla (t.ex. "2380" för Östersund, "0180" för Stockholm); listan finns i sql/staging/ref_sweden_municipalities.sql',
      ),
    );
  },
};

/**
 * What each data test of sql/tests checks, by test name (the file's name without .sql).
 * The English is the file's leading comment as written (test/messages/catalogue.test.ts
 * holds the two together), the Swedish is its translation; the build shows the text in
 * the report's language.
 */
export const DATA_TEST_DESCRIPTIONS: Record<string, Text> = {
  activity_unresolved: text(
    'activity_id values in goals, sessions or participations that are not in the activity registry.',
    'activity_id-värden i mål, tillfällen eller deltaganden som inte finns i aktivitetsregistret.',
  ),
  centre_unresolved: text(
    'centre_id values in registrations, activities or needs that are not in learning_centres (checked when learning_centres is loaded).',
    'centre_id-värden i registreringar, aktiviteter eller behov som inte finns i learning_centres (prövas när learning_centres är inläst).',
  ),
  first_time_in_two_terms: text(
    'Persons marked first_time in more than one term; they count as new only in the earliest.',
    'Personer markerade first_time under mer än en termin; de räknas som nya bara under den tidigaste.',
  ),
  goal_indicator_kind: text(
    'Goals naming an indicator of the other activity kind (a recruitment indicator on a throughput activity or the reverse); they cannot be judged, and the decision sheet gives them the status invalid.',
    'Mål som anger en indikator för den andra sortens aktivitet (en rekryteringsindikator på en genomströmningsaktivitet eller tvärtom); de kan inte bedömas, och beslutsunderlaget ger dem statusen ogiltigt mål.',
  ),
  home_municipality_not_in_reference: text(
    'Home municipalities missing from the municipality reference (with the default reference of all Sweden: codes that are no Swedish municipality); they count only in their own municipality scope.',
    'Hemkommuner som saknas i kommunreferensen (med standardreferensen över hela Sverige: koder som inte är någon svensk kommun); de räknas bara för sin egen kommun.',
  ),
  indicator_not_in_registry: text(
    'Every indicator the marts emit has its entry in ref_indicators (the indicator registry, src/indicators/registry.ts) naming the mart that computes it: without one its small-cell rule would fall back to the persons rule.',
    'Varje indikator som martmodellerna ger har en post i ref_indicators (indikatorregistret, src/indicators/registry.ts) som anger vilken mart som beräknar den: utan en sådan post skulle dess regel för små celler falla tillbaka på personregeln.',
  ),
  indicator_without_suppression_table: text(
    'Every municipality indicator belongs to a table of secondary suppression (ref_suppression_tables): one left out would be published with only its own rule.',
    'Varje kommunindikator hör till en tabell för sekundärt skydd (ref_suppression_tables): en som saknas skulle publiceras med bara sin egen regel.',
  ),
  indicators_key_unique: text(
    'One indicator row per scope, scope_id, term, indicator and group.',
    'En indikatorrad per nivå, scope_id, termin, indikator och grupp.',
  ),
  municipality_unresolved: text(
    'Municipality codes in population, learning centres, needs, activities or recruitment targets that are not in the reference.',
    'Kommunkoder i befolkning, lärcentrum, behov, aktiviteter eller rekryteringsmål som inte finns i referensen.',
  ),
  need_unresolved: text(
    'Activities whose need_id is empty or not in the needs inventory (the model asks every activity to answer a documented need).',
    'Aktiviteter vars need_id är tomt eller saknas i behovsinventeringen (samverkansmodellen kräver att varje aktivitet svarar mot ett dokumenterat behov).',
  ),
  population_age_spans: text(
    'Municipality-years whose population rows do not cover ages 20–64 exactly once: two files hold the same ages (remove one: larsam ingest --replace, or load only one of them) or some ages are missing (load the file with the missing ages, or export 20–64 in one table). Their population is not used.',
    'Kommunår vars befolkningsrader inte täcker åldrarna 20–64 exakt en gång: två filer har samma åldrar (ta bort den ena: larsam ingest --replace, eller läs bara in en av dem) eller några åldrar saknas (läs in filen med de saknade åldrarna, eller exportera 20–64 i en tabell). Deras befolkning används inte.',
  ),
  population_year_missing: text(
    'Municipality terms whose population year Y−1 is missing (an earlier year is used, or none exists), when population is loaded at all.',
    'Kommunterminer där befolkningsåret Å−1 saknas (ett tidigare år används, eller inget finns), när befolkning alls är inläst.',
  ),
  region_differs_from_municipalities_file: text(
    "The region named in the pipeline definition (or by build's --region-counties / --region-municipalities) differs from the in_region column of the loaded municipalities file, which replaces the default reference and so decides the region: make the file's in_region say the same, or leave region out of the definition.",
    'Regionen i pipelinedefinitionen (eller i builds --region-counties / --region-municipalities) skiljer sig från kolumnen in_region i den inlästa kommunfilen, som ersätter standardreferensen och därmed avgör regionen: låt filens in_region säga detsamma, eller ta bort region ur definitionen.',
  ),
  registrations_duplicate_keys: text(
    'Registrations loaded more than once for the same person, term, course and offering; one of each is kept.',
    'Registreringar inlästa mer än en gång för samma person, termin, kurs och kurstillfälle; en av varje behålls.',
  ),
  registrations_key_unique: text(
    'After staging, one registration per person, term, course and offering.',
    'Efter förbehandlingen (staging) finns en registrering per person, termin, kurs och kurstillfälle.',
  ),
  results_without_registration: text(
    "Results that link to no registration (no registration of the person on the course in the result's term); they earn no credits.",
    'Resultat som inte hör till någon registrering (personen är inte registrerad på kursen under resultatets termin); de ger inga poäng.',
  ),
};

/** A data test's description in both languages; a test without an entry keeps its comment in both. */
export function dataTestDescription(name: string, comment: string): Text {
  return DATA_TEST_DESCRIPTIONS[name] ?? text(comment, comment);
}
