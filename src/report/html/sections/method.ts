// 7. Method: definitions in words, interval methods, small-cell protection, decision
// rules, settings, tool version and the hash of every input.
import { formatNumber } from '../../../i18n/format-number.ts';
import { INDICATORS } from '../../../indicators/registry.ts';
import { rulesText } from '../../../decide/words.ts';
import type { ReportData } from '../../report-data.ts';
import { esc } from '../escape.ts';
import { table } from '../table.ts';
import { text } from '../texts.ts';

export function methodSection(data: ReportData, version: string): string {
  const { lang, settings: s } = data;
  const sv = lang === 'sv';
  const definitions = table(
    [text('indicator', lang), text('definition', lang)],
    INDICATORS.map((i) => [
      `${esc(i.label[lang])}<br><code>${esc(i.name)}</code>`,
      esc(i.definition[lang]),
    ]),
    { rowHeader: true },
  );
  const level = formatNumber(s.confidence * 100, lang);
  const intervals = sv
    ? `Andelar har ${level} % konfidensintervall enligt Wilson. Kvoter av summor (prestationsgrad) har intervall enligt deltametoden med personer som enheter (för aktiviteter person och deltagartermin). Skillnaden i fullföljande har medelvärde ± z · standardavvikelse / √n. n är antalet enheter bakom värdet. Färre än två enheter ger inget intervall.`
    : `Shares carry ${level}% Wilson score intervals. Ratios of sums (performance rate) carry delta-method intervals with persons as units (for activities, person and participation term). The completion difference carries mean ± z · sd / √n. n is the number of units behind a value. Fewer than two units give no interval.`;
  const cellsRule = s.shareRule === 'cells';
  const small = sv
    ? `Antal från 1 till ${s.minCell - 1} personer, och andelar och kvoter vars nämnare har färre än ${s.minCell} personer, visas som ".." (primärt skydd).` +
      (cellsRule
        ? ` Regeln för andelar är "cells": en andel visas inte heller när täljaren eller resten (nämnaren minus täljaren) är 1 till ${s.minCell - 1}.`
        : ` Regeln för andelar är "denominator": bara nämnaren prövas, så en andel av 2 personer av 40 visas (inställningen share_rule: cells prövar även täljaren och resten).`) +
      `\nSekundärt skydd: den som har tabellerna kan lägga ihop och dra ifrån — alla = lärcentrum + övriga, ett län = dess kommuner, regionen = dess kommuner och län. Därför döljs fler värden, tills inget dolt värde går att räkna fram exakt ur de publicerade.\nMetoden är en girig heuristik ur litteraturen om röjandekontroll: för varje dolt värde som de publicerade bestämmer (exakt linjär algebra över de rationella talen: värdet är bestämt när dess enhetsvektor ligger i radrummet av sambanden mellan de dolda cellerna) döljs den publicerade cell med minst informationsförlust (färst personer) som gör det obestämt, och så vidare tills inget är bestämt. Nybörjartabellens och de registrerades tabells indikatorer döljs cell för cell tillsammans, eftersom de delar summor (nybörjare är nämnare i andelen via lärcentrum och täljare i nybörjare per 10 000). Samma data ger samma celler. Hur många värden som döljs av vilket skäl står under Datakvalitet.`
    : `Counts from 1 to ${s.minCell - 1} persons, and shares and ratios whose denominator has fewer than ${s.minCell} persons, are shown as ".." (primary suppression).` +
      (cellsRule
        ? ` The share rule is "cells": a share is also hidden when its numerator or its complement (denominator minus numerator) is 1 to ${s.minCell - 1}.`
        : ` The share rule is "denominator": only the denominator is tested, so a share of 2 persons out of 40 is shown (the setting share_rule: cells also tests the numerator and the complement).`) +
      `\nSecondary suppression: a reader of the tables can add and subtract — all = learning centre + other, a county = its municipalities, the region = its municipalities and counties. So further values are hidden until no hidden value can be worked out exactly from the published ones.\nThe method is a greedy heuristic from the statistical-disclosure literature: for each hidden value that the published ones determine (exact linear algebra over the rationals: a value is determined when its unit vector lies in the row space of the relations among the hidden cells), the published cell of least information loss (fewest persons) that makes it undetermined is hidden, and so on until none is determined. The indicators of the new-students table and of the registered persons' table are hidden cell by cell together, since they share sums (new students are the denominator of the learning-centre share and the numerator of new students per 10,000). The same data gives the same cells. How many values are hidden for which reason is shown under Data quality.`;
  // the rules as recommend.ts applies them (RULES), so this section cannot say otherwise
  const rules = rulesText(lang);
  const statusRule = sv
    ? `Ett mål är uppnått när hela intervallet ligger på rätt sida om målvärdet, troligen uppnått när värdet men inte hela intervallet gör det, troligen inte uppnått när värdet ligger fel men intervallet når målvärdet, och inte uppnått när hela intervallet ligger fel. Andelar och kvoter med färre än ${s.minN} enheter eller utan intervall har otillräckligt underlag; antal bedöms på värdet.`
    : `A goal is met when its whole interval is on the right side of the target, likely met when the value but not the whole interval is, likely missed when the value is on the wrong side but the interval reaches the target, and missed when the whole interval is on the wrong side. Shares and ratios with fewer than ${s.minN} units or without an interval have insufficient data; counts are judged on their value.`;
  const settings = table(
    [sv ? 'Inställning' : 'Setting', text('value', lang)],
    [
      ['min_cell', String(s.minCell)],
      ['share_rule', s.shareRule],
      ['min_n', String(s.minN)],
      [sv ? 'konfidensnivå' : 'confidence level', `${level}${sv ? ' %' : '%'}`],
      ['grace_days', String(s.graceDays)],
      [sv ? 'datum för data (as-of)' : 'as-of date', s.asOf ?? '–'],
      [text('reviewTerm', lang), data.reviewTerm],
      [text('version', lang), `larsam ${version}`],
    ].map(([k, v]) => [esc(k), esc(v)]),
    { rowHeader: true },
  );
  const inputs = table(
    [text('file', lang), text('kind', lang), 'SHA-256'],
    data.quality.files.map((f) => [esc(f.file), esc(f.kind), `<code>${esc(f.sha256)}</code>`]),
    { rowHeader: true },
  );
  return `<section id="method"><h2>${text('method', lang)}</h2>
<h3>${text('definitions', lang)}</h3>${definitions}
<h3>${text('intervals', lang)}</h3><p>${esc(intervals)}</p>
<h3>${text('smallCells', lang)}</h3>${small
    .split('\n')
    .map((paragraph) => `<p>${esc(paragraph)}</p>`)
    .join('')}
<h3>${text('decisionRules', lang)}</h3><p>${esc(statusRule)}</p>
<p>${esc(rules.order)}</p><ol>${rules.numbered.map((r) => `<li value="${esc(r.number)}">${esc(r.text)}</li>`).join('')}</ol>
<p>${esc(rules.before)}</p><ul>${rules.grounds.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>${rules.notApplied.map((n) => `<p>${esc(n)}</p>`).join('')}
<h3>${text('settings', lang)}</h3>${settings}
<h3>${text('inputs', lang)}</h3>${inputs}
</section>`;
}
