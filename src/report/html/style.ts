// The page's stylesheet: readable on screen, A4 in print with no chart split across
// pages, colours that pass WCAG AA, and badge colours from a colour-blind-safe palette
// (Okabe–Ito) always paired with words.
export const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --bg: #fff; --accent: #0b5394; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: var(--bg); margin: 0 auto; max-width: 1000px; padding: 1.5rem; line-height: 1.45; font-size: 15px; }
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
.badge { display: inline-block; border-radius: 4px; padding: .05rem .45rem; font-size: .85rem; font-weight: bold; border: 1px solid #000; white-space: nowrap; }
.rec-continue { background: #009E73; color: #fff; border-color: #00664a; }
.rec-develop { background: #E69F00; color: #000; }
.rec-end { background: #B8351A; color: #fff; }
.rec-insufficient_data { background: #fff; color: #000; border-style: dashed; }
.rec-in_progress { background: #56B4E9; color: #000; }
.rec-ended { background: #e8e8e8; color: #333; }
.status { font-style: italic; }
.st-met, .st-likely_met { color: #00664a; }
.st-missed, .st-likely_missed { color: #a0301a; }
.suppressed { color: var(--muted); }
.prelim { font-style: italic; color: #7a4b00; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1rem 1rem; margin: 1rem 0; }
.card h3 { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.need.warning, .unread.warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: .4rem .6rem; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
a.files { font-size: .75rem; }
code { font-size: .8rem; word-break: break-all; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, a.files { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; }
  .card, figure.chart, table { break-inside: avoid; page-break-inside: avoid; }
  section { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;
