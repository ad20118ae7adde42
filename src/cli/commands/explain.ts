// larsam explain <indicator>: its definition, the model that produces it and the models
// that model reads.
import { explainIndicator } from '../../models/explain.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { defineCommand } from '../define-command.ts';

interface Args extends GlobalArgs {
  indicator: string;
}

export const explainCommand = defineCommand<Args>({
  command: 'explain <indicator>',
  describe: 'Show how an indicator is defined and which SQL models compute it',
  builder: (yargs) =>
    yargs
      .positional('indicator', { type: 'string', demandOption: true })
      .example('$0 explain prestationsgrad --lang en', 'the definition in English'),
  handler: async (args) => {
    const { output, lang } = contextFrom(args);
    const explanation = explainIndicator(args.indicator, lang);
    output.result(explanation, () =>
      [
        `${explanation.indicator}: ${explanation.definition}`,
        '',
        `${lang === 'sv' ? 'Beräknas i' : 'Computed in'}: ${explanation.model.file}`,
        `${lang === 'sv' ? 'som läser' : 'which reads'}:`,
        ...explanation.upstream.map(
          (m) =>
            `  ${m.file}${m.description ? ` — ${m.description.slice(0, 90)}${m.description.length > 90 ? '…' : ''}` : ''}`,
        ),
      ].join('\n'),
    );
  },
});
