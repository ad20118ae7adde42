// The whole term report as one HTML file that needs no network.
import type { ReportData } from '../report-data.ts';
import { esc } from './escape.ts';
import type { RenderedChart } from './figure.ts';
import { interactiveScripts } from './interactive.ts';
import { activityCardsSection } from './sections/activity-cards.ts';
import { dataQualitySection } from './sections/data-quality.ts';
import { decisionSheetSection } from './sections/decision-sheet.ts';
import { methodSection } from './sections/method.ts';
import { recruitmentSection } from './sections/recruitment.ts';
import { summarySection } from './sections/summary.ts';
import { throughputSection } from './sections/throughput.ts';
import { printFrame, STYLE } from './style.ts';
import { text, type TextKey } from './texts.ts';

const SECTIONS: [string, TextKey][] = [
  ['summary', 'summary'],
  ['decisions', 'decisionSheet'],
  ['activities', 'activities'],
  ['recruitment', 'recruitment'],
  ['throughput', 'throughput'],
  ['quality', 'dataQuality'],
  ['method', 'method'],
];

export function reportPage(
  data: ReportData,
  charts: Map<string, RenderedChart>,
  title: string,
  version: string,
): string {
  const { lang } = data;
  const nav = SECTIONS.filter(([id]) => id !== 'activities' || data.decisions.length)
    .map(([id, key]) => `<li><a href="#${id}">${text(key, lang)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="larsam ${esc(version)}">
<title>${esc(title)} – ${esc(data.reviewTerm)}</title>
<style>${STYLE}${printFrame(`${title} – ${data.reviewTerm}`, lang)}</style>
</head>
<body>
<header>
<h1>${esc(title)} – ${esc(data.reviewTerm)}</h1>
<p class="muted">${esc(text('subtitle', lang))}</p>
</header>
<nav aria-label="${esc(text('contents', lang))}"><h2 class="visually-plain">${text('contents', lang)}</h2><ol>${nav}</ol></nav>
<main>
${summarySection(data)}
${decisionSheetSection(data, charts)}
${activityCardsSection(data, charts)}
${recruitmentSection(data, charts)}
${throughputSection(data, charts)}
${dataQualitySection(data)}
${methodSection(data, version)}
</main>
${interactiveScripts(charts)}</body>
</html>
`;
}
