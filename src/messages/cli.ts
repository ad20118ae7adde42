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
  noDatabase: (path: string): Problem =>
    problem(
      text(`there is no database at ${path}`, `det finns ingen databas i ${path}`),
      text(
        'load data first with  larsam ingest <files>, or point --db at the database',
        'läs först in data med  larsam ingest <filer>, eller ange databasen med --db',
      ),
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
