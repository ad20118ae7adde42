// What `larsam explain` shows: an indicator's definition (its registry entry), its model
// and that model's upstream models, read from the SQL files themselves.
import type { Lang } from '../i18n/lang.ts';
import { findIndicator, INDICATORS } from '../indicators/registry.ts';
import { indicatorModelMissing, noSuchIndicator } from '../messages/indicators.ts';
import { userError } from '../messages/message.ts';
import { readModelFiles, upstreamOf, type ModelFile } from './model-files.ts';

export interface Explanation {
  indicator: string;
  definition: string;
  model: Pick<ModelFile, 'name' | 'file' | 'description'>;
  upstream: Pick<ModelFile, 'name' | 'file' | 'description'>[];
}

export function explainIndicator(indicator: string, lang: Lang): Explanation {
  const found = findIndicator(indicator);
  if (!found)
    throw userError(
      noSuchIndicator(
        indicator,
        INDICATORS.map((i) => i.name),
      ),
    );
  const models = readModelFiles();
  const model = models.find((m) => m.name === found.model);
  if (!model) throw userError(indicatorModelMissing(indicator, found.model));
  const pick = ({ name, file, description }: ModelFile) => ({ name, file, description });
  return {
    indicator,
    definition: found.definition[lang],
    model: pick(model),
    upstream: upstreamOf(model.name, models).map(pick),
  };
}
