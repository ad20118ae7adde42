// Vega-Lite to Vega. The compiled spec is what the page's optional interactive layer
// embeds (vega-embed then needs no vega-lite); it keeps the chart's number locale.
import type { Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger } from './collect-logger.ts';

export interface Compiled {
  spec: VegaSpec;
  /** Vega-Lite's warnings ("warning: …"), empty for a clean chart. */
  warnings: string[];
}

export function compileWithWarnings(spec: TopLevelSpec): Compiled {
  const logger = collectingLogger();
  const compiled = compile(spec, { logger });
  return { spec: compiled.spec, warnings: [...logger.messages] };
}

/** The compiled Vega spec of a chart. */
export function compileToVega(spec: TopLevelSpec): VegaSpec {
  return compileWithWarnings(spec).spec;
}
