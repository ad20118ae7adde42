// Quoting helpers: identifiers and literals that cannot be bound as parameters
// (table names, file paths inside table functions) go through these, never raw.

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL byte cannot be part of an SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}
