// The generator's options, checked once so the SQL only ever sees validated integers.
import { formatTerm, parseTerm, termKey } from '../terms/term.ts';
import { LarsamError } from '../util/errors.ts';

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
    throw new LarsamError(`${option} '${text}' is not a term`, {
      fix: `write e.g. ${option} HT2025 or VT2026`,
    });
  }
  return termKey(parsed);
}

export function checkOptions(options: GenerateOptions): CheckedOptions {
  const { persons, seed } = options;
  if (!Number.isSafeInteger(persons) || persons < 100 || persons > MAX_PERSONS) {
    throw new LarsamError(`--persons ${persons} is out of range`, {
      fix: `give a whole number from 100 to ${MAX_PERSONS.toLocaleString('en')}`,
    });
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31) {
    throw new LarsamError(`--seed ${seed} is not usable`, {
      fix: 'give a whole number from 0 to 2147483648',
    });
  }
  const fromKey = term(options.fromTerm, '--from-term');
  const toKey = term(options.toTerm, '--to-term');
  if (toKey - fromKey + 1 < MIN_TERMS) {
    throw new LarsamError(
      `--from-term ${options.fromTerm} to --to-term ${options.toTerm} is fewer than ${MIN_TERMS} terms`,
      {
        fix: `give at least ${MIN_TERMS} terms; 8 or more hold every planted activity in full`,
      },
    );
  }
  if (fromKey < 1990 * 2 || toKey > 2060 * 2) {
    throw new LarsamError('the terms must lie between VT1990 and HT2060', {
      fix: 'choose terms in that range',
    });
  }
  const memoryLimit = options.memoryLimit ?? GENERATE_DEFAULTS.memoryLimit;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    throw new LarsamError(`memory limit '${memoryLimit}' is not a size`, {
      fix: "write e.g. '2GB' or '512MB'",
    });
  }
  const threads = options.threads ?? null;
  if (threads !== null && (!Number.isSafeInteger(threads) || threads < 1 || threads > 1024)) {
    throw new LarsamError(`threads ${threads} is not usable`, {
      fix: 'give a whole number from 1 to 1024',
    });
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
