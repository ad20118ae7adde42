// larsam decide [--term T] [--out DIR]: the decision sheet for the reference group.
import { SHEET_TEXTS } from '../../messages/decide.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decisionsCsv } from '../../decide/decisions-csv.ts';
import { RECOMMENDATION_WORDS, STATUS_WORDS } from '../../decide/words.ts';
import { readPipeline } from '../../pipeline/definition.ts';
import { writeFileNoFollow } from '../../report/safe-write.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';
import { tableText } from '../table-text.ts';

interface Args extends GlobalArgs {
  term?: string;
  out?: string;
  minN?: number;
  pipeline: string;
  build: boolean;
}

export const decideCommand = defineCommand<Args>({
  command: 'decide',
  describe:
    'Print the decision sheet: per activity continue, develop or end, with the goals behind it',
  builder: (yargs) =>
    yargs
      .option('term', {
        type: 'string',
        describe: 'the review term (default: the latest term with registrations)',
      })
      .option('out', { type: 'string', describe: 'also write decisions.csv into this folder' })
      .option('min-n', {
        type: 'number',
        describe:
          "fewest units for judging a share or ratio (default: the pipeline's min_n, else 10)",
      })
      .option('build', {
        type: 'boolean',
        default: true,
        describe:
          'build the models again first when data was loaded after the last build (--no-build: refuse instead)',
      })
      .option('pipeline', {
        type: 'string',
        default: 'pipelines/term-report.json',
        describe: 'definition whose settings apply',
      })
      .example('$0 decide --term HT2025 --lang en', 'the sheet for HT2025 in English')
      .example('$0 decide --out reports/HT2025', 'also write decisions.csv'),
  handler: async (args) => {
    const { dbPath, output, lang } = contextFrom(args);
    const fresh = { build: args.build, lang, say: (line: string) => output.say(line) };
    const pipeline = existsSync(args.pipeline) ? readPipeline(args.pipeline) : undefined;
    const minN = args.minN ?? pipeline?.settings.min_n ?? 10;
    const { withFreshModels } = await import('../../models/freshness.ts');
    const { decide, resolveReviewTerm } = await import('../../decide/decide.ts');
    const { term, decisions } = await withFreshModels(dbPath, fresh, async (db) => {
      const reviewTerm = await resolveReviewTerm(db, args.term ?? pipeline?.review_term);
      return { term: reviewTerm, decisions: await decide(db, reviewTerm, { minN, lang }) };
    });
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      writeFileNoFollow(join(args.out, 'decisions.csv'), decisionsCsv(decisions));
    }
    const { publishableDecisions } = await import('../../decide/publishable.ts');
    output.result({ reviewTerm: term, minN, decisions: publishableDecisions(decisions) }, () => {
      if (!decisions.length) return SHEET_TEXTS.noActivities(term)[lang];
      const table = tableText(
        SHEET_TEXTS.headers.map((header) => header[lang]),
        decisions.map((d) => [
          `${d.activityId} ${d.name ?? SHEET_TEXTS.notLoaded[lang]}`,
          d.kind ?? '–',
          RECOMMENDATION_WORDS[d.recommendation][lang].toUpperCase(),
          d.goals.map((g) => `${g.goalId}: ${STATUS_WORDS[g.status][lang]}`).join('; ') || '–',
        ]),
      );
      const reasons = decisions.map((d) => `${d.activityId}: ${d.reasons}`);
      return [SHEET_TEXTS.title(term, minN)[lang], '', table, '', ...reasons].join('\n');
    });
  },
});
