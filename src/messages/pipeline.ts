// The messages of a pipeline definition (src/pipeline): a file that cannot be read or
// is not valid, and the schema's own explanations of a value (zod carries the English;
// the Swedish is found by it).
import { type Problem, problem, type Text, text } from './message.ts';

/** What the schema says a value should be (the messages given to zod). */
export const PIPELINE_SCHEMA_TEXTS = {
  term: text('a term like HT2025, or "latest"', 'en termin som HT2025, eller "latest"'),
  codeType: (digits: number, example: string): Text =>
    text(
      `a ${digits}-digit code written as text with its leading zero, e.g. "${example}"`,
      `en kod med ${digits} siffror skriven som text med inledande nolla, t.ex. "${example}"`,
    ),
  codeDigits: (digits: number, example: string): Text =>
    text(
      `a ${digits}-digit code with its leading zero, e.g. "${example}"`,
      `en kod med ${digits} siffror och inledande nolla, t.ex. "${example}"`,
    ),
  regionEmpty: text(
    'name at least one county or municipality',
    'ange minst ett län eller en kommun',
  ),
};

/** The schema's message in both languages; one of zod's own stays English in both. */
function schemaText(message: string): Text {
  const known: Text[] = [
    PIPELINE_SCHEMA_TEXTS.term,
    PIPELINE_SCHEMA_TEXTS.regionEmpty,
    PIPELINE_SCHEMA_TEXTS.codeType(2, '23'),
    PIPELINE_SCHEMA_TEXTS.codeType(4, '2380'),
    PIPELINE_SCHEMA_TEXTS.codeDigits(2, '23'),
    PIPELINE_SCHEMA_TEXTS.codeDigits(4, '2380'),
  ];
  return known.find((t) => t.en === message) ?? text(message, message);
}

export const PIPELINE_ERRORS = {
  unreadable: (cause: string): Problem =>
    problem(
      text(
        `the pipeline definition cannot be read: ${cause}`,
        `pipelinedefinitionen kan inte läsas: ${cause}`,
      ),
      text(
        'check that the file exists and is valid JSON',
        'kontrollera att filen finns och är giltig JSON',
      ),
    ),
  invalid: (path: string, message: string): Problem => {
    const detail = schemaText(message);
    return problem(
      text(
        `the pipeline definition is not valid at ${path || '(top)'}: ${detail.en}`,
        `pipelinedefinitionen är inte giltig vid ${path || '(översta nivån)'}: ${detail.sv}`,
      ),
      text(
        'correct that entry (see pipelines/term-report.json for an example)',
        'rätta den posten (se pipelines/term-report.json för ett exempel)',
      ),
    );
  },
};
