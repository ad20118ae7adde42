// larsam build: (re)build the SQL models and run the data tests.
import {
  DEFAULT_BUILD_SETTINGS,
  SHARE_RULES,
  type ShareRule,
} from '../../models/build-settings.ts';
import { CLI_ERRORS, CLI_TEXTS } from '../../messages/cli.ts';
import { userError } from '../../messages/message.ts';
import { EXIT_USAGE_OR_DATA } from '../../util/errors.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';
import { tableText } from '../table-text.ts';
import { STOPPED_LINES, untilStopped } from '../interrupt.ts';

interface Args extends GlobalArgs {
  asOf?: string;
  graceDays: number;
  minCell: number;
  shareRule: ShareRule;
  regionCounties?: string;
  regionMunicipalities?: string;
}

/** "21, 22,23" → ["21", "22", "23"]; absent → undefined. */
function codeList(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
}

export const buildCommand = defineCommand<Args>({
  command: 'build',
  describe: 'Build the SQL models (indicators) and run the data tests',
  builder: (yargs) =>
    yargs
      .option('as-of', {
        type: 'string',
        describe: "the data's as-of date YYYY-MM-DD (default: the latest result date loaded)",
      })
      .option('grace-days', {
        type: 'number',
        default: DEFAULT_BUILD_SETTINGS.graceDays,
        describe: "days after a term's end that results still count for it",
      })
      .option('min-cell', {
        type: 'number',
        default: DEFAULT_BUILD_SETTINGS.minCell,
        describe: 'counts from 1 to min-cell − 1 persons are published as ".."',
      })
      .option('share-rule', {
        choices: SHARE_RULES,
        default: 'denominator' as ShareRule,
        describe:
          'a share is hidden when its denominator is small (denominator), or also its numerator or complement (cells)',
      })
      // string, not number: "01" keeps its zero
      .option('region-counties', {
        type: 'string',
        describe: 'the collaboration region as county codes, e.g. 21,22,23 (the default)',
      })
      .option('region-municipalities', {
        type: 'string',
        describe:
          'municipality codes in the region (besides those of --region-counties), e.g. 2380,2321',
      })
      .example('$0 build', 'build everything')
      .example(
        '$0 build --region-counties 25',
        'the region is Norrbottens län (when no municipalities file is loaded)',
      )
      .example('$0 build --as-of 2026-02-15', 'mark four-term values preliminary as of that date'),
  handler: async (args) => {
    const context = contextFrom(args);
    const { dbPath, output } = context;
    if (!(Number.isInteger(args.minCell) && args.minCell >= 1)) {
      throw userError(CLI_ERRORS.minCell(args.minCell));
    }
    const { withDatabase } = await import('../../db/database.ts');
    const { buildModels } = await import('../../models/build.ts');
    const counties = codeList(args.regionCounties);
    const municipalities = codeList(args.regionMunicipalities);
    const region =
      counties || municipalities
        ? { counties: counties ?? [], municipalities: municipalities ?? [] }
        : undefined;
    const report = await untilStopped(context, STOPPED_LINES.build, ({ display: _, ...control }) =>
      withDatabase(dbPath, {}, (db) =>
        buildModels(
          db,
          {
            ...DEFAULT_BUILD_SETTINGS,
            graceDays: args.graceDays,
            minCell: args.minCell,
            shareRule: args.shareRule,
            ...(args.asOf ? { asOf: args.asOf } : {}),
            ...(region ? { region } : {}),
          },
          undefined,
          control,
        ),
      ),
    );
    if (report === undefined) return; // stopped (Ctrl-C): its line is printed
    const warnings = report.tests.filter((t) => t.failingRows > 0);
    output.result(report, () =>
      [
        CLI_TEXTS.built(report.models.length, report.seconds, report.tests.length, warnings.length)
          .en,
        ...(warnings.length
          ? [
              '',
              tableText(
                CLI_TEXTS.findingsHeaders.map((header) => header.en),
                warnings.map((w) => [w.name, w.severity, w.failingRows, w.description]),
              ),
            ]
          : []),
      ].join('\n'),
    );
    if (warnings.some((w) => w.severity === 'error')) process.exitCode = EXIT_USAGE_OR_DATA;
  },
});
