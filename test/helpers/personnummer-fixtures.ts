// Identity numbers for tests. Every one has a month of 13 or more, a date no person
// was born on, so none can be a real person's; the contract checks only the Luhn digit.
import { luhnCheckDigit } from '../../src/ingest/personnummer.ts';

/** 12-digit form from YYYYMMDD and a three-digit serial, with the right check digit. */
export function testPnr(yyyymmdd: string, serial: string): string {
  const nine = yyyymmdd.slice(2) + serial;
  return `${yyyymmdd}${serial}${luhnCheckDigit(nine)}`;
}

/** The same number with its check digit changed (fails Luhn). */
export function badPnr(valid: string): string {
  const last = Number(valid.at(-1));
  return valid.slice(0, -1) + String((last + 1) % 10);
}

export const forms = {
  twelve: (p: string) => p,
  twelveDash: (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`,
  tenDash: (p: string) => `${p.slice(2, 8)}-${p.slice(8)}`,
  tenPlus: (p: string) => `${p.slice(2, 8)}+${p.slice(8)}`,
  ten: (p: string) => p.slice(2),
};
