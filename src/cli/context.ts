// What every command gets from the global options.
import { Output } from './output.ts';

export interface GlobalArgs {
  db: string;
  lang?: 'sv' | 'en';
  quiet: boolean;
  json: boolean;
  debug: boolean;
}

export interface Context {
  dbPath: string;
  lang: 'sv' | 'en';
  output: Output;
  /** Set by a command whose work succeeded but must exit non-zero (e.g. --strict rejects). */
  exitCode: number;
}

export function contextFrom(args: GlobalArgs): Context {
  return {
    dbPath: args.db,
    lang: args.lang ?? 'sv',
    output: new Output({ json: args.json, quiet: args.quiet }),
    exitCode: 0,
  };
}
