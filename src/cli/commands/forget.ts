// larsam forget <personnummer…> | --file F: the data subject's right to erasure (issue 15).
import { readFileSync } from 'node:fs';
import { userError } from '../../messages/message.ts';
import { RIGHTS_ERRORS, RIGHTS_REFUSED } from '../../messages/rights.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { confirmOnTerminal } from '../rights-prompt.ts';
import type { ForgetPlan } from '../../rights/forget.ts';

interface Args extends GlobalArgs {
  personnummer?: string[];
  file?: string;
  yes: boolean;
  dryRun: boolean;
}

function planLines(plan: ForgetPlan, sv: boolean): string[] {
  const lines = [
    sv
      ? `Raderar ${plan.persons} person(er) (${plan.found} med rader i databasen${plan.alreadyErased ? `, ${plan.alreadyErased} raderade tidigare` : ''}): ${plan.totalRows} rad(er)`
      : `Erases ${plan.persons} person(s) (${plan.found} with rows in the database${plan.alreadyErased ? `, ${plan.alreadyErased} erased before` : ''}): ${plan.totalRows} row(s)`,
    ...plan.rows.map((r) => `  ${r.table}: ${r.rows}`),
  ];
  if (plan.loads.length) {
    lines.push(
      sv ? 'från inläsningarna:' : 'from the loads:',
      ...plan.loads.map((l) => `  ${l.file} (${sv ? 'inläsning' : 'load'} ${l.loadId}): ${l.rows}`),
    );
  }
  lines.push(
    sv
      ? `Databasfilen skrivs om så att inga raderade byte finns kvar${plan.rebuilds ? ', och modellerna byggs om' : ''}; en raderingsmarkering hindrar att personerna läses in igen i tysthet.`
      : `The database file is rewritten so that no deleted bytes remain${plan.rebuilds ? ', and the models are built again' : ''}; a tombstone keeps a later ingest from loading the persons again silently.`,
  );
  return lines;
}

export const forgetCommand = defineCommand<Args>({
  command: 'forget [personnummer..]',
  describe:
    'Erase persons (right to erasure): their rows in every table, then rebuild; the ledger records how many, never who',
  builder: (yargs) =>
    yargs
      .positional('personnummer', {
        type: 'string',
        array: true,
        describe: 'one or more personnummer or samordningsnummer',
      })
      .option('file', {
        type: 'string',
        describe:
          'a file with one personnummer a line (keeps the numbers out of the shell history)',
      })
      .option('yes', {
        type: 'boolean',
        default: false,
        describe: 'do not ask (needed off a terminal)',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'only show what would be erased',
      })
      .example('$0 forget 19900101-1234', 'show the plan, ask, then erase the person')
      .example('$0 forget --file erase.txt --yes', 'erase every person of the file without asking')
      .epilogue(
        'The rows of the persons leave raw_registrations, raw_results, raw_participations and raw_degrees, the models are built again with the last ' +
          "build's settings, and the ledger table erasures gets one row: when, how many persons, the loads and rows per table (no number, no pseudonym). " +
          'The database file is rewritten and renamed into place (DuckDB keeps the bytes of deleted rows otherwise), so a kill leaves it wholly before or after. ' +
          'Each person gets a tombstone in erased_persons, a keyed hash of the pseudonym (not the pseudonym): a later ingest of a file that still holds ' +
          'them skips their rows and says how many; ingest --include-erased loads them and lifts their tombstones. A person not in the database gets a tombstone too.',
      ),
  handler: async (args: Args) => {
    const { dbPath, output, lang } = contextFrom(args);
    const sv = lang === 'sv';
    const numbers = [...(args.personnummer ?? []).map(String)];
    if (args.file) {
      numbers.push(
        ...readFileSync(args.file, 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '' && !l.startsWith('#')),
      );
    }
    if (!numbers.length) throw userError(RIGHTS_ERRORS.noPersonNamed());
    const { withDatabase } = await import('../../db/database.ts');
    const { forget } = await import('../../rights/forget.ts');
    const result = await withDatabase(dbPath, {}, (db) =>
      forget(db, numbers, {
        dryRun: args.dryRun,
        confirm: async (plan) => {
          for (const line of planLines(plan, sv)) output.say(line);
          return confirmOnTerminal(sv ? 'Radera?' : 'Erase?', {
            yes: args.yes,
            refused: RIGHTS_REFUSED.erasure(plan.persons),
          });
        },
      }),
    );
    if (args.dryRun) for (const line of planLines(result, sv)) output.say(line);
    if (result.warning) output.warn(result.warning);
    if (result.applied) {
      output.say(
        sv
          ? 'Rapporter som redan skrivits (reports/) och kopior eller säkerhetskopior av databasen ändras inte: skriv rapporten igen (larsam report eller run).'
          : 'Reports written before (reports/) and copies or backups of the database are not changed: write the report again (larsam report or run).',
      );
    }
    output.result(
      {
        applied: result.applied,
        persons: result.persons,
        found: result.found,
        already_erased: result.alreadyErased,
        rows: result.rows,
        loads: result.loads,
        rebuilt: result.applied && result.rebuilds && !result.warning,
        seconds: result.times?.totalSeconds,
      },
      () =>
        result.applied
          ? sv
            ? `Raderade ${result.persons} person(er): ${result.totalRows} rad(er) borttagna${result.rebuilds && !result.warning ? ', modellerna ombyggda' : ''} (${result.times!.totalSeconds.toFixed(1)} s).`
            : `Erased ${result.persons} person(s): ${result.totalRows} row(s) removed${result.rebuilds && !result.warning ? ', models rebuilt' : ''} (${result.times!.totalSeconds.toFixed(1)} s).`
          : sv
            ? 'Inget raderat (--dry-run).'
            : 'Nothing erased (--dry-run).',
    );
  },
});
