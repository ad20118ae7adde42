// larsam report [--term T] [--out DIR]: write the term report folder.
import { CLI_TEXTS } from '../../messages/cli.ts';
import { existsSync } from 'node:fs';
import { readPipeline } from '../../pipeline/definition.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';
import { STOPPED_LINES, untilStopped } from '../interrupt.ts';

interface Args extends GlobalArgs {
  term?: string;
  out?: string;
  pipeline: string;
  build: boolean;
}

export const reportCommand = defineCommand<Args>({
  command: 'report',
  describe: 'Write the term report (HTML, charts, CSV, JSON) for a review term',
  builder: (yargs) =>
    yargs
      .option('term', {
        type: 'string',
        describe: 'the review term (default: the latest term with registrations)',
      })
      .option('out', {
        type: 'string',
        describe:
          "the folder under which <term>/ is written (default: the pipeline's, else reports)",
      })
      .option('build', {
        type: 'boolean',
        default: true,
        describe:
          'build the models again first when data was loaded after the last build (--no-build: refuse instead)',
      })
      .option('pipeline', {
        type: 'string',
        default: 'pipelines/term-report.json',
        describe: 'definition whose settings apply',
      })
      .example('$0 report --term HT2025 --lang en', 'reports/HT2025/ in English'),
  handler: async (args) => {
    const context = contextFrom(args);
    const { dbPath, output, lang } = context;
    const fresh = { build: args.build, lang, say: (line: string) => output.say(line) };
    const pipeline = existsSync(args.pipeline) ? readPipeline(args.pipeline) : undefined;
    const { withFreshModels } = await import('../../models/freshness.ts');
    const { writeReportAtomically } = await import('../../report/write-report-atomic.ts');
    const written = await untilStopped(
      context,
      STOPPED_LINES.report,
      ({ display: _, ...control }) =>
        withFreshModels(dbPath, fresh, (db) =>
          writeReportAtomically(db, {
            ...control,
            term: args.term ?? pipeline?.review_term,
            out: args.out ?? pipeline?.outPath ?? 'reports',
            lang,
            minN: pipeline?.settings.min_n ?? 10,
            title: pipeline?.name ?? CLI_TEXTS.reportTitle[lang],
          }),
        ),
    );
    if (written === undefined) return; // stopped (Ctrl-C): its line is printed
    output.result(
      { folder: written.folder, reviewTerm: written.reviewTerm, files: written.files },
      () =>
        CLI_TEXTS.reportWritten(
          written.reviewTerm,
          `${written.folder}/index.html`,
          written.files.length,
        )[lang],
    );
  },
});
