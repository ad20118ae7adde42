// The page's stylesheet, for three ways of reading it:
// - on a screen: colours that pass WCAG AA, badge colours from a colour-blind-safe palette
//   (Okabe–Ito) always paired with words and with a border of their own;
// - on paper (A4): colours and badges kept also without "background graphics"
//   (print-color-adjust), no chart, card, key figure or table row split across pages, the
//   table header repeated, and the report's title and page numbers in the page margins
//   (printFrame, which holds the words);
// - on a phone (below 40em, 640 px): tables as stacked rows, each cell under its header's
//   words (data-label, table.ts), and charts that shrink only as far as their smallest text
//   stays 10 px (--chart-min-width, figure.ts), then scroll in their own box, never the page.
import type { Lang } from '../../i18n/lang.ts';
import { text } from './texts.ts';

export const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --bg: #fff; --accent: #0b5394; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: var(--bg); margin: 0 auto; max-width: 1000px; padding: 1.5rem; line-height: 1.45; font-size: 15px; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
a { color: var(--accent); }
nav ol { columns: 2; }
.muted, .note { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.goals { margin: 0; padding-left: 1.1rem; }
dl.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: .8rem; }
dl.key-figures div { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
dl.key-figures dt { color: var(--muted); font-size: .85rem; }
dl.key-figures dd { margin: .2rem 0 0; font-size: 1.15rem; }
.badge { display: inline-block; border-radius: 4px; padding: .05rem .45rem; font-size: .85rem; font-weight: bold; border: 2px solid #000; white-space: nowrap; }
.rec-continue { background: #009E73; color: #000; border: 2px solid #00664a; }
.rec-develop { background: #E69F00; color: #000; border: 2px dashed #000; }
.rec-end { background: #B8351A; color: #fff; border: 3px double #000; }
.rec-insufficient_data { background: #fff; color: #000; border: 2px dotted #000; }
.rec-in_progress { background: #56B4E9; color: #000; border: 1px solid #000; }
.rec-ended { background: #e8e8e8; color: #333; border: 1px solid #777; }
@media print, (min-width: 40.0625em) {
  table.decisions th:first-child { width: 18%; }
  table.decisions td:nth-child(4) { width: 40%; }
  table.decisions td:nth-child(5) { width: 20%; }
}
.decision { display: flex; flex-direction: column; align-items: flex-start; gap: .25rem; }
.decision .reason { font-size: .85rem; }
.status { font-style: italic; }
.st-met, .st-likely_met { color: #00664a; }
.st-missed, .st-likely_missed { color: #a0301a; }
.suppressed { color: var(--muted); }
.prelim { font-style: italic; color: #7a4b00; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1rem 1rem; margin: 1rem 0; }
.card h3 { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.need.warning, .unread.warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: .4rem .6rem; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.chart-scroll { max-width: 100%; overflow-x: auto; }
.chart-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.chart-view svg { display: block; max-width: 100%; min-width: var(--chart-min-width, 0); height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
details.chart-data { font-size: .85rem; margin: .3rem 0; }
details.chart-data summary { cursor: pointer; color: var(--accent); }
details.chart-data table { font-size: .8rem; margin: .3rem 0; }
a.files { font-size: .75rem; }
code { font-size: .8rem; word-break: break-all; }
@media screen and (max-width: 40em) {
  body { padding: .8rem; }
  nav ol { columns: 1; }
  table, tbody, tr, tbody th, tbody td { display: block; width: auto; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  tbody tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .7rem; padding: .3rem .6rem; }
  tbody th, tbody td { border: 0; padding: .15rem 0; text-align: left; }
  tbody td:empty { display: none; }
  tbody td[data-label]::before { content: attr(data-label); content: attr(data-label) / ""; display: block; font-size: .8rem; font-weight: bold; color: var(--muted); }
  tbody td.num { text-align: left; }
  tbody td.num[data-label]::before { content: attr(data-label) ": "; content: attr(data-label) ": " / ""; display: inline; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, a.files, details.chart-data { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .card, figure.chart, tr, dl.key-figures div, .warning { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .chart-scroll { overflow: visible; }
  section { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A CSS string literal: quotes and backslashes escaped, and "<" written as \\3c so nothing ends the <style> element. */
function cssString(value: string): string {
  return `"${value
    .replace(/[\\"]/g, '\\$&')
    .replace(/</g, '\\3c ')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** The printed page's margins: the report's title and term at the top, "page n of m" at the bottom. */
export function printFrame(heading: string, lang: Lang): string {
  const [before, between] = [text('pageNumberBefore', lang), text('pageNumberBetween', lang)];
  return `
@page {
  size: A4;
  margin: 18mm 15mm 16mm;
  @top-center { content: ${cssString(heading)}; font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #333; }
  @bottom-right { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages); font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #333; }
}
`;
}
