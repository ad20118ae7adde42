// The messages of the command line (src/cli): usage errors, the read-only query, and the
// confirmations that are refused where there is no terminal to ask on.
import { type Problem, problem, text } from './message.ts';

/** Row counts as ingest prints them (space-grouped, in both languages). */
const n = (value: number) => value.toLocaleString('sv-SE');

export const CLI_ERRORS = {
  /** A usage error of yargs: its message is English, as yargs writes it. */
  usage: (cause: string): Problem =>
    problem(
      text(cause, cause),
      text(
        'see larsam --help, or larsam <command> --help',
        'se larsam --help, eller larsam <kommando> --help',
      ),
    ),
  minCell: (given: number): Problem =>
    problem(
      text(
        `--min-cell must be a whole number of at least 1, not ${given}`,
        `--min-cell ska vara ett heltal som är minst 1, inte ${given}`,
      ),
      text('give e.g. --min-cell 5 (the default)', 'ange t.ex. --min-cell 5 (standardvärdet)'),
    ),
  queryFailed: (cause: string): Problem =>
    problem(
      text(`the query failed: ${cause}`, `frågan misslyckades: ${cause}`),
      text(
        'check the SQL; only reading queries run here (tables: loads, rejects, raw_<kind>, and the models once built)',
        'kontrollera SQL-koden; här körs bara läsande frågor (tabeller: loads, rejects, raw_<typ>, och modellerna när de är byggda)',
      ),
    ),
  /** More than half of a kind's rows would go, and no terminal can confirm it. */
  replacementRefused: (shares: { kind: string; removedRows: number; loadedRows: number }[]) =>
    problem(
      text(
        `the replacement would remove ${shares
          .map((k) => `${n(k.removedRows)} of the ${n(k.loadedRows)} rows of ${k.kind}`)
          .join(
            ', ',
          )}, more than half, and there is no terminal to confirm it; nothing was changed`,
        `ersättningen skulle ta bort ${shares
          .map((k) => `${n(k.removedRows)} av de ${n(k.loadedRows)} raderna i ${k.kind}`)
          .join(
            ', ',
          )}, mer än hälften, och det finns ingen terminal att bekräfta det på; inget har ändrats`,
      ),
      text(
        'check the files listed above, then run again with --yes (or replace a single file by loading its new version under the same path)',
        'kontrollera filerna i listan ovan och kör sedan igen med --yes (eller ersätt en enstaka fil genom att läsa in dess nya version under samma sökväg)',
      ),
    ),
};

const rebuiltIf = (on: boolean, t: ReturnType<typeof text>) => (on ? t : text('', ''));

/** What the commands print besides errors (the CLI prints the English until it speaks Swedish). */
export const CLI_TEXTS = {
  // larsam run
  notLoaded: (file: string, reason: string) =>
    text(`${file}: not loaded, ${reason}`, `${file}: inte inläst, ${reason}`),
  erasedSkipped: (rows: number) =>
    text(
      `${n(rows)} row(s) of erased persons (larsam forget) in the inputs were skipped, not loaded`,
      `${n(rows)} rad(er) för raderade personer (larsam forget) i indata hoppades över och lästes inte in`,
    ),
  expiredSkipped: (files: string[]) =>
    text(
      `not loaded again, removed by larsam retention: ${files.join(', ')}`,
      `läses inte in igen, borttagna av larsam retention: ${files.join(', ')}`,
    ),
  noActivities: text('no activities', 'inga aktiviteter'),
  activities: (count: number, byRecommendation: string) =>
    text(`${count} activities: ${byRecommendation}`, `${count} aktiviteter: ${byRecommendation}`),
  runIngest: (files: number, read: number, rejected: number, failed: number) => {
    const failures = rebuiltIf(
      failed > 0,
      text(`, ${failed} file(s) failed`, `, ${failed} fil(er) misslyckades`),
    );
    return text(
      `  ingest: ${files} file(s), ${n(read)} rows read, ${n(rejected)} rejected${failures.en}`,
      `  inläsning: ${files} fil(er), ${n(read)} rader lästa, ${n(rejected)} avvisade${failures.sv}`,
    );
  },
  runBuild: (models: number, tests: number, findings: number) =>
    text(
      `  build:  ${models} models, ${tests} data tests, ${findings} with findings (larsam build lists them)`,
      `  bygge:  ${models} modeller, ${tests} datatester, ${findings} med fynd (larsam build listar dem)`,
    ),
  runDecide: (counts: string) => text(`  decide: ${counts}`, `  beslut: ${counts}`),
  runReport: (index: string) => text(`  report: ${index}`, `  rapport: ${index}`),
  runTime: (stages: string) => text(`  time:   ${stages}`, `  tid:    ${stages}`),

  // larsam build
  built: (models: number, seconds: number, tests: number, withFindings: number) =>
    text(
      `Built ${models} models in ${seconds.toFixed(1)} s; ${tests} data tests, ${withFindings} with findings.`,
      `Byggde ${models} modeller på ${seconds.toFixed(1).replace('.', ',')} s; ${tests} datatester, ${withFindings} med fynd.`,
    ),
  findingsHeaders: [
    text('data test', 'datatest'),
    text('severity', 'allvar'),
    text('rows', 'rader'),
    text('what', 'vad'),
  ],

  // larsam report
  reportTitle: text('Term report', 'Terminsrapport'),
  reportWritten: (term: string, index: string, files: number) =>
    text(
      `The report ${term}: ${index} (${files} files)`,
      `Rapporten ${term}: ${index} (${files} filer)`,
    ),

  // larsam generate
  strangers: (out: string, names: string[]) => {
    const many = names.length > 1;
    return text(
      `${out} also holds ${names.join(', ')}; ingest of the folder would read ${many ? 'them' : 'it'} together with the generated files (remove ${many ? 'them' : 'it'}, or write to an empty folder)`,
      `${out} innehåller också ${names.join(', ')}; en inläsning av mappen skulle läsa ${many ? 'dem' : 'den'} tillsammans med de genererade filerna (ta bort ${many ? 'dem' : 'den'}, eller skriv till en tom mapp)`,
    );
  },

  // the plan of a replacement (ingest and run)
  replaceHead: (loads: number) =>
    text(
      `Before loading, this removes ${loads} earlier load(s):`,
      `Före inläsningen tas ${loads} tidigare inläsning(ar) bort:`,
    ),
  replaceLoad: (path: string, kind: string, rows: number, by: string, because: string) =>
    text(
      `  ${path} (${kind}): ${n(rows)} rows, replaced by ${by} (${because})`,
      `  ${path} (${kind}): ${n(rows)} rader, ersätts av ${by} (${because})`,
    ),
  replaceKind: (kind: string, removed: number, loaded: number) =>
    text(
      `  ${kind}: ${n(removed)} of its ${n(loaded)} loaded rows removed`,
      `  ${kind}: ${n(removed)} av dess ${n(loaded)} inlästa rader tas bort`,
    ),
};
