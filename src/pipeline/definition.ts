// A pipeline definition (pipelines/*.json): the inputs, the review term, where the
// report goes and the settings every stage uses. Checked with zod so a typo is a clear
// error, not a silently ignored key.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { SHARE_RULES } from '../models/build-settings.ts';
import { parseTerm, formatTerm } from '../terms/term.ts';
import { userError } from '../messages/message.ts';
import { PIPELINE_ERRORS, PIPELINE_SCHEMA_TEXTS as T } from '../messages/pipeline.ts';

const term = z.string().refine((t) => t === 'latest' || parseTerm(t) !== null, {
  message: T.term.en,
});

// Codes are text with their leading zeros, as SCB writes them ("01", "0180"): a number
// would lose the zero. Whether a code is Swedish is checked against the reference
// before ingest (checkRegion).
const code = (digits: number, example: string) =>
  z
    .string({
      error: T.codeType(digits, example).en,
    })
    .regex(new RegExp(`^\\d{${digits}}$`), {
      message: T.codeDigits(digits, example).en,
    });

/** The collaboration region: counties, municipalities or both (default: counties 21, 22, 23). */
const region = z
  .object({
    counties: z.array(code(2, '23')).default([]),
    municipalities: z.array(code(4, '2380')).default([]),
  })
  .strict()
  .refine((r) => r.counties.length + r.municipalities.length > 0, {
    message: T.regionEmpty.en,
  });

export const pipelineSchema = z
  .object({
    name: z.string().default('Terminsrapport'),
    /** Files or folders, relative to the definition file. */
    inputs: z.array(z.string()).min(1),
    review_term: term.default('latest'),
    /** Output folder, relative to the definition file; the report goes in <out>/<term>/. */
    out: z.string().default('../reports'),
    /** In the region (in_region of the default reference); absent: counties 21, 22, 23. */
    region: region.optional(),
    settings: z
      .object({
        min_cell: z.number().int().min(1).default(5),
        share_rule: z.enum(SHARE_RULES).default('denominator'),
        min_n: z.number().int().min(2).default(10),
        grace_days: z.number().int().min(0).max(365).default(30),
        confidence: z.number().gt(0.5).lt(1).default(0.95),
        lang: z.enum(['sv', 'en']).default('sv'),
        as_of: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .default(null),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type PipelineDefinition = z.infer<typeof pipelineSchema> & {
  path: string;
  inputPaths: string[];
  outPath: string;
};

export function readPipeline(path: string): PipelineDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw userError(PIPELINE_ERRORS.unreadable(cause), { where: { file: path }, cause: error });
  }
  const parsed = pipelineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw userError(PIPELINE_ERRORS.invalid(issue.path.join('.'), issue.message), {
      where: { file: path },
    });
  }
  const base = dirname(resolve(path));
  const reviewTerm =
    parsed.data.review_term === 'latest'
      ? 'latest'
      : formatTerm(parseTerm(parsed.data.review_term)!);
  return {
    ...parsed.data,
    review_term: reviewTerm,
    path,
    inputPaths: parsed.data.inputs.map((input) => resolve(base, input)),
    outPath: resolve(base, parsed.data.out),
  };
}
