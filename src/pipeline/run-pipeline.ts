// `larsam run`: the main job. Ingest every input of the definition, build the models and
// run the data tests; the later stages (decide, report) join here as they arrive.
import type { Database } from '../db/database.ts';
import { ingest, type IngestOptions, type IngestReport } from '../ingest/ingest.ts';
import { buildModels, type BuildReport } from '../models/build.ts';
import type { PipelineDefinition } from './definition.ts';

export interface StageTiming {
  stage: string;
  seconds: number;
}

export interface PipelineReport {
  ingest: IngestReport;
  build: BuildReport;
  timings: StageTiming[];
}

export interface PipelineHooks {
  onStage?: (stage: string) => void;
  onFile?: IngestOptions['onFile'];
}

export async function runPipeline(db: Database, definition: PipelineDefinition, hooks: PipelineHooks = {}): Promise<PipelineReport> {
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    hooks.onStage?.(stage);
    const started = performance.now();
    const result = await work();
    timings.push({ stage, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  const { settings } = definition;
  const ingestReport = await timed('ingest', () => ingest(db, definition.inputPaths, hooks.onFile ? { onFile: hooks.onFile } : {}));
  const build = await timed('build', () =>
    buildModels(db, {
      graceDays: settings.grace_days,
      confidence: settings.confidence,
      minCell: settings.min_cell,
      ...(settings.as_of ? { asOf: settings.as_of } : {}),
    }),
  );
  return { ingest: ingestReport, build, timings };
}
