// report.json: the machine-readable summary of a report — term, settings, inputs,
// recommendation counts, files. No timestamps, so it is byte-identical across runs.
import type { ReportData } from './report-data.ts';

export function reportSummary(data: ReportData, version: string, title: string, files: string[]) {
  const recommendations: Record<string, number> = {};
  for (const d of data.decisions)
    recommendations[d.recommendation] = (recommendations[d.recommendation] ?? 0) + 1;
  return {
    tool: 'larsam',
    version,
    title,
    review_term: data.reviewTerm,
    lang: data.lang,
    settings: {
      min_cell: data.settings.minCell,
      min_n: data.settings.minN,
      confidence: data.settings.confidence,
      grace_days: data.settings.graceDays,
      as_of: data.settings.asOf,
    },
    inputs: data.quality.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      sha256: f.sha256,
      rows_read: f.rowsRead,
      rows_loaded: f.rowsLoaded,
      rows_rejected: f.rowsRejected,
    })),
    // Only when a file failed, so the summary of a clean run stays as it was.
    ...(data.quality.failed.length
      ? {
          failed_inputs: data.quality.failed.map((f) => ({
            file: f.file,
            kind: f.kind,
            why: f.why,
          })),
        }
      : {}),
    missing_kinds: data.quality.missingKinds,
    recommendations: Object.fromEntries(
      Object.entries(recommendations).sort(([a], [b]) => a.localeCompare(b)),
    ),
    activities: data.decisions.map((d) => ({
      activity_id: d.activityId,
      recommendation: d.recommendation,
    })),
    data_quality: {
      rejected_rows: data.quality.files.reduce((sum, f) => sum + f.rowsRejected, 0),
      suppressed_cells: data.quality.suppressedCells,
      secondary_suppressed_cells: data.quality.secondaryCells,
      published_cells: data.quality.publishedCells,
      data_tests: data.quality.tests.map((t) => ({
        name: t.name,
        severity: t.severity,
        rows: t.rows,
      })),
    },
    files,
  };
}
