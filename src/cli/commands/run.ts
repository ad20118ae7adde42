// larsam run [pipeline.json]: the main job on a pipeline definition.
import { CLI_TEXTS } from '../../messages/cli.ts';
import { readPipeline } from '../../pipeline/definition.ts';
import { EXIT_USAGE_OR_DATA, formatUserError } from '../../util/errors.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';
import { STOPPED_LINES, untilStopped } from '../interrupt.ts';
import { describePlan } from '../replacement-prompt.ts';

interface Args extends GlobalArgs {
  definition: string;
}

function recommendationCounts(decisions: { recommendation: string }[]): string {
  if (!decisions.length) return CLI_TEXTS.noActivities.en;
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.recommendation, (counts.get(d.recommendation) ?? 0) + 1);
  const byRecommendation = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, c]) => `${c} ${r}`)
    .join(', ');
  return CLI_TEXTS.activities(decisions.length, byRecommendation).en;
}

export const runCommand = defineCommand<Args>({
  command: 'run [definition]',
  describe:
    'The main job: ingest the inputs of a pipeline definition, build, test, decide and write the report',
  builder: (yargs) =>
    yargs
      .positional('definition', {
        type: 'string',
        default: 'pipelines/term-report.json',
        describe: 'the pipeline definition',
      })
      .example('$0 run', 'run pipelines/term-report.json on its inputs'),
  handler: async (args) => {
    const context = contextFrom(args);
    const { dbPath, output } = context;
    const definition = readPipeline(args.definition);
    const { withDatabase } = await import('../../db/database.ts');
    const { runPipeline } = await import('../../pipeline/run-pipeline.ts');
    const report = await untilStopped(context, STOPPED_LINES.run, ({ display, ...control }) =>
      withDatabase(dbPath, {}, (db) =>
        runPipeline(db, definition, {
          ...(args.lang ? { lang: args.lang } : {}),
          ...control,
          onStage: (stage) => display.enter(stage),
          onReplace: (plan) => {
            display.clear();
            for (const line of describePlan(plan)) output.say(line);
            return true;
          },
        }),
      ),
    );
    if (report === undefined) return; // stopped (Ctrl-C): its line is printed
    for (const failure of report.ingest.failures)
      process.stderr.write(`error: ${formatUserError(failure.error)}\n`);
    for (const skipped of report.ingest.skipped)
      output.warn(CLI_TEXTS.notLoaded(skipped.file, skipped.reason).en);
    const loaded = report.ingest.results;
    const totals = loaded.reduce(
      (s, r) => ({ read: s.read + r.rowsRead, rejected: s.rejected + r.rowsRejected }),
      { read: 0, rejected: 0 },
    );
    const findings = report.build.tests.filter((t) => t.failingRows > 0);
    // Rows of erased persons and files removed by retention are not loaded again (larsam forget, retention).
    const erased = loaded.reduce(
      (sum, r) => sum + (r.erased && !r.erased.restored ? r.erased.rows : 0),
      0,
    );
    if (erased) output.say(CLI_TEXTS.erasedSkipped(erased).en);
    const expired = loaded.filter((r) => r.expired).map((r) => r.file);
    if (expired.length) output.say(CLI_TEXTS.expiredSkipped(expired).en);
    output.result({ definition: definition.path, ...report }, () =>
      [
        `${definition.name}`,
        CLI_TEXTS.runIngest(
          loaded.length,
          totals.read,
          totals.rejected,
          report.ingest.failures.length,
        ).en,
        CLI_TEXTS.runBuild(report.build.models.length, report.build.tests.length, findings.length)
          .en,
        CLI_TEXTS.runDecide(recommendationCounts(report.report.data.decisions)).en,
        CLI_TEXTS.runReport(`${report.report.folder}/index.html`).en,
        CLI_TEXTS.runTime(
          report.timings.map((t) => `${t.stage} ${t.seconds.toFixed(1)} s`).join(', '),
        ).en,
      ].join('\n'),
    );
    if (report.ingest.failures.length) process.exitCode = EXIT_USAGE_OR_DATA;
  },
});
