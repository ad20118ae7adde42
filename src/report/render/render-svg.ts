// Headless SVG: Vega-Lite → Vega → a View with no renderer → toSVG. The number and time
// locale of the language is given to the View (Swedish reads "1 234,5" and "22 %"),
// text is measured with DejaVu Sans' own widths, data loading is refused (every chart
// has its data inlined, so rendering never touches the network), and renders run one at
// a time with Vega's clip and gradient ids reset, so the same input gives the same bytes.
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { NUMBER_LOCALE, TIME_LOCALE } from '../charts/locale.ts';
import type { Lang } from '../charts/types.ts';
import { collectingLogger } from './collect-logger.ts';
import { compileWithWarnings } from './compile.ts';
import { fontFiles } from './fonts.ts';
import { readFontMetrics, textWidth, type FontMetrics } from './text-metrics.ts';

export interface RenderedSvg {
  svg: string;
  /** Vega-Lite and Vega warnings, empty for a clean chart. */
  warnings: string[];
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

interface TextMetricsHook {
  width: (item: TextItem, text: unknown) => number;
}

let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;

function isBold(weight: number | string | undefined): boolean {
  if (weight === undefined) return false;
  if (weight === 'bold' || weight === 'bolder') return true;
  return Number(weight) >= 600;
}

/** Vega measures text through a replaceable function (vl-convert does the same). */
function useDejaVuMetrics(): void {
  if (!metrics) {
    const files = fontFiles();
    metrics = { regular: readFontMetrics(files.regular), bold: readFontMetrics(files.bold) };
  }
  const fonts = metrics;
  const hook = (vega as unknown as { textMetrics: TextMetricsHook }).textMetrics;
  hook.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const line = text == null ? '' : String(text).trim();
    if (size <= 0 || !line) return 0;
    const width = textWidth(isBold(item.fontWeight) ? fonts.bold : fonts.regular, line, size);
    // Vega truncates a text with a limit by asking for widths of its prefixes; capping at the
    // limit keeps that search exact and gives bounds the width the truncated text will have.
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

function offlineLoader(): vega.Loader {
  const refuse = (what: unknown) =>
    Promise.reject(
      new Error(`Charts render offline; data must be inlined (asked to load ${String(what)})`),
    );
  const loader = vega.loader();
  loader.load = refuse;
  loader.sanitize = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return loader;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs renders one after another: Vega numbers clip paths with a module-wide counter. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function titleText(spec: TopLevelSpec): string | null {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.join(' ');
  if (title && typeof title === 'object' && 'text' in title) {
    const text = title.text;
    if (typeof text === 'string') return text;
    if (Array.isArray(text)) return text.join(' ');
  }
  return null;
}

/**
 * Coordinates to two decimals, inside tags only (text is left as written). Smaller files,
 * and no long fractions such as "49.494140625" in which a search for a hidden value
 * (e.g. 0.4941) would find a false match.
 */
function roundCoordinates(svg: string): string {
  return svg.replace(/<[^>]+>/g, (tag) =>
    tag.replace(/\d+\.\d{3,}/g, (number) => String(Number(Number(number).toFixed(2)))),
  );
}

/** The chart's title and text alternative as the SVG's own <title> and <desc>, for the .svg file on its own. */
function withTextAlternative(svg: string, spec: TopLevelSpec): string {
  const title = titleText(spec);
  const parts = [
    title ? `<title>${escapeXml(title)}</title>` : '',
    spec.description ? `<desc>${escapeXml(spec.description)}</desc>` : '',
  ].join('');
  if (!parts) return svg;
  const end = svg.indexOf('>') + 1;
  return svg.slice(0, end) + parts + svg.slice(end);
}

async function renderOnce(spec: TopLevelSpec, lang: Lang): Promise<RenderedSvg> {
  useDejaVuMetrics();
  const compiled = compileWithWarnings(spec);
  const logger = collectingLogger();
  // The View takes locale definitions ({number, time}); vega-typings describe formatters instead.
  const locale = {
    number: NUMBER_LOCALE[lang],
    time: TIME_LOCALE[lang],
  } as unknown as vega.ViewOptions['locale'];
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled.spec), {
    renderer: 'none',
    loader: offlineLoader(),
    logger,
    locale,
  });
  try {
    const svg = withTextAlternative(roundCoordinates(await view.toSVG()), spec);
    return { svg, warnings: [...compiled.warnings, ...logger.messages] };
  } finally {
    view.finalize();
  }
}

/** The chart as SVG text, with its warnings. */
export function renderSvgWithWarnings(spec: TopLevelSpec, lang: Lang): Promise<RenderedSvg> {
  return serial(() => renderOnce(spec, lang));
}

/** The chart as SVG text. */
export async function renderSvg(spec: TopLevelSpec, lang: Lang): Promise<string> {
  return (await renderSvgWithWarnings(spec, lang)).svg;
}
