// Quoting helpers: identifiers and literals that cannot be bound as parameters
// (table names, file paths inside table functions) go through these, never raw.

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL byte cannot be part of an SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * SQL that is true when `value` is one of `words`. Not `value IN (…)`: DuckDB turns an IN
 * list of more than a few constants into a hash join, which does not keep rows in their
 * order, and ingest's staged table relies on its rowid being the record's index in the file.
 */
export function oneOf(value: string, words: readonly string[]): string {
  return `list_contains([${words.map(quoteLiteral).join(', ')}], ${value})`;
}
