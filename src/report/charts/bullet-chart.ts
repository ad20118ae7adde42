// Management targets, actual against target, each on its indicator's own scale: a bar
// from zero to the actual and a black tick at the target, on an axis in the unit (a
// share in percent, new students per 10 000 inhabitants, a count, a ratio), one panel
// per unit. Beside each bar, in words: the actual in its unit, the status, and the
// target rounded as the table above the chart rounds it.
import type { TopLevelSpec } from 'vega-lite';
import {
  MISSING_MARK,
  SCHEMA_URL,
  baseConfig,
  emptyChart,
  isNumber,
  slug,
  titleBlock,
  wrapWords,
} from './base.ts';
import { WORDS } from './labels.ts';
import {
  PANEL,
  type RowChannel,
  byUnit,
  panelTitle,
  sideColumn,
  sideLines,
  targetText,
  targetTipLine,
  unitAxis,
  unitNames,
  unitScale,
  valueText,
} from './own-scale.ts';
import { MUTED_TEXT, OKABE_ITO, TEXT } from './palette.ts';
import { TOOLTIP, tipLines, valueLine } from './tooltip.ts';
import type { BulletChartOptions, BulletRow, ChartSpec, Lang } from './types.ts';

/** Characters of a target's label per line (11 px, no indent). */
const LABEL_CHARS = 35;
const TARGET_ROW = 0;
const MORE_ROW = 1;

interface BulletDatum {
  /** The panel (unit) the row is drawn in, by its place in the chart. */
  panel: number;
  row: string;
  /** TARGET_ROW carries the marks; MORE_ROW continues the label and the text (numbers: no words in the data). */
  level: typeof TARGET_ROW | typeof MORE_ROW;
  label: string;
  /** The actual and the target in the indicator's own unit; the actual null when not shown. */
  value: number | null;
  target: number | null;
  note: string | null;
  /** "4,8 · uppnått" (the first line, or one it continues on). */
  summary: string | null;
  /** "mål ≥ 3,6", muted, below the summary. */
  aside: string | null;
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
  const panels = byUnit(rows);

  const data: BulletDatum[] = [];
  panels.forEach(({ items }, panel) => {
    for (const row of items) data.push(...targetRows(row, panel, data.length, lang));
  });

  const description = describe(rows, lang);
  const spec: TopLevelSpec = {
    $schema: SCHEMA_URL,
    title: titleBlock(
      title,
      [words.bulletLegend, data.some((d) => d.note) ? words.missingNote : ''],
      PANEL.width,
    ),
    description,
    data: { values: data as unknown as Record<string, unknown>[] },
    config: baseConfig(lang),
    spacing: PANEL.panelSpacing,
    vconcat: panels.map(({ unit }, panel) => {
      const own = data.filter((d) => d.panel === panel);
      const y: RowChannel = {
        field: 'row',
        type: 'nominal',
        scale: { domain: own.map((d) => d.row) },
        axis: null,
      };
      const inPanel = { filter: `datum.panel === ${panel}` };
      const marks = [inPanel, { filter: `datum.level === ${TARGET_ROW}` }];
      // bars start at zero on every unit
      const scale = unitScale(unit, [0, ...own.flatMap((d) => [d.value, d.target])]);
      const x = { type: 'quantitative', scale } as const;
      return {
        title: panelTitle(words.unitTitle[unit]),
        spacing: PANEL.spacing,
        hconcat: [
          {
            width: PANEL.label,
            height: { step: PANEL.step },
            transform: [inPanel],
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'middle',
              limit: PANEL.label,
              color: TEXT,
            },
            encoding: { y, x: { value: 0 }, text: { field: 'label' }, tooltip: TOOLTIP },
          },
          {
            width: PANEL.plot,
            height: { step: PANEL.step },
            layer: [
              {
                transform: [...marks, { filter: 'isValid(datum.value)' }],
                mark: { type: 'bar', color: OKABE_ITO.blue, height: 8 },
                encoding: {
                  y,
                  x: {
                    field: 'value',
                    ...x,
                    axis: { title: null, tickCount: 5, ...unitAxis(unit) },
                  },
                  tooltip: TOOLTIP,
                },
              },
              {
                transform: marks,
                mark: { type: 'tick', color: '#000000', thickness: 2, size: 16 },
                encoding: { y, x: { field: 'target', ...x }, tooltip: TOOLTIP },
              },
              {
                transform: [...marks, { filter: 'isValid(datum.note)' }],
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
          sideColumn(y, inPanel),
        ],
        resolve: { scale: { y: 'shared' } },
      };
    }),
  };
  return { name: options.name ?? slug(title), title, description, spec };
}

/** A target's rows: the first with its marks, the others continuing its label and its text. */
function targetRows(row: BulletRow, panel: number, first: number, lang: Lang): BulletDatum[] {
  const words = WORDS[lang];
  const lines = wrapWords(row.label, LABEL_CHARS).slice(0, 3);
  const shown = isNumber(row.actual) ? row.actual : null;
  const actual = shown === null ? null : valueText(row.indicator, shown, lang);
  const target = targetText(row.indicator, row.operator, row.target, lang);
  const side = sideLines(actual ?? MISSING_MARK, row.statusLabel, target);
  const tip = tipLines(
    row.label,
    valueLine(actual, lang, false, words.tipActual),
    targetTipLine(row.indicator, row.operator, row.target, lang),
    `${words.status}: ${row.statusLabel}`,
  );
  return Array.from({ length: Math.max(lines.length, side.length) }, (_, i) => ({
    panel,
    row: `r${first + i}`,
    level: i === 0 ? TARGET_ROW : MORE_ROW,
    label: lines[i] ?? '',
    value: i === 0 ? shown : null,
    target: i === 0 ? row.target : null,
    note: i === 0 && shown === null ? MISSING_MARK : null,
    summary: side[i]?.summary ?? null,
    aside: side[i]?.aside ?? null,
    tip,
  }));
}

function describe(rows: BulletRow[], lang: Lang): string {
  const words = WORDS[lang];
  const parts = [words.bulletDescription(rows.length, unitNames(rows, lang))];
  for (const row of rows) {
    const actual = isNumber(row.actual)
      ? valueText(row.indicator, row.actual, lang)
      : `${MISSING_MARK} (${words.missingWhy})`;
    parts.push(
      words.bulletRow(
        row.label,
        actual,
        targetText(row.indicator, row.operator, row.target, lang),
        row.statusLabel,
      ),
    );
  }
  return parts.join(' ');
}
