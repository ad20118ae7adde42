// `larsam run`: the main job. Ingest every input of the definition, build the models and
// run the data tests, decide and write the report for the review term.
import { REGION_NAMED_IN } from '../messages/build.ts';
import type { Database } from '../db/database.ts';
import { ingest, type IngestOptions, type IngestReport } from '../ingest/ingest.ts';
import { buildModels, type BuildReport } from '../models/build.ts';
import { checkRegion } from '../models/region.ts';
import type { PipelineDefinition } from './definition.ts';
import type { WrittenReport } from '../report/write-report.ts';
import { writeReportAtomically } from '../report/write-report-atomic.ts';
import { translateDiskFull } from '../db/disk-full.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProgressStage, WorkControl } from '../util/progress.ts';

export interface StageTiming {
  stage: string;
  seconds: number;
}

export interface PipelineReport {
  ingest: IngestReport;
  build: BuildReport;
  report: WrittenReport;
  timings: StageTiming[];
}

/** onProgress: files, models and charts done of each stage; signal: stops the run between or inside them. */
export interface PipelineHooks extends WorkControl {
  /** Overrides the definition's language (--lang). */
  lang?: Lang;
  onStage?: (stage: ProgressStage) => void;
  onFile?: IngestOptions['onFile'];
  /** Told what the ingest removes (new versions of the definition's files) before anything changes. */
  onReplace?: IngestOptions['onReplace'];
}

export async function runPipeline(
  db: Database,
  definition: PipelineDefinition,
  hooks: PipelineHooks = {},
): Promise<PipelineReport> {
  const timings: StageTiming[] = [];
  const { onProgress, signal } = hooks;
  const control: WorkControl = {
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  };
  const timed = async <T>(stage: ProgressStage, work: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    hooks.onStage?.(stage);
    const started = performance.now();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      throw translateDiskFull(error);
    }
    timings.push({ stage, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  const { settings, region } = definition;
  // an unknown region code is refused before the ingest, not after it
  if (region)
    await checkRegion(db, region, {
      file: definition.path,
      what: REGION_NAMED_IN.pipeline,
    });
  // No --replace here: a run only replaces earlier versions of its own input paths, so it
  // never needs a confirmation and runs unattended.
  const ingestOptions: IngestOptions = {
    ...control,
    ...(hooks.onFile ? { onFile: hooks.onFile } : {}),
    ...(hooks.onReplace ? { onReplace: hooks.onReplace } : {}),
  };
  const ingestReport = await timed('ingest', () =>
    ingest(db, definition.inputPaths, ingestOptions),
  );
  const build = await timed('build', () =>
    buildModels(
      db,
      {
        graceDays: settings.grace_days,
        confidence: settings.confidence,
        minCell: settings.min_cell,
        shareRule: settings.share_rule,
        ...(settings.as_of ? { asOf: settings.as_of } : {}),
        ...(region ? { region } : {}),
      },
      undefined,
      control,
    ),
  );
  const lang: Lang = hooks.lang ?? settings.lang;
  // decide runs inside the report: the decision sheet is part of it and of decisions.csv;
  // the folder appears whole or not at all
  const report = await timed('report', () =>
    writeReportAtomically(db, {
      term: definition.review_term,
      out: definition.outPath,
      lang,
      minN: settings.min_n,
      title: definition.name,
      ...control,
    }),
  );
  return { ingest: ingestReport, build, report, timings };
}
