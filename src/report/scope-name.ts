// The name of an indicator's scope as readers see it: "Regionen", a county's name, a
// municipality's name. Both the page (tables) and the charts (bullet labels) write it,
// so it lives beside them rather than in either.
import type { Lang } from '../i18n/lang.ts';
import type { ReportData } from './report-data.ts';

const REGION: Record<Lang, string> = { sv: 'Regionen', en: 'The region' };
const COUNTY: Record<Lang, string> = { sv: 'Län', en: 'County' };

export function scopeName(scope: string, scopeId: string, data: ReportData): string {
  if (scope === 'region') return REGION[data.lang];
  if (scope === 'county')
    return data.counties.find((c) => c.code === scopeId)?.name ?? `${COUNTY[data.lang]} ${scopeId}`;
  return data.municipalities.find((m) => m.code === scopeId)?.name ?? scopeId;
}
