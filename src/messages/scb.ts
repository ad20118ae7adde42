import { type Problem, problem, type Text, text } from './message.ts';
import { plural } from '../i18n/words.ts';

// ---------------------------------------------------------------------------------------
// Why an SCB export cannot give the population 20–64 (the `reason` of scbCannotGive2064),
// with what to export instead where it is not EXPORT_AGES, and the warnings of choosing.

const quotedList = (labels: readonly string[]) => labels.map((l) => `'${l}'`).join(', ');

export const scbMessages = {
  twoColumnsForDimension: (dimension: string, first: string, second: string) =>
    text(
      `two columns name the dimension ${dimension} ('${first}', '${second}')`,
      `två kolumner anger dimensionen ${dimension} ('${first}', '${second}')`,
    ),
  noNumbers: () =>
    text(
      'no column holds the numbers (a year, a region or a content such as Folkmängd as its heading)',
      'ingen kolumn innehåller talen (ett år, en region eller ett innehåll som Folkmängd som rubrik)',
    ),
  noRegion: () => text('it has no region', 'den har ingen region'),
  noYear: () => text('it has no year', 'den har inget år'),
  noMunicipality: (regions: readonly string[]) =>
    text(
      `it holds no municipality, only ${regions.join(', ') || 'empty regions'}`,
      `den innehåller ingen kommun, bara ${regions.join(', ') || 'tomma regioner'}`,
    ),
  selectMunicipalities: () =>
    text(
      'select the municipalities (kommuner) under region and export again',
      'välj kommunerna under region och exportera igen',
    ),
  noAgeDimension: () =>
    text(
      'it has no age (ålder) dimension, so it holds inhabitants of all ages',
      'den har ingen åldersdimension (ålder), så den räknar invånare i alla åldrar',
    ),
  unreadableAges: (labels: readonly string[]) =>
    text(
      `the age ${quotedList(labels)} cannot be read as an age or an age class`,
      `åldern ${quotedList(labels)} kan inte läsas som en ålder eller en åldersgrupp`,
    ),
  onlyTotalAge: () =>
    text(
      'the file holds only the total of all ages, from which ages 20–64 cannot be told',
      'filen innehåller bara totalen för alla åldrar, och ur den går åldrarna 20–64 inte att få fram',
    ),
  /** `classes`: the labels as the file writes them, quoted and perhaps cut with …. */
  classesAcross: (classes: string) =>
    text(
      `the age classes ${classes} reach across 20 or 64, so ages 20–64 cannot be formed from them`,
      `åldersgrupperna ${classes} sträcker sig över 20 eller 64, så åldrarna 20–64 kan inte bildas av dem`,
    ),
  noAgesInside: (classes: string) =>
    text(
      `the file holds no ages between 20 and 64 (only ${classes})`,
      `filen innehåller inga åldrar mellan 20 och 64 (bara ${classes})`,
    ),
  agesMissing: (ages: string, span: string) =>
    text(
      `the ages ${ages} are missing between ${span}, so no single span of 20–64 is covered`,
      `åldrarna ${ages} saknas inom ${span}, så inget sammanhängande spann av 20–64 täcks`,
    ),
  classesOverlap: (classes: string, span: string) =>
    text(
      `the age classes ${classes} overlap in a way that no set of them covers ${span} once`,
      `åldersgrupperna ${classes} överlappar så att inget urval av dem täcker ${span} exakt en gång`,
    ),
  unreadableSex: (labels: readonly string[]) =>
    problem(
      text(
        `the sex ${quotedList(labels)} cannot be read as män, kvinnor or totalt`,
        `könet ${quotedList(labels)} kan inte läsas som män, kvinnor eller totalt`,
      ),
      text(
        'export kön as män and kvinnor, or as totalt',
        'exportera kön som män och kvinnor, eller som totalt',
      ),
    ),
  sexTwice: (labels: readonly string[]) =>
    problem(
      text(
        `kön holds the same sex under two labels (${labels.join(', ')})`,
        `kön har samma kön under två etiketter (${labels.join(', ')})`,
      ),
      text('export each sex of kön once', 'exportera varje kön en gång'),
    ),
  oneSex: (labels: readonly string[]) =>
    problem(
      text(
        `the file holds only ${labels.join(', ')}, not both sexes`,
        `filen innehåller bara ${labels.join(', ')}, inte båda könen`,
      ),
      text(
        'select both män and kvinnor (or totalt) for kön and export again',
        'välj både män och kvinnor (eller totalt) för kön och exportera igen',
      ),
    ),
  severalTotals: (dimension: string, totals: readonly string[]) =>
    problem(
      text(
        `${dimension} has several totals (${totals.join(', ')})`,
        `${dimension} har flera totaler (${totals.join(', ')})`,
      ),
      text(
        `select one total of ${dimension}, or export the table without ${dimension}`,
        `välj en total för ${dimension}, eller exportera tabellen utan ${dimension}`,
      ),
    ),
  severalContents: (labels: readonly string[]) =>
    problem(
      text(
        `the file holds several contents (${labels.join(', ')}) and larsam cannot tell which is the population`,
        `filen har flera innehåll (${labels.join(', ')}) och larsam kan inte avgöra vilket som är befolkningen`,
      ),
      text(
        'export the table with only the content Folkmängd',
        'exportera tabellen med bara innehållet Folkmängd',
      ),
    ),
  addedWithoutTotal: (dimension: string, labels: readonly string[]) =>
    text(
      `${dimension} has no total, so its ${labels.length} value(s) were added up (${labels.join(', ')}): check that they are all of ${dimension}'s values, or export the table without it`,
      `${dimension} har ingen total, så ${plural(labels.length, 'dess värde', `dess ${labels.length} värden`)} lades ihop (${labels.join(', ')}): kontrollera att det är alla värden för ${dimension}, eller exportera tabellen utan den`,
    ),
  onlyPopulationRead: (count: number, read: string) =>
    text(
      `the file holds ${count} contents; only '${read}' was read`,
      `filen har ${count} innehåll; bara '${read}' lästes`,
    ),
} satisfies Record<string, (...values: never[]) => Text | Problem>;
