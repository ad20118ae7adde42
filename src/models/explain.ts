// What `larsam explain` shows: an indicator's definition, its model and that model's
// upstream models, read from the SQL files themselves.
import { LarsamError } from '../util/errors.ts';
import { ALL_INDICATORS, definitionOf, type Lang } from './indicator-definitions.ts';
import { readModelFiles, upstreamOf, type ModelFile } from './model-files.ts';

export interface Explanation {
  indicator: string;
  definition: string;
  model: Pick<ModelFile, 'name' | 'file' | 'description'>;
  upstream: Pick<ModelFile, 'name' | 'file' | 'description'>[];
}

export function explainIndicator(indicator: string, lang: Lang): Explanation {
  const found = definitionOf(indicator, lang);
  if (!found) {
    throw new LarsamError(`there is no indicator called '${indicator}'`, {
      fix: `use one of: ${ALL_INDICATORS.join(', ')}`,
    });
  }
  const models = readModelFiles();
  const model = models.find((m) => m.name === found.model);
  if (!model) {
    throw new LarsamError(
      `the model ${found.model} that computes ${indicator} is not built yet in this version`,
      {
        fix: 'update larsam; activity indicators arrive with the decisions',
      },
    );
  }
  const pick = ({ name, file, description }: ModelFile) => ({ name, file, description });
  return {
    indicator,
    definition: found.definition,
    model: pick(model),
    upstream: upstreamOf(model.name, models).map(pick),
  };
}
