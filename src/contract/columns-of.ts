// Reads the column list of a kind back out of its zod schema and the column registry.
import { columnRegistry, type ColumnMeta, type ColumnType } from './column.ts';
import { kindSchemas, type Kind } from './kinds.ts';

export interface Column extends ColumnMeta {
  name: string;
}

const cache = new Map<Kind, Column[]>();

export function columnsOf(kind: Kind): Column[] {
  let columns = cache.get(kind);
  if (!columns) {
    columns = Object.entries(kindSchemas[kind].shape).map(([name, schema]) => {
      const meta = columnRegistry.get(schema);
      if (!meta)
        throw new Error(`column ${kind}.${name} was not built with a contract column builder`);
      return { name, ...meta };
    });
    cache.set(kind, columns);
  }
  return columns;
}

const DUCKDB_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  int: 'BIGINT',
  // Credits have one decimal, targets are shares like 0.25, costs have öre: four decimals
  // hold all of them exactly, and sums of DECIMAL stay exact where DOUBLE would drift.
  decimal: 'DECIMAL(18,4)',
  date: 'DATE',
  bool: 'BOOLEAN',
  term: 'VARCHAR',
  muni: 'VARCHAR',
  person_id: 'VARCHAR',
};

export function duckdbType(type: ColumnType): string {
  return DUCKDB_TYPES[type];
}
