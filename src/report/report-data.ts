// Everything the term report shows, read from the built database in a few queries. Only
// published values (published_indicators: suppressed ones already blanked) leave here,
// except inside the decisions, whose sentences hide suppressed values themselves.
import type { ShareRule } from '../models/build-settings.ts';
import type { Database } from '../db/database.ts';
import { decide, type ActivityDecision } from '../decide/decide.ts';
import type { Lang } from '../i18n/lang.ts';
import { addTerms, formatTerm, parseTerm } from '../terms/term.ts';
import { readParticipationPerTerm, type ParticipationPoint } from './queries/participation.ts';
import { readDataQuality, type DataQuality } from './queries/data-quality.ts';
import { readRecruitmentTargets, type TargetRow } from './queries/recruitment-targets.ts';
import { readNeeds, type Need } from './queries/needs.ts';

export interface PublishedValue {
  scope: string;
  scope_id: string;
  term: string;
  indicator: string;
  group: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number | null;
  preliminary: boolean;
  suppressed: boolean;
  /** Why it is hidden: its own small-cell rule, or to protect another hidden value. */
  suppression: 'primary' | 'secondary' | null;
}

export interface ReportSettings {
  lang: Lang;
  minN: number;
}

export interface ReportData {
  reviewTerm: string;
  terms: string[];
  lang: Lang;
  settings: {
    minCell: number;
    shareRule: ShareRule;
    minN: number;
    graceDays: number;
    confidence: number;
    asOf: string | null;
  };
  municipalities: { code: string; name: string; county: string; inRegion: boolean }[];
  /** County (län) names by code, for the county rows ("Jämtlands län"). */
  counties: { code: string; name: string }[];
  /** Published indicator rows of every term up to the review term. */
  indicators: PublishedValue[];
  decisions: ActivityDecision[];
  participation: ParticipationPoint[];
  needs: Need[];
  targets: TargetRow[];
  quality: DataQuality;
}

export async function readReportData(
  db: Database,
  reviewTerm: string,
  settings: ReportSettings,
): Promise<ReportData> {
  const built = (await db.one<{
    grace_days: number;
    confidence: number;
    min_cell: number;
    share_rule: ShareRule | null;
    as_of: string | null;
  }>(
    `SELECT grace_days, confidence, min_cell, share_rule, strftime(as_of, '%Y-%m-%d') AS as_of FROM build_settings`,
  ))!;
  const terms = (
    await db.rows<{ term: string }>(
      `SELECT term FROM int_terms WHERE term_key <= term_key($r) ORDER BY term_key`,
      { r: reviewTerm },
    )
  ).map((t) => t.term);
  const indicators = await db.rows<PublishedValue>(
    `SELECT scope, scope_id, term, indicator, "group", value, numerator, denominator, ci_low, ci_high, n, preliminary, suppressed, suppression
     FROM published_indicators WHERE term_key <= term_key($r)
     ORDER BY scope, scope_id, term_key, indicator, "group"`,
    { r: reviewTerm },
  );
  const municipalities = (
    await db.rows<{ code: string; name: string; county: string; in_region: boolean }>(
      `SELECT municipality_code AS code, name, county_code AS county, in_region FROM stg_municipalities ORDER BY county_code, name`,
    )
  ).map((m) => ({ code: m.code, name: m.name, county: m.county, inRegion: m.in_region }));
  const counties = await db.rows<{ code: string; name: string }>(
    `SELECT county_code AS code, name FROM ref_counties ORDER BY county_code`,
  );
  const decisions = await decide(db, reviewTerm, { minN: settings.minN, lang: settings.lang });
  return {
    reviewTerm,
    terms,
    lang: settings.lang,
    settings: {
      minCell: built.min_cell,
      shareRule: built.share_rule ?? 'denominator',
      minN: settings.minN,
      graceDays: built.grace_days,
      confidence: built.confidence,
      asOf: built.as_of,
    },
    municipalities,
    counties,
    indicators,
    decisions,
    participation: await readParticipationPerTerm(db, reviewTerm, built.min_cell),
    needs: await readNeeds(db),
    targets: await readRecruitmentTargets(db, reviewTerm, settings.minN),
    quality: await readDataQuality(db, reviewTerm),
  };
}

/** The same term a year earlier. */
export function yearEarlier(term: string): string {
  return formatTerm(addTerms(parseTerm(term)!, -2));
}

/** Look-up of one published value. */
export function publishedValue(
  data: ReportData,
  scope: string,
  scopeId: string,
  term: string,
  indicator: string,
  group = 'all',
): PublishedValue | undefined {
  return data.indicators.find(
    (r) =>
      r.scope === scope &&
      r.scope_id === scopeId &&
      r.term === term &&
      r.indicator === indicator &&
      r.group === group,
  );
}
