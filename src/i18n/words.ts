// Small helpers the catalogue's texts share: how each language writes a number, a list
// and a plural.

/** Swedish writes a decimal comma. */
export const svNumber = (n: number): string => String(n).replace('.', ',');

/** "a, b and c" / "a, b och c". */
export function listed(items: readonly string[], and: string): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
