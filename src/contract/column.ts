// Column builders: each returns the zod schema of the typed value and registers what
// ingest needs to know about the column (its contract type and value rules). The kind
// schemas built from these are the single source of names, types and rules.
import { z } from 'zod';

export type ColumnType =
  | 'text'
  | 'int'
  | 'decimal'
  | 'date'
  | 'bool'
  | 'term'
  | 'muni'
  | 'person_id';

export interface ColumnMeta {
  type: ColumnType;
  required: boolean;
  /** Accepted values after trimming (compared case-insensitively unless caseSensitive). */
  values?: readonly string[];
  caseSensitive?: boolean;
  /** Spellings mapped to accepted values before checking (e.g. ≥ → >=). */
  synonyms?: Readonly<Record<string, string>>;
  min?: number;
  minExclusive?: boolean;
  max?: number;
  /**
   * A decimal that may be written as a percentage: `25 %`, `25%`, `12,5 %` are 0.25,
   * 0.125 (at most two decimals, so the value stays exact in four). Whether the row may
   * hold a percentage at all is a row rule (only shares may).
   */
  percent?: boolean;
  /** Value when the cell is empty (applied before the required check). */
  defaultValue?: string;
  /** Free text typed by people: scrubbed of anything shaped like a personnummer. */
  freeText?: boolean;
  /** A person attribute (indicators.md's attribute rule): the word `unknown` is an empty cell. */
  unknownIsEmpty?: boolean;
  /** Normalising rule for gender. */
  gender?: boolean;
  /** Unique within a file (and, by data test, across files). */
  unique?: boolean;
}

export const columnRegistry = z.registry<ColumnMeta>();

type Options = Omit<ColumnMeta, 'type' | 'required'>;

function typed<T extends z.ZodType>(
  schema: T,
  type: ColumnType,
  required: boolean,
  options: Options,
) {
  const column = required ? schema : schema.nullable();
  columnRegistry.add(column, { type, required, ...options });
  return column;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TERM = /^(VT|HT)\d{4}$/;
const MUNI = /^\d{4}$/;

export function text<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.string().min(1), 'text', required, options);
}
export function int<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.number().int(), 'int', required, options);
}
export function decimal<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.number(), 'decimal', required, options);
}
export function date<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.string().regex(ISO_DATE), 'date', required, options);
}
export function bool<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.boolean(), 'bool', required, options);
}
export function term<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.string().regex(TERM), 'term', required, options);
}
export function muni<R extends boolean>(required: R, options: Options = {}) {
  return typed(z.string().regex(MUNI), 'muni', required, options);
}
/** Stored as the keyed hash, never the value read. */
export function personId() {
  return typed(z.string().regex(/^[0-9a-f]{32}$/), 'person_id', true, {});
}
