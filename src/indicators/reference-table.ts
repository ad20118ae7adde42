// The registry as a table of the build, ref_indicators, so that the SQL models take an
// indicator's kind, suppression rule and family from the same entries as the TypeScript
// (formatting, goals, charts): the two cannot disagree. A computed model
// (models/computed-models.ts), so models that read it are ordered after it as usual.
import type { Database } from '../db/database.ts';
import { quoteLiteral } from '../db/sql-text.ts';
import { suppressionRule } from './indicator.ts';
import { INDICATORS } from './registry.ts';

export async function buildIndicatorReference(db: Database): Promise<void> {
  const rows = INDICATORS.map(
    (i, position) =>
      `(${[
        quoteLiteral(i.name),
        position + 1,
        quoteLiteral(i.family),
        quoteLiteral(i.kind),
        quoteLiteral(suppressionRule(i.kind)),
        quoteLiteral(i.unit),
        i.decimals,
        quoteLiteral(i.interval),
        i.bounded,
        quoteLiteral(i.model),
      ].join(', ')})`,
  );
  await db.run(
    `CREATE OR REPLACE TABLE ref_indicators AS
     SELECT indicator, position::INTEGER AS position, family, kind, suppression_rule, unit,
            decimals::INTEGER AS decimals, interval_method, bounded, model
     FROM (VALUES ${rows.join(',\n')})
       AS t(indicator, position, family, kind, suppression_rule, unit, decimals, interval_method, bounded, model)`,
  );
}
