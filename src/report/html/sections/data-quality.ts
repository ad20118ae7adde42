// 6. Data quality: files, files that failed (only when there are any), rejects,
// coverage, unknown values, data tests, suppressed cells, and kinds that were not loaded.
import { formatNumber, formatPercent } from '../../../i18n/format-number.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { dataTestDescription } from '../../../messages/build.ts';
import type { ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { table } from '../table.ts';
import { text } from '../texts.ts';

const MISSING_EFFECT: Record<string, Record<Lang, string>> = {
  population: {
    sv: 'nybörjare per 10 000 invånare beräknas inte',
    en: 'new students per 10,000 inhabitants are not computed',
  },
  results: {
    sv: 'HPR, prestationsgrad och fullföljande blir 0',
    en: 'HPR, performance rate and completion are 0',
  },
  degrees: {
    sv: 'kvarstannande räknar bara registreringar',
    en: 'retention counts registrations only',
  },
  learning_centres: {
    sv: 'lärcentrum visas med sin kod',
    en: 'learning centres are shown by their code',
  },
  needs: { sv: 'inget behov räknas som dokumenterat', en: 'no need counts as documented' },
  activities: { sv: 'inga aktiviteter bedöms', en: 'no activities are judged' },
  activity_goals: { sv: 'aktiviteter saknar mål', en: 'activities have no goals' },
  activity_sessions: { sv: 'deltagarantal saknas', en: 'headcounts are missing' },
  participations: { sv: 'inga deltagare kan följas upp', en: 'no participants can be followed up' },
  recruitment_targets: { sv: 'inga rekryteringsmål visas', en: 'no recruitment targets are shown' },
  registrations: { sv: 'inga indikatorer kan beräknas', en: 'no indicators can be computed' },
};

export function dataQualitySection(data: ReportData): string {
  const { lang, quality: q } = data;
  const n = (v: number) => formatNumber(v, lang);
  const files = table(
    [
      text('file', lang),
      text('kind', lang),
      text('rowsRead', lang),
      text('rowsLoaded', lang),
      text('rowsRejected', lang),
      text('hash', lang),
    ],
    q.files.map((f) => [
      esc(f.file),
      esc(f.kind),
      n(f.rowsRead),
      n(f.rowsLoaded),
      n(f.rowsRejected),
      `<code>${esc(f.sha256.slice(0, 16))}…</code>`,
    ]),
    { rowHeader: true, numeric: [2, 3, 4] },
  );
  // Shown only when a file failed, so a clean report keeps its structure.
  const failed = q.failed.length
    ? `<h3>${text('failedFiles', lang)}</h3>${table(
        [text('file', lang), text('kind', lang), text('failure', lang)],
        q.failed.map((f) => [esc(f.file), esc(f.kind), esc(f.why)]),
        { rowHeader: true },
      )}`
    : '';
  const rejects = q.rejects.length
    ? table(
        [text('file', lang), text('column', lang), text('rule', lang), text('rows', lang)],
        q.rejects.map((r) => [esc(r.file), esc(r.column ?? ''), esc(r.rule), n(r.rows)]),
        { rowHeader: true, numeric: [3] },
      )
    : `<p>${text('noRejects', lang)}</p>`;
  const coverage = table(
    [
      text('term', lang),
      text('registrations', lang),
      text('results', lang),
      text('sessions', lang),
      text('participations', lang),
    ],
    q.coverage.map((c) => [
      esc(c.term),
      n(c.registrations),
      n(c.results),
      n(c.sessions),
      n(c.participations),
    ]),
    { rowHeader: true, numeric: [1, 2, 3, 4] },
  );
  const unknown = table(
    [text('attribute', lang), text('unknown', lang), text('share', lang)],
    q.unknown.map((u) => [
      esc(u.attribute),
      n(u.unknown),
      u.total ? esc(formatPercent(u.unknown / u.total, lang)) : '–',
    ]),
    { rowHeader: true, numeric: [1, 2] },
  );
  const tests = table(
    [text('test', lang), text('severity', lang), text('findings', lang), text('definition', lang)],
    q.tests.map((t) => [
      esc(t.name),
      esc(t.severity === 'error' ? text('severityError', lang) : text('severityWarn', lang)),
      n(t.rows),
      esc(dataTestDescription(t.name, t.description)[lang]),
    ]),
    { rowHeader: true, numeric: [2] },
  );
  const levels: Record<string, Record<Lang, string>> = {
    region: { sv: 'regionen', en: 'region' },
    county: { sv: 'län', en: 'county' },
    municipality: { sv: 'kommun', en: 'municipality' },
    centre: { sv: 'lärcentrum', en: 'learning centre' },
    activity: { sv: 'aktivitet', en: 'activity' },
  };
  const suppressedTotal =
    lang === 'sv'
      ? `${n(q.suppressedCells)} av ${n(q.publishedCells)} publicerade värden visas som "..": ${n(q.suppressedCells - q.secondaryCells)} för att de bygger på för få personer, ${n(q.secondaryCells)} för att de annars skulle ge bort ett sådant värde (sekundärt skydd, se Metod).`
      : `${n(q.suppressedCells)} of ${n(q.publishedCells)} published values are shown as "..": ${n(q.suppressedCells - q.secondaryCells)} because they rest on too few persons, ${n(q.secondaryCells)} because they would otherwise give such a value away (secondary suppression, see Method).`;
  const suppression = table(
    [
      text('term', lang),
      text('scopeLevel', lang),
      text('byOwnRule', lang),
      text('toProtect', lang),
      text('values', lang),
    ],
    q.suppressionByScope.map((r) => [
      esc(r.term),
      esc(levels[r.scope]?.[lang] ?? r.scope),
      n(r.primary),
      n(r.secondary),
      n(r.total),
    ]),
    { rowHeader: true, numeric: [2, 3, 4] },
  );
  const missing = q.missingKinds.length
    ? `<ul>${q.missingKinds.map((k) => `<li><code>${esc(k)}</code>: ${esc(MISSING_EFFECT[k]?.[lang] ?? '')}</li>`).join('')}</ul>`
    : '<p>–</p>';
  return `<section id="quality"><h2>${text('dataQuality', lang)}</h2>
<h3>${text('files', lang)}</h3>${files}
${failed}
<h3>${text('rejectsByReason', lang)}</h3>${rejects}
<h3>${text('coverage', lang)}</h3>${coverage}
<h3>${text('unknownValues', lang)} (${esc(data.reviewTerm)})</h3>${unknown}
<h3>${text('dataTests', lang)}</h3>${tests}
<h3>${text('suppressedCells', lang)}</h3><p>${esc(suppressedTotal)}</p>${suppression}
<h3>${text('missingKinds', lang)}</h3>${missing}
</section>`;
}
