// The model int_suppression_cells: which cells of the municipality, county and region
// tables published output hides. A cell is one scope × scope_id × group of one table
// (ref_suppression_tables) in one term; it is hidden for every indicator of its table.
// Primary: the small-cell rule hides one of its indicators (mart_municipality_indicators'
// suppressed). Secondary: hidden so that no hidden cell can be worked out from the
// published ones through the sums every reader knows — all = lc + non_lc, a county = its
// municipalities, the region = its municipalities (and so its counties) — chosen by
// src/stats/secondary-suppression.ts. SQL gathers the cells (a few hundred per term and
// table, whatever the size of the data); the search over them is the only part in TS.
// Centre and activity scopes publish no sums across their cells, so their own rule is all.
import { BOOLEAN, BIGINT, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import type { Relation } from '../stats/determined-cells.ts';
import { recoverableCells, secondaryCells } from '../stats/secondary-suppression.ts';

interface CellRow {
  term: string;
  suppression_table: string;
  scope: 'municipality' | 'county' | 'region';
  scope_id: string;
  group: 'all' | 'lc' | 'non_lc';
  primary_hidden: boolean;
  persons: number;
  indicators: string[];
}

interface Reference {
  countyOf: Map<string, string>;
  inRegion: Set<string>;
}

const GROUPS = ['all', 'lc', 'non_lc'] as const;

/** The cells of one term's table: its relations, quantities and weights, and the cells it hides. */
export function protectTable(
  cells: readonly CellRow[],
  reference: Reference,
): { hidden: number[]; secondary: Set<number> } {
  const index = new Map(cells.map((c, i) => [`${c.scope}|${c.scope_id}|${c.group}`, i]));
  const at = (scope: string, id: string, group: string) => index.get(`${scope}|${id}|${group}`);
  const relations: Relation[] = [];
  const relation = (total: number | undefined, parts: (number | undefined)[]) => {
    // a missing cell has no persons: 0, known to every reader
    const present = parts.filter((p): p is number => p !== undefined);
    if (total !== undefined) relations.push({ total, parts: present });
  };
  const units = new Set(cells.map((c) => `${c.scope}|${c.scope_id}`));
  for (const unit of units) {
    const [scope, id] = unit.split('|') as [string, string];
    relation(at(scope, id, 'all'), [at(scope, id, 'lc'), at(scope, id, 'non_lc')]);
  }
  const municipalities = cells
    .filter((c) => c.scope === 'municipality' && c.group === 'all')
    .map((c) => c.scope_id);
  const counties = cells
    .filter((c) => c.scope === 'county' && c.group === 'all')
    .map((c) => c.scope_id);
  for (const group of GROUPS) {
    for (const county of counties) {
      relation(
        at('county', county, group),
        municipalities
          .filter((m) => reference.countyOf.get(m) === county)
          .map((m) => at('municipality', m, group)),
      );
    }
    relation(
      at('region', 'region', group),
      municipalities
        .filter((m) => reference.inRegion.has(m))
        .map((m) => at('municipality', m, group)),
    );
  }
  // Each indicator's cells (new_students_per_10k has none of its own: its numerator is
  // new_students, and a missing rate means a missing population, not 0 persons).
  const byIndicator = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (const indicator of c.indicators) {
      if (!byIndicator.has(indicator)) byIndicator.set(indicator, []);
      byIndicator.get(indicator)!.push(i);
    }
  });
  // A count is known to be 0 where its share or ratio has no row (the denominator is
  // 0): new_students where new_lc_share is missing, hst and hpr where prestationsgrad is.
  for (const [count, ratio] of [
    ['new_students', 'new_lc_share'],
    ['hst', 'prestationsgrad'],
    ['hpr', 'prestationsgrad'],
  ] as const) {
    const withRatio = new Set(byIndicator.get(ratio) ?? []);
    if (byIndicator.has(count))
      byIndicator.set(
        count,
        byIndicator.get(count)!.filter((i) => withRatio.has(i)),
      );
  }
  const primary = new Set(cells.flatMap((c, i) => (c.primary_hidden ? [i] : [])));
  const table = {
    weights: cells.map((c) => c.persons),
    relations,
    // indicators with a value in the same cells are one system to check
    quantities: [
      ...new Map([...byIndicator.values()].map((cells) => [cells.join(','), cells])).values(),
    ],
    primary,
  };
  const chosen = secondaryCells(table);
  // The search stops only when nothing is recoverable; checked once more from scratch, so
  // that a fault in it stops the build instead of publishing a cell that can be worked out.
  const left = recoverableCells(table, new Set([...primary, ...chosen]));
  if (left.length)
    throw new Error(
      `secondary suppression left ${left.length} cells recoverable in ${cells[0]!.term} (${cells[0]!.suppression_table})`,
    );
  return { hidden: [...primary, ...chosen].sort((a, b) => a - b), secondary: new Set(chosen) };
}

