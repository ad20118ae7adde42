// indicators.csv of the output contract: published values only (suppressed rows keep
// their keys and flags, nothing else), UTF-8 with BOM, comma separated, `.` decimals.
import { csvText } from '../util/csv-text.ts';
import type { PublishedValue } from './report-data.ts';

export const INDICATORS_HEADER = [
  'scope',
  'scope_id',
  'term',
  'indicator',
  'group',
  'value',
  'numerator',
  'denominator',
  'ci_low',
  'ci_high',
  'n',
  'preliminary',
  'suppressed',
];

export function indicatorsCsv(rows: PublishedValue[]): string {
  return csvText(
    INDICATORS_HEADER,
    rows.map((r) => [
      r.scope,
      r.scope_id,
      r.term,
      r.indicator,
      r.group,
      r.value,
      r.numerator,
      r.denominator,
      r.ci_low,
      r.ci_high,
      r.n,
      r.preliminary,
      r.suppressed,
    ]),
  );
}
