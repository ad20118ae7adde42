// One Excel cell as the text a CSV cell would hold, so every rule of the contract reads
// it as it reads CSV: dates as ISO, numbers as Excel shows them (15 significant digits,
// `.` decimals, never an exponent), booleans as TRUE/FALSE.

/**
 * A number cell's stored text (`7.4999999999999991`, `199001011234`, `1E-7`) as
 * Excel shows it: Excel keeps 15 significant digits and stores the binary double's
 * 17, so the two last are float noise.
 */
export function numberText(stored: string): string {
  const value = Number(stored);
  if (!Number.isFinite(value)) return stored;
  const shown = Number(value.toPrecision(15));
  if (shown === 0) return '0';
  const plain = String(shown);
  if (!/e/i.test(plain)) return plain;
  // Exponent form: large values are whole numbers at 15 digits, small ones get the
  // decimals they need (toFixed allows at most 100).
  if (Math.abs(shown) >= 1) return BigInt(shown).toString();
  const decimals = Math.min(100, 15 - Math.floor(Math.log10(Math.abs(shown))));
  return shown.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date cell (read as a UTC instant of its serial number) as `2024-10-08`, or with its
 * time `2024-10-08 13:00:00` when it has one; to the second, as Excel shows it.
 */
export function dateText(date: Date): string {
  const t = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && t.getUTCSeconds() === 0) return day;
  return `${day} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}
