// larsam query "<sql>": read-only SQL. The database is opened read-only and without
// access to files or the network, so a query can neither write nor read outside it.
import { databaseMessages } from '../../messages/database.ts';
import { existsSync } from 'node:fs';
import { CLI_ERRORS } from '../../messages/cli.ts';
import { userError } from '../../messages/message.ts';
import { LarsamError } from '../../util/errors.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { tableText } from '../table-text.ts';
import { csvLine, displayValue } from '../values.ts';
import { freshnessMessages } from '../../messages/freshness.ts';
import { modelState } from '../../models/freshness.ts';
import { readModelFiles } from '../../models/model-files.ts';

/** Whether the SQL names a built model (word for word, any case), so a stale build matters to it. */
function namesAModel(sql: string): boolean {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return readModelFiles().some((model) => words.has(model.name.toLowerCase()));
}

/**
 * A fraction as a person reads it in a table: at most 4 decimals, trailing zeros dropped
 * (0.123456789 → 0.1235, 2.5 → 2.5), 4 significant digits below 0.0001 so a small value
 * does not read as 0. Whole numbers, and csv and json, keep every digit.
 */
export function roundedForTable(value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) return value;
  const rounded = Math.abs(value) < 1e-4 ? Number(value.toPrecision(4)) : Number(value.toFixed(4));
  return Object.is(rounded, -0) ? 0 : rounded;
}

interface Args extends GlobalArgs {
  sql: string;
  format: 'table' | 'csv' | 'json';
}

export const queryCommand = defineCommand<Args>({
  command: 'query <sql>',
  describe: 'Run read-only SQL against the database',
  builder: (yargs) =>
    yargs
      .positional('sql', { type: 'string', demandOption: true })
      .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const })
      .example('$0 query "select kind, count(*) from loads group by kind"', 'count loads per kind')
      .example(
        '$0 query "select * from rejects" --format csv > rejects.csv',
        'rejected rows as CSV',
      ),
  handler: async (args: Args) => {
    const { dbPath, lang } = contextFrom(args);
    if (!existsSync(dbPath)) {
      throw userError(databaseMessages.noDatabase(dbPath));
    }
    const format = args.json ? 'json' : args.format;
    const { withDatabase } = await import('../../db/database.ts');
    await withDatabase(dbPath, { readOnly: true, sandboxed: true }, async (db) => {
      // A warning on stderr only, so csv and json on stdout stay what they were.
      if (namesAModel(args.sql) && (await modelState(db)) === 'stale')
        process.stderr.write(`warning: ${freshnessMessages.staleQuery()[lang]}\n`);
      let columns: string[] | undefined;
      const all: unknown[][] = [];
      try {
        for await (const chunk of db.streamRows(args.sql)) {
          if (!columns) {
            columns = chunk.columns;
            if (format === 'csv') process.stdout.write(`${csvLine(columns)}\n`);
          }
          if (format === 'csv') {
            for (const row of chunk.rows)
              process.stdout.write(`${csvLine(row.map((v) => displayValue(v)))}\n`);
          } else {
            for (const row of chunk.rows) all.push(row);
          }
        }
      } catch (error) {
        if (error instanceof LarsamError) throw error;
        const cause = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        throw userError(CLI_ERRORS.queryFailed(cause), { cause: error });
      }
      columns ??= [];
      if (format === 'json') {
        const objects = all.map((row) =>
          Object.fromEntries(columns!.map((c, i) => [c, displayValue(row[i], true)])),
        );
        process.stdout.write(`${JSON.stringify(objects, null, 2)}\n`);
      } else if (format === 'table') {
        process.stdout.write(
          `${tableText(
            columns,
            all.map((row) => row.map((v) => roundedForTable(displayValue(v, true)))),
          )}\n`,
        );
      }
    });
  },
});
