// DuckDB values as a person or a CSV reader expects them.

/** bigint as number when exact, Date as ISO date (with time only when it has one). */
export function displayValue(value: unknown, keepNumbers = false): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return keepNumbers && Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z')
      ? iso.slice(0, 10)
      : iso.replace('T', ' ').replace(/\.000Z$/, '');
  }
  if (typeof value === 'number') return keepNumbers ? value : String(value);
  if (typeof value === 'object')
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return keepNumbers ? value : String(value);
}

export function csvLine(values: unknown[]): string {
  return values
    .map((value) => {
      if (value === null || value === undefined) return '';
      const text = String(value);
      return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
