// An SCB statistical-database export: a `region` column written "2380 Östersund",
// perhaps other dimensions (ålder, kön), and one column per year ("2024", or
// "Folkmängd 2024" when the table's content label is kept).

function clean(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase();
}

export function isScbHeader(header: string[]): boolean {
  return clean(header[0] ?? '') === 'region' && header.some((cell) => yearOfColumn(cell) !== null);
}

export function yearOfColumn(cell: string): number | null {
  const match = /(?:^|\s)((?:19|20)\d{2})$/.exec(cell.trim());
  return match ? Number(match[1]) : null;
}
