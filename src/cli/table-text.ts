// Renders rows as an aligned text table for a terminal; numbers right-aligned.

export function tableText(columns: string[], rows: unknown[][]): string {
  const cells = rows.map((row) =>
    row.map((value) => (value === null || value === undefined ? '' : String(value))),
  );
  const numeric = columns.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every(
        (row) => row[i] === null || typeof row[i] === 'number' || typeof row[i] === 'bigint',
      ),
  );
  const widths = columns.map((name, i) =>
    Math.max(name.length, ...cells.map((row) => row[i]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join(
    '\n',
  );
}
