// larsam run [pipeline.json]: the main job on a pipeline definition.
import { readPipeline } from '../../pipeline/definition.ts';
import { EXIT_USAGE_OR_DATA, formatUserError } from '../../util/errors.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';
import { startProgress } from '../progress.ts';
import { describePlan } from '../replacement-prompt.ts';

interface Args extends GlobalArgs {
  definition: string;
}

const n = (value: number) => value.toLocaleString('sv-SE');

function recommendationCounts(decisions: { recommendation: string }[]): string {
  if (!decisions.length) return 'no activities';
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.recommendation, (counts.get(d.recommendation) ?? 0) + 1);
  return `${decisions.length} activities: ${[...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, c]) => `${c} ${r}`)
    .join(', ')}`;
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
    const { dbPath, output } = contextFrom(args);
    const definition = readPipeline(args.definition);
    const { withDatabase } = await import('../../db/database.ts');
    const { runPipeline } = await import('../../pipeline/run-pipeline.ts');
    const report = await withDatabase(dbPath, {}, (db) => {
      let stop: () => void = () => {};
      return runPipeline(db, definition, {
        ...(args.lang ? { lang: args.lang } : {}),
        onStage: (stage) => {
          if (output.interactive) process.stderr.write(`\r${stage} …\x1b[K`);
        },
        onFile: (file, phase) => {
          if (phase === 'start') stop = startProgress(db, output, file.displayName);
          else stop();
        },
        onReplace: (plan) => {
          if (output.interactive) process.stderr.write('\r\x1b[K');
          for (const line of describePlan(plan)) output.say(line);
          return true;
        },
      });
    });
    if (output.interactive) process.stderr.write('\r\x1b[K');
    for (const failure of report.ingest.failures)
      process.stderr.write(`error: ${formatUserError(failure.error)}\n`);
    for (const skipped of report.ingest.skipped)
      output.warn(`${skipped.file}: not loaded, ${skipped.reason}`);
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
    if (erased)
      output.say(
        `${n(erased)} row(s) of erased persons (larsam forget) in the inputs were skipped, not loaded`,
      );
    const expired = loaded.filter((r) => r.expired).map((r) => r.file);
    if (expired.length)
      output.say(`not loaded again, removed by larsam retention: ${expired.join(', ')}`);
    output.result({ definition: definition.path, ...report }, () =>
      [
        `${definition.name}`,
        `  ingest: ${loaded.length} file(s), ${n(totals.read)} rows read, ${n(totals.rejected)} rejected${report.ingest.failures.length ? `, ${report.ingest.failures.length} file(s) failed` : ''}`,
        `  build:  ${report.build.models.length} models, ${report.build.tests.length} data tests, ${findings.length} with findings (larsam build lists them)`,
        `  decide: ${recommendationCounts(report.report.data.decisions)}`,
        `  report: ${report.report.folder}/index.html`,
        `  time:   ${report.timings.map((t) => `${t.stage} ${t.seconds.toFixed(1)} s`).join(', ')}`,
      ].join('\n'),
    );
    if (report.ingest.failures.length) process.exitCode = EXIT_USAGE_OR_DATA;
  },
});
