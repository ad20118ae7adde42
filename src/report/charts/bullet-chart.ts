// Management targets, actual against target. Targets differ in unit (counts, shares),
// so each row is drawn as actual / target on one axis: a grey field up to the target
// (100 %), a dark bar for the actual, a black tick at the target. Beside it, in words:
// the actual in its own unit, the status, and the target.
import type { TopLevelSpec } from 'vega-lite';
import {
  MISSING_MARK,
  SCHEMA_URL,
  baseConfig,
  capitalise,
  emptyChart,
  isNumber,
  slug,
  titleBlock,
  wrapWords,
} from './base.ts';
import { formatPercentOfTarget, formatValue } from './format.ts';
import { WORDS } from './labels.ts';
import { FIELD_GREY, MUTED_TEXT, OKABE_ITO, TEXT } from './palette.ts';
import { TOOLTIP, tipLines, valueLine } from './tooltip.ts';
import type { BulletChartOptions, BulletRow, ChartSpec, Lang } from './types.ts';

const LABEL_WIDTH = 210;
const PLOT_WIDTH = 190;
const SUMMARY_WIDTH = 200;
const SPACING = 6;
const LABEL_CHARS = 32;
const ROW_STEP = 17;
const AXIS_MAX = 3;
const TARGET_ROW = 0;
const MORE_ROW = 1;

interface BulletDatum {
  row: string;
  /** TARGET_ROW carries the marks; MORE_ROW continues the label and summary (numbers: no words in the data). */
  level: typeof TARGET_ROW | typeof MORE_ROW;
  label: string;
  ratio: number | null;
  shape: string | null;
  note: string | null;
  summary: string | null;
  /** The tooltip of every row of a target: its whole label, actual (or ".."), target, status. */
  tip: string;
}

