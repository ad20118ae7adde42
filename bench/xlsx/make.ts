// Writes a registrations workbook for the .xlsx benchmark (bench/XLSX.md):
// `npx tsx bench/xlsx/make.ts <out.xlsx> [rows]`, 100 000 rows × 12 columns by default,
// as Excel lays it out (shared strings after the sheet, date cells styled as dates,
// booleans, numbers). The ids are pseudonymous (p0000000…): no personnummer.
import { writeFileSync } from 'node:fs';
import { xlsxBytes, type XlsxCell } from '../../test/helpers/xlsx.ts';

const [out, count = '100000'] = process.argv.slice(2);
if (!out) throw new Error('usage: npx tsx bench/xlsx/make.ts <out.xlsx> [rows]');
const terms = ['HT2024', 'VT2025', 'HT2025'];
const rows: XlsxCell[][] = [
  [
    'person_id',
    'term',
    'course_code',
    'course_offering',
    'program_code',
    'credits',
    'first_time',
    'home_municipality',
    'centre_id',
    'registration_date',
    'distance',
    'birth_year',
  ],
];
for (let i = 0; i < Number(count); i++) {
  const day = new Date(Date.UTC(2024, 7 + (i % 4), 1 + (i % 28))).toISOString().slice(0, 10);
  rows.push([
    `p${String(i).padStart(7, '0')}`,
    terms[i % 3]!,
    `MA${String(i % 200).padStart(3, '0')}G`,
    `T${i % 7}`,
    i % 5 ? `PRG${i % 11}` : null,
    [7.5, 15, 3.5, 30][i % 4]!,
    i % 2 === 0,
    [180, 2380, 2281, 2180][i % 4]!,
    `LC${i % 9}`,
    { date: day },
    i % 3 === 0,
    1960 + (i % 45),
  ]);
}
writeFileSync(out, xlsxBytes([{ name: 'registrations', rows }]));