export async function buildSuppressionCells(db: Database): Promise<void> {
  const rows = await db.rows<CellRow & { term_key: number }>(
    `SELECT m.term, any_value(m.term_key) AS term_key, t.suppression_table, m.scope, m.scope_id, m."group",
            bool_or(m.suppressed) AS primary_hidden, max(m.persons)::DOUBLE AS persons,
            list(m.indicator ORDER BY m.indicator) FILTER (WHERE m.indicator <> 'new_students_per_10k') AS indicators
     FROM mart_municipality_indicators m JOIN ref_suppression_tables t USING (indicator)
     WHERE m.scope IN ('municipality', 'county', 'region')
     GROUP BY m.term, t.suppression_table, m.scope, m.scope_id, m."group"
     -- the order is the tie-break of the search: same data, same cells
     ORDER BY term_key, t.suppression_table, list_position(['municipality', 'county', 'region'], m.scope), m.scope_id,
              list_position(['lc', 'non_lc', 'all'], m."group")`,
  );
  const reference = await db.rows<{
    municipality_code: string;
    county_code: string;
    in_region: boolean;
  }>(`SELECT municipality_code, county_code, in_region FROM stg_municipalities`);
  const ref: Reference = {
    countyOf: new Map(reference.map((r) => [r.municipality_code, r.county_code])),
    inRegion: new Set(reference.filter((r) => r.in_region).map((r) => r.municipality_code)),
  };
  const out = {
    term: [] as string[],
    table: [] as string[],
    scope: [] as string[],
    id: [] as string[],
    group: [] as string[],
    secondary: [] as boolean[],
    persons: [] as number[],
  };
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (
      end < rows.length &&
      rows[end]!.term === rows[start]!.term &&
      rows[end]!.suppression_table === rows[start]!.suppression_table
    )
      end++;
    const cells = rows.slice(start, end).map((r) => ({ ...r, indicators: r.indicators ?? [] }));
    const { hidden, secondary } = protectTable(cells, ref);
    for (const i of hidden) {
      const c = cells[i]!;
      out.term.push(c.term);
      out.table.push(c.suppression_table);
      out.scope.push(c.scope);
      out.id.push(c.scope_id);
      out.group.push(c.group);
      out.secondary.push(secondary.has(i));
      out.persons.push(c.persons);
    }
    start = end;
  }
  await db.run(
    `CREATE OR REPLACE TABLE int_suppression_cells AS
     SELECT unnest($term) AS term, unnest($tbl) AS suppression_table, unnest($scope) AS scope, unnest($id) AS scope_id,
            unnest($grp) AS "group", unnest($secondary) AS secondary, unnest($persons) AS persons`,
    {
      term: listValue(out.term),
      tbl: listValue(out.table),
      scope: listValue(out.scope),
      id: listValue(out.id),
      grp: listValue(out.group),
      secondary: listValue(out.secondary),
      persons: listValue(out.persons.map((p) => BigInt(Math.round(p)))),
    },
    {
      term: LIST(VARCHAR),
      tbl: LIST(VARCHAR),
      scope: LIST(VARCHAR),
      id: LIST(VARCHAR),
      grp: LIST(VARCHAR),
      secondary: LIST(BOOLEAN),
      persons: LIST(BIGINT),
    },
  );
}
