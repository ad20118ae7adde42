// A source is one input file seen as a relation of text cells, one column per contract
// column, plus how to find each row's line in the file.
import type { Database } from '../../db/database.ts';

export type LineNumbers =
  /** Line = firstLine + record index, corrected for rows DuckDB's CSV reader rejected. */
  | { from: 'rowid'; firstLine: number; structuralRejects?: string; csv?: CsvLayout }
  /** The relation carries `_line` itself. */
  | { from: 'column' };

/** What it takes to find the records of a CSV file again (see record-lines.ts). */
export interface CsvLayout {
  path: string;
  delimiter: string;
  /** Lines before the header. */
  skipLines: number;
}

export interface Source {
  sql: string;
  lines: LineNumbers;
  format: 'csv' | 'ladok' | 'scb' | 'parquet' | 'json' | 'arrow' | 'xlsx';
  /** Notes for the user: extra columns ignored, SCB cells missing, … */
  warnings: string[];
  /**
   * The file's own data lines, when its rows are not one a line (an SCB export adds up
   * many lines into one municipality-year); else rows read are the rows of `sql`.
   */
  rowsRead?: number;
  /** Rows of the file that never reached `sql` (counted in rows read), with their rejects. */
  cleanup(db: Database): Promise<void>;
}
