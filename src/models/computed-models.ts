// The models computed in TypeScript rather than SQL: each reads the models it names and
// makes one table in the build catalog, like a SQL model (model-files.ts puts them in
// the build order). Kept to work SQL cannot express.
import type { Database } from '../db/database.ts';
import { buildIndicatorReference } from '../indicators/reference-table.ts';
import { buildSuppressionCells } from './suppression-cells.ts';

export interface ComputedModel {
  name: string;
  /** Path relative to the project, for messages and explain. */
  file: string;
  description: string;
  /** The models it reads: it is built after them. */
  reads: readonly string[];
  compute: (db: Database) => Promise<void>;
}

export const COMPUTED_MODELS: readonly ComputedModel[] = [
  {
    name: 'ref_indicators',
    file: 'src/indicators/registry.ts',
    description:
      'Every indicator with its family, kind, small-cell rule, unit, decimals and interval method, written from the indicator registry so that SQL and TypeScript read one list.',
    reads: [],
    compute: buildIndicatorReference,
  },
  {
    name: 'int_suppression_cells',
    file: 'src/models/suppression-cells.ts',
    description:
      'The cells of the municipality, county and region tables hidden in published output: by the small-cell rule, and the secondary cells hidden so that no hidden cell can be computed from the published ones.',
    reads: ['mart_municipality_indicators', 'ref_suppression_tables', 'stg_municipalities'],
    compute: buildSuppressionCells,
  },
];
