// `larsam report`: the folder of report.md for one review term — index.html, every
// chart as .vl.json, .svg and .png, indicators.csv, decisions.csv and report.json.
// The same database and settings give byte-identical files.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { decisionsCsv } from '../decide/decisions-csv.ts';
import { resolveReviewTerm } from '../decide/decide.ts';
import type { Lang } from '../i18n/lang.ts';
import { produceCharts } from './chart-registry.ts';
import { type RenderedChart, unplacedCharts } from './html/figure.ts';
import { reportPage } from './html/page.ts';
import { indicatorsCsv } from './published-csv.ts';
import { readReportData, type ReportData } from './report-data.ts';
import { compileToVega, renderPngAsync, renderSvg } from './render/index.ts';
import { reportSummary } from './report-json.ts';
import { ensureOwnFolder, writeFileNoFollow } from './safe-write.ts';
import { toolVersion } from '../util/version.ts';
import { interruptOnAbort, stopReason, type WorkControl } from '../util/progress.ts';

export interface ReportOptions extends WorkControl {
  /** A term, or 'latest' / undefined for the latest term with registrations. */
  term?: string;
  /** The folder under which <term>/ is written. */
  out: string;
  lang: Lang;
  minN: number;
  title: string;
}

export interface WrittenReport {
  folder: string;
  reviewTerm: string;
  files: string[];
  data: ReportData;
}

const OWN_FILES = /\.(vl\.json|svg|png)$/;
/** Chart names become file names in charts/ (ids from the data are made safe in chart-file-name.ts). */
const SAFE_CHART_NAME = /^[\p{L}\p{N}_-]+$/u;

export async function writeReport(db: Database, options: ReportOptions): Promise<WrittenReport> {
  const stopListening = interruptOnAbort(db, options.signal);
  try {
    return await writeReportFolder(db, options);
  } catch (error) {
    throw stopReason(options.signal, error);
  } finally {
    stopListening();
  }
}

async function writeReportFolder(db: Database, options: ReportOptions): Promise<WrittenReport> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const reviewTerm = await resolveReviewTerm(db, options.term);
  const data = await readReportData(db, reviewTerm, { lang: options.lang, minN: options.minN });
  const folder = join(options.out, reviewTerm);
  const chartDir = join(folder, 'charts');
  // <term>/ and charts/ are larsam's own names inside the folder the user named: never links.
  ensureOwnFolder(folder);
  ensureOwnFolder(chartDir);
  // Charts of an earlier run may be gone from this one; remove only files we write.
  for (const name of readdirSync(chartDir)) if (OWN_FILES.test(name)) rmSync(join(chartDir, name));

  const version = toolVersion();
  const rendered = new Map<string, RenderedChart>();
  const files: string[] = [];
  const pngs: Promise<void>[] = [];
  // a chart left out (no data, or every value suppressed) has no files; its place says why
  const drawn = produceCharts(data).flatMap((p) => (p.status === 'drawn' ? [p.chart] : []));
  const progress = (done: number, item?: string) =>
    onProgress?.({
      stage: 'report',
      unit: 'charts',
      done,
      total: drawn.length,
      ...(item ? { item } : {}),
    });
  for (const [index, chart] of drawn.entries()) {
    signal?.throwIfAborted();
    progress(index, chart.name);
    if (!SAFE_CHART_NAME.test(chart.name))
      throw new Error(`unsafe chart file name ${JSON.stringify(chart.name)}`);
    const svg = await renderSvg(chart.spec, data.lang);
    writeFileNoFollow(
      join(chartDir, `${chart.name}.vl.json`),
      `${JSON.stringify(chart.spec, null, 2)}\n`,
    );
    writeFileNoFollow(join(chartDir, `${chart.name}.svg`), svg);
    const png = renderPngAsync(svg).then((bytes) =>
      writeFileNoFollow(join(chartDir, `${chart.name}.png`), bytes),
    );
    png.catch(() => undefined); // awaited below; should the loop fail first, not an unhandled rejection
    pngs.push(png);
    files.push(
      `charts/${chart.name}.vl.json`,
      `charts/${chart.name}.svg`,
      `charts/${chart.name}.png`,
    );
    // the compiled Vega spec lets the page draw the chart live, with tooltips
    rendered.set(chart.name, {
      name: chart.name,
      title: chart.title,
      description: chart.description,
      svg,
      vega: compileToVega(chart.spec),
    });
  }
  await Promise.all(pngs);
  progress(drawn.length);
  signal?.throwIfAborted();
  const page = reportPage(data, rendered, options.title, version);
  const unplaced = unplacedCharts(page, rendered);
  if (unplaced.length)
    throw new Error(`charts drawn but placed by no section of the page: ${unplaced.join(', ')}`);
  writeFileNoFollow(join(folder, 'index.html'), page);
  writeFileNoFollow(join(folder, 'indicators.csv'), indicatorsCsv(data.indicators));
  writeFileNoFollow(join(folder, 'decisions.csv'), decisionsCsv(data.decisions));
  files.unshift('index.html', 'indicators.csv', 'decisions.csv', 'report.json');
  writeFileNoFollow(
    join(folder, 'report.json'),
    `${JSON.stringify(reportSummary(data, version, options.title, files), null, 2)}\n`,
  );
  return { folder, reviewTerm, files, data };
}
