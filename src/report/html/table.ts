// An accessible table: a caption, column headers with scope, optional row headers. Every
// data cell carries its column's header as data-label, so that on a narrow screen the
// stylesheet shows each row as a stacked block with each value under its header's words.
import { esc } from './escape.ts';

export interface TableOptions {
  caption?: string;
  /** Column indexes holding numbers (right-aligned). */
  numeric?: number[];
  /** The first column names the row. */
  rowHeader?: boolean;
  className?: string;
}

/** Cells are HTML already escaped by the caller when they come from data (use esc). */
export function table(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const head = headers
    .map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${esc(h)}</th>`)
    .join('');
  const label = (i: number) => (headers[i] ? ` data-label="${esc(headers[i])}"` : '');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0 && options.rowHeader
              ? `<th scope="row">${cell}</th>`
              : `<td${label(i)}${numeric.has(i) ? ' class="num"' : ''}>${cell}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table${options.className ? ` class="${options.className}"` : ''}>${options.caption ? `<caption>${esc(options.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}
