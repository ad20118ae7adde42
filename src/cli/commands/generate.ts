// larsam generate [--out DIR] [--persons N] [--seed S] [--from-term T] [--to-term T] [--format csv|parquet]
import { CLI_TEXTS } from '../../messages/cli.ts';
import { basename } from 'node:path';
import type { GenerateStep } from '../../generate/generate.ts';
import { GENERATE_DEFAULTS, type GenerateFormat } from '../../generate/options.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { tableText } from '../table-text.ts';

interface Args extends GlobalArgs {
  out: string;
  persons: number;
  seed: number;
  fromTerm: string;
  toTerm: string;
  format: GenerateFormat;
  memoryLimit: string;
}

const n = (value: number) => value.toLocaleString('sv-SE');

function stepText(step: GenerateStep): string {
  return step.phase === 'build' ? `building ${step.file}` : `writing ${step.kind}`;
}

export const generateCommand = defineCommand<Args>({
  command: 'generate',
  describe:
    'Write a synthetic data set in the data contract (one file per kind; every person is made up)',
  builder: (yargs) =>
    yargs
      .option('out', {
        type: 'string',
        default: 'synthetic-data',
        describe: 'folder to write the files to',
      })
      .option('persons', {
        type: 'number',
        default: GENERATE_DEFAULTS.persons,
        describe: 'number of persons (students and prospects)',
      })
      .option('seed', {
        type: 'number',
        default: GENERATE_DEFAULTS.seed,
        describe: 'same seed and options give byte-identical files',
      })
      .option('from-term', {
        type: 'string',
        default: GENERATE_DEFAULTS.fromTerm,
        describe: 'first term with registrations',
      })
      .option('to-term', {
        type: 'string',
        default: GENERATE_DEFAULTS.toTerm,
        describe: 'last term with registrations (the review term)',
      })
      .option('format', {
        choices: ['csv', 'parquet'] as const,
        default: GENERATE_DEFAULTS.format,
        describe: 'file format',
      })
      .option('memory-limit', {
        type: 'string',
        default: GENERATE_DEFAULTS.memoryLimit,
        describe: 'DuckDB memory limit; beyond it work spills to a temporary folder',
      })
      .example(
        '$0 generate --out data-samples --persons 2000 --seed 1 --from-term VT2022 --to-term HT2025',
        'the bundled sample',
      )
      .example(
        '$0 generate --out /tmp/national --persons 1000000 --format parquet',
        'a national-scale set',
      ),
  handler: async (args: Args) => {
    const { output } = contextFrom(args);
    const { generate } = await import('../../generate/generate.ts');
    const report = await generate(
      {
        out: args.out,
        persons: args.persons,
        seed: args.seed,
        fromTerm: args.fromTerm,
        toTerm: args.toTerm,
        format: args.format,
        memoryLimit: args.memoryLimit,
      },
      (step) => {
        if (output.interactive) process.stderr.write(`\r\x1b[K${stepText(step)}`);
      },
    );
    if (output.interactive) process.stderr.write('\r\x1b[K');
    if (report.strangers.length) {
      const names = report.strangers.map((path) => basename(path));
      output.warn(CLI_TEXTS.strangers(report.options.out, names).en);
    }
    output.result(report, () =>
      [
        `Synthetic data (${report.options.persons} persons, seed ${report.options.seed}, ${report.options.fromTerm}–${report.options.toTerm}) in ${report.options.out}:`,
        tableText(
          ['kind', 'rows', 'bytes', 'seconds'],
          report.files.map((f) => [f.kind, n(f.rows), n(f.bytes), f.seconds.toFixed(2)]),
        ),
        `${report.seconds.toFixed(1)} s in all (${report.buildSeconds.toFixed(1)} s building the tables).`,
        'Every person and identity number is made up (months 21–32 are never issued); see data-samples/README.md.',
      ].join('\n'),
    );
  },
});
