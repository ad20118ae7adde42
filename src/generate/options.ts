// The generator's options, checked once so the SQL only ever sees validated integers.
import { formatTerm, parseTerm, termKey } from '../terms/term.ts';
import { GENERATE_ERRORS } from '../messages/generate.ts';
import { userError } from '../messages/message.ts';

export type GenerateFormat = 'csv' | 'parquet';

export interface GenerateOptions {
  /** Folder the files are written to (created when missing). */
  out: string;
  persons: number;
  seed: number;
  fromTerm: string;
  toTerm: string;
  format: GenerateFormat;
  /** DuckDB memory limit, e.g. '2GB': beyond it DuckDB spills to a temporary folder. */
  memoryLimit?: string;
  /** DuckDB threads (default: all cores). The files do not depend on it. */
  threads?: number;
}

export const GENERATE_DEFAULTS = {
  persons: 20_000,
  seed: 1,
  fromTerm: 'VT2022',
  toTerm: 'HT2025',
  format: 'csv' as GenerateFormat,
  memoryLimit: '2GB',
};

/** Fewer terms than this cannot hold the planted activities (they reach seven terms back). */
export const MIN_TERMS = 4;
/** Identity numbers are unique up to 182 500 persons per birth year and sex. */
export const MAX_PERSONS = 5_000_000;

export interface CheckedOptions {
  out: string;
  persons: number;
  seed: number;
  fromKey: number;
  toKey: number;
  fromTerm: string;
  toTerm: string;
  format: GenerateFormat;
  memoryLimit: string;
  threads: number | null;
}

function term(text: string, option: string): number {
  const parsed = parseTerm(text.trim());
  if (!parsed) {
    throw userError(GENERATE_ERRORS.notATerm(option, text));
  }
  return termKey(parsed);
}

export function checkOptions(options: GenerateOptions): CheckedOptions {
  const { persons, seed } = options;
  if (!Number.isSafeInteger(persons) || persons < 100 || persons > MAX_PERSONS) {
    throw userError(GENERATE_ERRORS.persons(persons, MAX_PERSONS));
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31) {
    throw userError(GENERATE_ERRORS.seed(seed));
  }
  const fromKey = term(options.fromTerm, '--from-term');
  const toKey = term(options.toTerm, '--to-term');
  if (toKey - fromKey + 1 < MIN_TERMS) {
    throw userError(GENERATE_ERRORS.tooFewTerms(options.fromTerm, options.toTerm, MIN_TERMS));
  }
  if (fromKey < 1990 * 2 || toKey > 2060 * 2) {
    throw userError(GENERATE_ERRORS.termRange());
  }
  const memoryLimit = options.memoryLimit ?? GENERATE_DEFAULTS.memoryLimit;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    throw userError(GENERATE_ERRORS.memoryLimit(memoryLimit));
  }
  const threads = options.threads ?? null;
  if (threads !== null && (!Number.isSafeInteger(threads) || threads < 1 || threads > 1024)) {
    throw userError(GENERATE_ERRORS.threads(threads));
  }
  return {
    out: options.out,
    persons,
    seed,
    fromKey,
    toKey,
    fromTerm: formatTerm(parseTerm(options.fromTerm.trim())!),
    toTerm: formatTerm(parseTerm(options.toTerm.trim())!),
    format: options.format,
    memoryLimit,
    threads,
  };
}
