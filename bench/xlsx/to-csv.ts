// The reader's step alone, for the .xlsx benchmark (bench/XLSX.md):
// `npx tsx bench/xlsx/to-csv.ts <in.xlsx> <out.csv>` writes the sheet's CSV copy as a load does.
import { sheetToCsv } from '../../src/ingest/xlsx/sheet-to-csv.ts';

const [input, out] = process.argv.slice(2);
if (!input || !out) throw new Error('usage: npx tsx bench/xlsx/to-csv.ts <in.xlsx> <out.csv>');
const started = performance.now();
const csv = await sheetToCsv(input, 'registrations', input, out);
console.error(`${csv.lines} lines in ${((performance.now() - started) / 1000).toFixed(2)} s`);
