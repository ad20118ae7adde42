// The messages of `larsam generate` (src/generate): options out of range.
import { type Problem, problem, text } from './message.ts';

export const GENERATE_ERRORS = {
  notATerm: (option: string, given: string): Problem =>
    problem(
      text(`${option} '${given}' is not a term`, `${option} '${given}' är ingen termin`),
      text(`write e.g. ${option} HT2025 or VT2026`, `skriv t.ex. ${option} HT2025 eller VT2026`),
    ),
  persons: (given: number, most: number): Problem =>
    problem(
      text(
        `--persons ${given} is out of range`,
        `--persons ${given} ligger utanför det tillåtna intervallet`,
      ),
      text(
        `give a whole number from 100 to ${most.toLocaleString('en')}`,
        `ange ett heltal från 100 till ${most.toLocaleString('sv-SE')}`,
      ),
    ),
  seed: (given: number): Problem =>
    problem(
      text(`--seed ${given} is not usable`, `--seed ${given} går inte att använda`),
      text('give a whole number from 0 to 2147483648', 'ange ett heltal från 0 till 2147483648'),
    ),
  tooFewTerms: (from: string, to: string, least: number): Problem =>
    problem(
      text(
        `--from-term ${from} to --to-term ${to} is fewer than ${least} terms`,
        `--from-term ${from} till --to-term ${to} är färre än ${least} terminer`,
      ),
      text(
        `give at least ${least} terms; 8 or more hold every planted activity in full`,
        `ange minst ${least} terminer; med 8 eller fler ryms varje inplanterad aktivitet helt`,
      ),
    ),
  termRange: (): Problem =>
    problem(
      text(
        'the terms must lie between VT1990 and HT2060',
        'terminerna måste ligga mellan VT1990 och HT2060',
      ),
      text('choose terms in that range', 'välj terminer i det intervallet'),
    ),
  memoryLimit: (given: string): Problem =>
    problem(
      text(`memory limit '${given}' is not a size`, `minnesgränsen '${given}' är ingen storlek`),
      text("write e.g. '2GB' or '512MB'", "skriv t.ex. '2GB' eller '512MB'"),
    ),
  threads: (given: number): Problem =>
    problem(
      text(`threads ${given} is not usable`, `antalet trådar ${given} går inte att använda`),
      text('give a whole number from 1 to 1024', 'ange ett heltal från 1 till 1024'),
    ),
  tooManyPersons: (): Problem =>
    problem(
      text(
        'too many persons for distinct synthetic identity numbers',
        'för många personer för att alla ska få olika syntetiska personnummer',
      ),
      text(
        'generate fewer persons (--persons), or more terms so that birth years spread',
        'generera färre personer (--persons), eller fler terminer så att födelseåren sprids',
      ),
    ),
};
