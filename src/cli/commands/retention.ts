// larsam retention --keep 10y [--apply | --yes]: loads of personal data past the retention period (issue 15).
import { RIGHTS_REFUSED, RIGHTS_TEXTS as T } from '../../messages/rights.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { tableText } from '../table-text.ts';
import { confirmOnTerminal } from '../rights-prompt.ts';

interface Args extends GlobalArgs {
  keep: string;
  apply: boolean;
  yes: boolean;
  today?: string;
}

export const retentionCommand = defineCommand<Args>({
  command: 'retention',
  describe:
    'Remove loads of personal data older than the retention period (a dry run unless --apply or --yes)',
  builder: (yargs) =>
    yargs
      .option('keep', {
        type: 'string',
        demandOption: true,
        describe: 'the retention period: years (10y) or months (18m)',
      })
      .option('apply', {
        type: 'boolean',
        default: false,
        describe: 'remove them (asks on a terminal; off a terminal needs --yes)',
      })
      .option('yes', { type: 'boolean', default: false, describe: 'remove them without asking' })
      .option('today', {
        type: 'string',
        hidden: true,
        describe: 'the date to count back from, YYYY-MM-DD (default today; for tests)',
      })
      .example(
        '$0 retention --keep 10y',
        'list the loads whose data ended more than ten years ago; nothing is removed',
      )
      .example(
        '$0 retention --keep 18m --yes',
        'remove the loads whose data ended more than 18 months ago',
      )
      .epilogue(
        'A load is older than the period when the latest date its data speaks of is before today minus the period: the end of its latest term ' +
          '(registrations), its latest result_date or term end (results), degree_date (degrees), session_date (participations). Only these four kinds, ' +
          'the ones with a person_id, are judged. Removed loads leave their rows and rejects, are marked expired in the ledger, the ledger table ' +
          'erasures records the period, the loads and the rows per table, and the models are built again; the database file is rewritten and renamed ' +
          'into place, so no deleted bytes remain and a kill leaves it wholly before or after. A later ingest loads such a file again only with --include-erased.',
      ),
  handler: async (args: Args) => {
    const { dbPath, output, lang } = contextFrom(args);
    const { withDatabase } = await import('../../db/database.ts');
    const { parsePeriod, planRetention, applyRetention } = await import(
      '../../rights/retention.ts'
    );
    const period = parsePeriod(args.keep);
    const today = args.today ?? new Date().toISOString().slice(0, 10);
    const apply = args.apply || args.yes;
    const result = await withDatabase(dbPath, {}, async (db) => {
      const plan = await planRetention(db, period, today);
      output.say(T.retentionPlan(plan.loads.length, plan.cutoff, plan.keep)[lang]);
      if (plan.loads.length) {
        output.say(
          tableText(
            [T.file, T.kind, T.load, T.rows, T.latest].map((header) => header[lang]),
            plan.loads.map((l) => [l.file, l.kind, l.loadId, l.rows, l.latest]),
          ),
        );
      }
      if (!plan.loads.length || !apply)
        return { ...plan, applied: false } as Awaited<ReturnType<typeof applyRetention>>;
      const go = await confirmOnTerminal(T.removeQuestion[lang], {
        yes: args.yes,
        refused: RIGHTS_REFUSED.removal(plan.loads.length),
      });
      if (!go) return { ...plan, applied: false } as Awaited<ReturnType<typeof applyRetention>>;
      return applyRetention(db, plan);
    });
    if (result.warning) output.warn(result.warning);
    if (result.applied) {
      output.say(T.reportsUnchanged[lang]);
    }
    output.result(
      {
        applied: result.applied,
        keep: result.keep,
        cutoff: result.cutoff,
        loads: result.loads,
        rows: result.rows,
        seconds: result.times?.totalSeconds,
      },
      () =>
        result.applied
          ? T.removed(
              result.loads.length,
              result.totalRows,
              result.rebuilds && !result.warning,
              result.times!.totalSeconds,
            )[lang]
          : result.loads.length
            ? T.nothingRemoved[lang]
            : '',
    );
  },
});
