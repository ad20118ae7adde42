// The column labels of a Ladok "Utdata → Resultat" export and what each becomes.
// Names (Efternamn, Förnamn) and titles (Benämning) map to nothing: they are never read.

export type LadokField =
  | 'person_id'
  | 'course_code'
  | 'course_credits'
  | 'course_offering'
  | 'module_code'
  | 'module_credits'
  | 'grade'
  | 'result_date';

function label(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const LABELS: Record<string, LadokField> = {
  'personnummer (student)': 'person_id',
  'kod (kurs)': 'course_code',
  'omfattning (kurs)': 'course_credits',
  'kurstillfälle (kurs)': 'course_offering',
  'kurstillfällets kod (kurs)': 'course_offering',
  'kod (modul)': 'module_code',
  'omfattning (modul)': 'module_credits',
  'betyg (resultat)': 'grade',
  'ex. datum (resultat)': 'result_date',
  'examinationsdatum (resultat)': 'result_date',
};

export function isLadokHeader(header: string[]): boolean {
  return header.some((cell) => label(cell) === 'personnummer (student)');
}

/** For each Ladok field, the index of its column in the header (absent when not there). */
export function ladokColumnIndexes(header: string[]): Partial<Record<LadokField, number>> {
  const indexes: Partial<Record<LadokField, number>> = {};
  header.forEach((cell, index) => {
    const field = LABELS[label(cell)];
    if (field && indexes[field] === undefined) indexes[field] = index;
  });
  return indexes;
}

export const LADOK_REQUIRED: readonly LadokField[] = [
  'person_id',
  'course_code',
  'course_credits',
  'result_date',
];

export function ladokLabelOf(field: LadokField): string {
  const entry = Object.entries(LABELS).find(([, value]) => value === field);
  return entry ? entry[0] : field;
}
