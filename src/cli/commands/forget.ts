// larsam forget <personnummer…> | --file F: the data subject's right to erasure (issue 15).
import { readFileSync } from 'node:fs';
import { userError } from '../../messages/message.ts';
import type { Lang } from '../../i18n/lang.ts';
import { RIGHTS_ERRORS, RIGHTS_REFUSED, RIGHTS_TEXTS as T } from '../../messages/rights.ts';
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

function planLines(plan: ForgetPlan, lang: Lang): string[] {
  const lines = [T.erasePlan(plan)[lang], ...plan.rows.map((r) => `  ${r.table}: ${r.rows}`)];
  if (plan.loads.length) {
    lines.push(
      T.fromTheLoads[lang],
      ...plan.loads.map((l) => T.loadLine(l.file, l.loadId, l.rows)[lang]),
    );
  }
  lines.push(T.eraseHow(plan.rebuilds)[lang]);
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
          for (const line of planLines(plan, lang)) output.say(line);
          return confirmOnTerminal(T.eraseQuestion[lang], {
            yes: args.yes,
            refused: RIGHTS_REFUSED.erasure(plan.persons),
          });
        },
      }),
    );
    if (args.dryRun) for (const line of planLines(result, lang)) output.say(line);
    if (result.warning) output.warn(result.warning);
    if (result.applied) {
      output.say(T.reportsUnchangedWriteAgain[lang]);
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
        (result.applied
          ? T.erased(
              result.persons,
              result.totalRows,
              result.rebuilds && !result.warning,
              result.times!.totalSeconds,
            )
          : T.nothingErased)[lang],
    );
  },
});
