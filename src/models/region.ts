// The collaboration region: counties and/or municipalities named in the pipeline
// definition (or `larsam build --region-…`). It marks in_region in the default
// municipality reference (sql/staging/ref_default_municipalities.sql); a code that is
// not Swedish would silently leave the region smaller, so it is refused before any
// work, against the same reference files the build uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { sqlRoot } from '../util/paths.ts';
import type { Text } from '../i18n/text.ts';
import { BUILD_ERRORS } from '../messages/build.ts';
import { userError } from '../messages/message.ts';

export interface Region {
  /** Two-digit county (län) codes: every municipality of these counties is in the region. */
  counties: string[];
  /** Four-digit municipality codes in the region besides those of the counties. */
  municipalities: string[];
}

/** Gävleborgs (21), Västernorrlands (22) and Jämtlands (23) län: 25 municipalities. */
export const DEFAULT_REGION: Region = { counties: ['21', '22', '23'], municipalities: [] };

function referenceSql(model: string): string {
  return readFileSync(join(sqlRoot, 'staging', `${model}.sql`), 'utf8');
}

/**
 * Refuses a region with a code that is not a Swedish county or municipality, or with
 * no code at all. `namedIn` says where the region was written, for the message.
 */
export async function checkRegion(
  db: Database,
  region: Region,
  namedIn: { file?: string; what: Text },
): Promise<void> {
  const where = namedIn.file ? { file: namedIn.file } : {};
  if (region.counties.length === 0 && region.municipalities.length === 0) {
    throw userError(BUILD_ERRORS.regionEmpty(namedIn.what), { where });
  }
  const unknown = await db.rows<{ kind: 'county' | 'municipality'; code: string }>(
    `WITH counties AS (${referenceSql('ref_counties')}
     ), municipalities AS (${referenceSql('ref_sweden_municipalities')}
     )
     SELECT 'county' AS kind, code FROM unnest($counties) AS t(code)
     WHERE code NOT IN (SELECT county_code FROM counties)
     UNION ALL
     SELECT 'municipality', code FROM unnest($municipalities) AS t(code)
     WHERE code NOT IN (SELECT municipality_code FROM municipalities)`,
    { counties: listValue(region.counties), municipalities: listValue(region.municipalities) },
    { counties: LIST(VARCHAR), municipalities: LIST(VARCHAR) },
  );
  const quoted = (kind: string) => unknown.filter((u) => u.kind === kind).map((u) => u.code);
  const counties = quoted('county');
  if (counties.length) {
    throw userError(BUILD_ERRORS.regionCounty(namedIn.what, counties), { where });
  }
  const municipalities = quoted('municipality');
  if (municipalities.length) {
    throw userError(BUILD_ERRORS.regionMunicipality(namedIn.what, municipalities), { where });
  }
}
