// The hand-made files in data-samples/messy/ (a Ladok export, an SCB export, Excel files
// in Windows-1252) hold the same facts as their contract-format twins in messy/twins/:
// both ingest to the same rows (person ids hashed with the same key).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/contract/columns-of.ts';
import type { Kind } from '../../src/contract/kinds.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { Workspace } from '../helpers/workspace.ts';

const MESSY = join(projectRoot, 'data-samples', 'messy');

const PAIRS: {
  messy: string;
  kind: Kind;
  format: string;
  encoding: string;
  rows: number;
  rejected: number;
}[] = [
  {
    messy: 'ladok-utdata-resultat-PE012G.csv',
    kind: 'results',
    format: 'ladok',
    encoding: 'utf-8',
    rows: 13,
    rejected: 0,
  },
  // Berg 2023 is '..' in SCB's table: that municipality-year is rejected, and the twin lacks it.
  {
    messy: 'scb-folkmangd-20-64-ar.csv',
    kind: 'population',
    format: 'scb',
    encoding: 'windows-1252',
    rows: 11,
    rejected: 1,
  },
  {
    messy: 'learning_centres-excel.csv',
    kind: 'learning_centres',
    format: 'csv',
    encoding: 'windows-1252',
    rows: 5,
    rejected: 0,
  },
  {
    messy: 'activity_sessions-excel.csv',
    kind: 'activity_sessions',
    format: 'csv',
    encoding: 'windows-1252',
    rows: 5,
    rejected: 0,
  },
];

let messy: Workspace;
let twins: Workspace;
beforeAll(async () => {
  messy = new Workspace();
  twins = new Workspace();
});
afterAll(() => {
  messy.remove();
  twins.remove();
});

/** Every contract column of the kind, each row as one line, sorted: a multiset to compare. */
async function facts(ws: Workspace, kind: Kind): Promise<string[]> {
  const columns = columnsOf(kind).map((c) => `"${c.name}"`);
  const rows = await ws.query<{ line: string }>(
    `SELECT concat_ws(' | ', ${columns.map((c) => `coalesce(${c}::VARCHAR, '∅')`).join(', ')}) AS line FROM raw_${kind}`,
  );
  return rows.map((r) => r.line).sort();
}

describe('messy files and their twins', () => {
  for (const pair of PAIRS) {
    it(`${pair.messy} ingests as ${pair.kind} to the same rows as twins/${pair.kind}.csv`, async () => {
      const a = await messy.ingest([join(MESSY, pair.messy)]);
      const b = await twins.ingest([join(MESSY, 'twins', `${pair.kind}.csv`)]);
      expect(a.failures).toEqual([]);
      expect(b.failures).toEqual([]);
      expect(a.results[0]).toMatchObject({
        kind: pair.kind,
        format: pair.format,
        encoding: pair.encoding,
        rowsLoaded: pair.rows,
        rowsRejected: pair.rejected,
      });
      expect(b.results[0]).toMatchObject({
        kind: pair.kind,
        rowsLoaded: pair.rows,
        rowsRejected: 0,
      });
      const got = await facts(messy, pair.kind);
      expect(got).toHaveLength(pair.rows);
      expect(got).toEqual(await facts(twins, pair.kind));
    });
  }

  it('keeps Swedish letters and the en dash of the Windows-1252 files', async () => {
    const names = await messy.query<{ name: string }>(
      `SELECT name FROM raw_learning_centres ORDER BY centre_id`,
    );
    expect(names.map((n) => n.name)).toContain('Lärcentrum Härjedalen – Funäsdalen');
    const ids = await messy.query<{ id: string }>(
      `SELECT DISTINCT activity_id AS id FROM raw_activity_sessions ORDER BY 1`,
    );
    expect(ids.map((r) => r.id)).toEqual(['FÖREL-ÅRE', 'INSP-KRA', 'MENT-ÖSD', 'STUD-SDH']);
  });

  it('stores none of the names in the Ladok export', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes =
      readFileSync(messy.dbPath).toString('latin1') + readFileSync(messy.dbPath).toString('utf8');
    for (const name of [
      'Provsson',
      'Exempelberg',
      'Påhittad',
      'Låtsasson',
      'Syntetisk',
      'Exemplara',
    ])
      expect(bytes).not.toContain(name);
  });
});