export function bulletChart(
  rows: BulletRow[],
  lang: Lang,
  options: BulletChartOptions = {},
): ChartSpec {
  const words = WORDS[lang];
  const title = options.title ?? words.bulletTitle;
  if (rows.length === 0)
    return emptyChart(options.name ?? slug(title), title, words.noValues, lang);
  const ratios = rows.map((r) => (r.target > 0 && isNumber(r.actual) ? r.actual / r.target : null));
  const domainHigh = Math.min(
    AXIS_MAX,
    Math.max(1.25, ...ratios.filter(isNumber).map((r) => Math.ceil(r * 4) / 4)),
  );

  const data: BulletDatum[] = [];
  let offScale = false;
  rows.forEach((row, i) => {
    const ratio = ratios[i] ?? null;
    const lines = wrapWords(row.label, LABEL_CHARS).slice(0, 3);
    const actual = isNumber(row.actual) ? formatValue(row.actual, row.format, lang) : MISSING_MARK;
    const target = words.targetPhrase(row.operator, formatValue(row.target, row.format, lang));
    const percent = ratio !== null ? ` (${formatPercentOfTarget(ratio, lang)})` : '';
    const summaries = [`${actual}${percent} · ${row.statusLabel}`, target];
    const tip = tipLines(
      row.label,
      valueLine(isNumber(row.actual) ? `${actual}${percent}` : null, lang, false, words.tipActual),
      capitalise(target),
      `${words.status}: ${row.statusLabel}`,
    );
    if (ratio !== null && ratio > domainHigh) offScale = true;
    data.push({
      row: `r${data.length}`,
      level: TARGET_ROW,
      label: lines[0] ?? '',
      ratio: ratio === null ? null : Math.min(ratio, domainHigh),
      shape: ratio === null ? null : ratio > domainHigh ? 'triangle-right' : null,
      note: isNumber(row.actual) ? null : MISSING_MARK,
      summary: summaries[0]!,
      tip,
    });
    for (let line = 1; line < Math.max(lines.length, summaries.length); line++) {
      data.push({
        row: `r${data.length}`,
        level: MORE_ROW,
        label: lines[line] ?? '',
        ratio: null,
        shape: null,
        note: null,
        summary: summaries[line] ?? null,
        tip,
      });
    }
  });

  const y = {
    field: 'row',
    type: 'nominal',
    scale: { domain: data.map((d) => d.row) },
    axis: null,
  } as const;
  const isTarget = { filter: `datum.level === ${TARGET_ROW}` };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, domainHigh], nice: false, clamp: true },
    axis: { title: words.bulletAxis.split('\n'), format: '.0%', tickCount: 5 },
  };

  const description = describe(rows, lang);
  const spec: TopLevelSpec = {
    $schema: SCHEMA_URL,
    title: titleBlock(title, [
      words.bulletLegend,
      [offScale ? words.forestOffScale : '', data.some((d) => d.note) ? words.missingNote : '']
        .filter(Boolean)
        .join(' · '),
    ]),
    description,
    data: { values: data as unknown as Record<string, unknown>[] },
    config: baseConfig(lang),
    spacing: SPACING,
    hconcat: [
      {
        width: LABEL_WIDTH,
        height: { step: ROW_STEP },
        mark: { type: 'text', align: 'left', baseline: 'middle', limit: LABEL_WIDTH, color: TEXT },
        encoding: { y, x: { value: 0 }, text: { field: 'label' }, tooltip: TOOLTIP },
      },
      {
        width: PLOT_WIDTH,
        height: { step: ROW_STEP },
        layer: [
          {
            transform: [isTarget],
            mark: { type: 'bar', color: FIELD_GREY, height: 13 },
            encoding: { y, x: { datum: 1, ...x }, tooltip: TOOLTIP },
          },
          {
            transform: [isTarget, { filter: 'isValid(datum.ratio)' }],
            mark: { type: 'bar', color: OKABE_ITO.blue, height: 6 },
            encoding: { y, x: { field: 'ratio', ...x }, tooltip: TOOLTIP },
          },
          {
            transform: [isTarget],
            mark: { type: 'tick', color: '#000000', thickness: 2, size: 16 },
            encoding: { y, x: { datum: 1, ...x }, tooltip: TOOLTIP },
          },
          {
            transform: [isTarget, { filter: 'isValid(datum.shape)' }],
            mark: {
              type: 'point',
              shape: 'triangle-right',
              filled: true,
              color: OKABE_ITO.blue,
              size: 60,
              opacity: 1,
            },
            encoding: { y, x: { field: 'ratio', ...x }, tooltip: TOOLTIP },
          },
          {
            transform: [isTarget, { filter: 'isValid(datum.note)' }],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              dx: 3,
              color: MUTED_TEXT,
              fontWeight: 'bold',
            },
            encoding: { y, x: { value: 0 }, text: { field: 'note' }, tooltip: TOOLTIP },
          },
        ],
      },
      {
        width: SUMMARY_WIDTH,
        height: { step: ROW_STEP },
        layer: [
          {
            transform: [isTarget],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              limit: SUMMARY_WIDTH,
              color: TEXT,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'summary' }, tooltip: TOOLTIP },
          },
          {
            transform: [{ filter: `datum.level === ${MORE_ROW} && isValid(datum.summary)` }],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              limit: SUMMARY_WIDTH,
              color: MUTED_TEXT,
              fontSize: 10,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'summary' }, tooltip: TOOLTIP },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'shared' } },
  };
  return { name: options.name ?? slug(title), title, description, spec };
}

function describe(rows: BulletRow[], lang: Lang): string {
  const words = WORDS[lang];
  const parts = [words.bulletDescription(rows.length)];
  for (const row of rows) {
    const actual = isNumber(row.actual)
      ? formatValue(row.actual, row.format, lang)
      : `${MISSING_MARK} (${words.missingWhy})`;
    parts.push(
      words.bulletRow(
        row.label,
        actual,
        words.targetPhrase(row.operator, formatValue(row.target, row.format, lang)),
        row.statusLabel,
      ),
    );
  }
  return parts.join(' ');
}
