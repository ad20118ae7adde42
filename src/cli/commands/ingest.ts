// larsam ingest <path…> [--kind K] [--replace | --replace-kind] [--yes] [--strict]
import { INVALID_CHECKSUM_REASON } from '../../ingest/personnummer.ts';
import { rejectReasons } from '../../messages/rejects.ts';
import type { LoadResult } from '../../ingest/load-file.ts';
import { EXIT_STRICT_REJECTS, EXIT_USAGE_OR_DATA, formatUserError } from '../../util/errors.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { STOPPED_LINES, untilStopped } from '../interrupt.ts';
import { KINDS } from '../../contract/kinds.ts';
import { setExitCode } from '../exit-code.ts';
import { announceAndConfirm } from '../replacement-prompt.ts';

interface Args extends GlobalArgs {
  paths: string[];
  kind?: string;
  replace?: boolean;
  'replace-kind'?: boolean;
  yes: boolean;
  strict: boolean;
  'include-erased': boolean;
}

const n = (value: number) => value.toLocaleString('sv-SE');

/** What a load did with rows of erased persons (larsam forget) or a file removed by retention. */
function erasedLine(result: LoadResult): string | null {
  if (result.expired)
    return `${result.file}: removed by larsam retention earlier (same content), not loaded again; --include-erased loads it`;
  const e = result.erased;
  if (!e || e.rows === 0) return null;
  const who = e.persons === null ? 'erased persons' : `${n(e.persons)} erased person(s)`;
  if (e.restored)
    return `${result.file}: ${n(e.rows)} row(s) of ${who} loaded again (--include-erased); their tombstones are lifted`;
  return `${result.file}: ${n(e.rows)} row(s) of ${who} (larsam forget) skipped, not loaded; --include-erased loads them`;
}

function summaryLine(result: LoadResult): string {
  if (result.status === 'unchanged')
    return `${result.file}: unchanged since it was loaded (same content), nothing done`;
  const verb = result.status === 'failed_strict' ? 'NOT loaded (--strict)' : 'loaded';
  const replaced = result.replaced.length
    ? `, replacing ${result.replaced.map((r) => `${r.file} (${n(r.rows)} rows)`).join(', ')}`
    : '';
  return `${result.file} → ${result.kind} (${result.format}${result.encoding ? `, ${result.encoding}` : ''}): ${n(result.rowsRead)} rows read, ${n(result.rowsLoaded)} ${verb}, ${n(result.rowsRejected)} rejected${replaced}`;
}

export const ingestCommand = defineCommand<Args>({
  command: 'ingest <paths..>',
  describe: 'Load files or folders into the database (kind from the file name, or --kind)',
  builder: (yargs) =>
    yargs
      .positional('paths', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'files or folders',
      })
      .option('kind', { type: 'string', choices: KINDS, describe: 'the kind of every file named' })
      .option('replace', {
        type: 'boolean',
        describe:
          'also replace earlier loads of the same file name from any folder (a new version under the same path always replaces)',
      })
      .option('replace-kind', {
        type: 'boolean',
        conflicts: 'replace',
        describe: 'replace every earlier load of the kind',
      })
      .option('yes', {
        type: 'boolean',
        default: false,
        describe:
          'do not ask before a replacement that removes more than half of a kind (needed off a terminal)',
      })
      .option('strict', {
        type: 'boolean',
        default: false,
        describe: 'load nothing of a file that has any rejected row (exit code 2)',
      })
      .option('include-erased', {
        type: 'boolean',
        default: false,
        describe:
          'also load rows of persons erased with larsam forget (their tombstones are lifted, so they count as present again) and files removed by larsam retention; without it such rows are skipped and counted',
      })
      .example('$0 ingest data-samples/', 'load every data file in the folder')
      .example('$0 ingest export.csv --kind results --strict', 'load one file, all or nothing')
      .example(
        '$0 ingest new/registrations.csv --replace',
        'replace the registrations.csv loaded earlier from another folder; the files and rows removed are listed first',
      )
      .example(
        '$0 ingest registrations-all.csv --replace-kind --yes',
        'replace every registrations file loaded before, without asking',
      ),
  handler: async (args: Args) => {
    const context = contextFrom(args);
    const { output } = context;
    const { withDatabase } = await import('../../db/database.ts');
    const { ingest } = await import('../../ingest/ingest.ts');
    const report = await untilStopped(context, STOPPED_LINES.ingest, ({ display, ...control }) =>
      withDatabase(context.dbPath, {}, (db) =>
        ingest(db, args.paths, {
          ...control,
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args['replace-kind']
            ? { replace: 'kind' as const }
            : args.replace
              ? { replace: 'name' as const }
              : {}),
          strict: args.strict,
          includeErased: args['include-erased'],
          onReplace: (plan) => {
            display.clear();
            return announceAndConfirm(plan, { yes: args.yes, say: (line) => output.say(line) });
          },
        }),
      ),
    );
    if (report === undefined) return; // stopped (Ctrl-C): its line is printed
    for (const result of report.results) {
      const erased = erasedLine(result);
      if (!result.expired) output.say(summaryLine(result));
      if (erased) output.say(erased);
      for (const warning of result.warnings) output.warn(`${result.file}: ${warning}`);
      for (const reject of result.rejects) {
        output.say(
          `  line ${reject.line ?? '?'}${reject.column ? `, column ${reject.column}` : ''}: ${withFix(reject.reason)}`,
        );
      }
      if (result.rowsRejected > result.rejects.length && result.rejects.length) {
        output.say(
          `  … see all with: larsam query "select * from rejects where load_id = ${result.loadId ?? 'N'}"`,
        );
      }
    }
    for (const skipped of report.skipped)
      output.warn(`${skipped.file}: not loaded, ${skipped.reason}`);
    for (const failure of report.failures)
      process.stderr.write(`error: ${formatUserError(failure.error)}\n`);
    const totals = report.results.reduce(
      (sum, r) => ({
        read: sum.read + r.rowsRead,
        loaded: sum.loaded + (r.status === 'loaded' ? r.rowsLoaded : 0),
        rejected: sum.rejected + r.rowsRejected,
      }),
      { read: 0, loaded: 0, rejected: 0 },
    );
    output.result(
      {
        ...report,
        plan: { mode: report.plan.mode, removals: report.plan.removals, kinds: report.plan.kinds },
        failures: report.failures.map((f) => ({ file: f.file, error: formatUserError(f.error) })),
        totals,
      },
      () =>
        `${report.results.length} file(s): ${n(totals.read)} rows read, ${n(totals.loaded)} loaded, ${n(totals.rejected)} rejected${report.failures.length ? `; ${report.failures.length} file(s) failed` : ''}`,
    );
    if (report.failures.length) setExitCode(context, EXIT_USAGE_OR_DATA);
    else if (report.results.some((r) => r.status === 'failed_strict'))
      setExitCode(context, EXIT_STRICT_REJECTS);
  },
});

/** The contract fixes the checksum reject's words, so its fix is printed after them. */
function withFix(reason: string): string {
  return reason === INVALID_CHECKSUM_REASON
    ? `${reason}. Fix: ${rejectReasons.invalidChecksum().fix.en}`
    : reason;
}
