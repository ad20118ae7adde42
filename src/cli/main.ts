// The larsam command line. Commands parse and print; the work is in the library.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { translateDiskFull } from '../db/disk-full.ts';
import { CLI_ERRORS } from '../messages/cli.ts';
import { userError } from '../messages/message.ts';
import { LarsamError, EXIT_USAGE_OR_DATA, formatUserError } from '../util/errors.ts';
import { generateCommand } from './commands/generate.ts';
import { ingestCommand } from './commands/ingest.ts';
import { queryCommand } from './commands/query.ts';
import { statusCommand } from './commands/status.ts';
import { buildCommand } from './commands/build.ts';
import { explainCommand } from './commands/explain.ts';
import { runCommand } from './commands/run.ts';
import { decideCommand } from './commands/decide.ts';
import { reportCommand } from './commands/report.ts';
import { personCommand } from './commands/person.ts';
import { forgetCommand } from './commands/forget.ts';
import { retentionCommand } from './commands/retention.ts';

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A reader that stops early (`larsam query … | head`) closes the pipe: nothing left to say.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await yargs(argv)
      .scriptName('larsam')
      .usage(
        '$0 <command> [options]\n\nFollow-up of widened recruitment and throughput for Mittuniversitetet and the learning centres.',
      )
      .option('db', {
        type: 'string',
        default: '.larsam/larsam.duckdb',
        describe: 'the database file',
        global: true,
      })
      .option('lang', {
        choices: ['sv', 'en'] as const,
        describe: "language of reports and messages (default sv, or the pipeline's)",
        global: true,
      })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'print nothing but errors',
        global: true,
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'machine-readable output on stdout',
        global: true,
      })
      .option('debug', {
        type: 'boolean',
        default: false,
        describe: 'show stack traces',
        global: true,
      })
      .command(runCommand)
      .command(ingestCommand)
      .command(statusCommand)
      .command(queryCommand)
      .command(generateCommand)
      .command(buildCommand)
      .command(decideCommand)
      .command(reportCommand)
      .command(explainCommand)
      .command(personCommand)
      .command(forgetCommand)
      .command(retentionCommand)
      .demandCommand(1, 'Name a command: larsam --help lists them.')
      .strict()
      .fail((message, error) => {
        if (error) throw error;
        // An error is one line: yargs writes some messages over several lines, and the
        // period before "Fix:" is added when printing.
        const cause = message.replace(/\s*\n\s*/g, ' ').replace(/[\s.]+$/, '');
        throw userError(CLI_ERRORS.usage(cause));
      })
      .help()
      .version()
      .wrap(Math.min(100, process.stdout.columns || 100))
      .parseAsync();
  } catch (thrown) {
    // A full disk or a file size limit is the user's to fix, whichever command met it.
    const error = translateDiskFull(thrown);
    if (error instanceof LarsamError) {
      process.stderr.write(`error: ${formatUserError(error)}\n`);
      if (debug && error.cause)
        process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (debug) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    else
      process.stderr.write(
        'This looks like a bug in larsam. Run again with --debug and report what it prints.\n',
      );
    process.exitCode = EXIT_USAGE_OR_DATA;
  }
}

await main(hideBin(process.argv));
