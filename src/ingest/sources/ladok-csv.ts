// A Ladok "Utdata → Resultat" export read as `results`. Names and titles are never
// selected; credits are the module's when the row has a module code, else the course's.
import { columnsOf } from '../../contract/columns-of.ts';
import { quoteIdentifier as q } from '../../db/sql-text.ts';
import { ingestMessages } from '../../messages/ingest.ts';
import { userError } from '../../messages/message.ts';
import {
  LADOK_REQUIRED,
  ladokColumnIndexes,
  ladokLabelOf,
  type LadokField,
} from '../ladok-columns.ts';
import type { CsvSniff } from '../sniff-csv.ts';
import { cellName, dropRejectTables, readCsvSql } from './read-csv-sql.ts';
import type { Source } from './source.ts';

export function ladokCsvSource(
  path: string,
  displayName: string,
  sniff: CsvSniff,
  rejectsTable: string,
): Source {
  const indexes = ladokColumnIndexes(sniff.header);
  const missing = LADOK_REQUIRED.filter((field) => indexes[field] === undefined);
  if (missing.length) {
    throw userError(ingestMessages.ladokColumnsMissing(missing.map(ladokLabelOf)), {
      where: { file: displayName, line: sniff.headerIndex + 1 },
    });
  }
  const cell = (field: LadokField) => {
    const index = indexes[field];
    return index === undefined ? 'NULL::VARCHAR' : q(cellName(index));
  };
  const hp = (field: LadokField) => `regexp_replace(${cell(field)}, '\\s*hp\\s*$', '', 'i')`;
  const mapped: Record<string, string> = {
    person_id: cell('person_id'),
    course_code: cell('course_code'),
    course_offering: cell('course_offering'),
    module_code: cell('module_code'),
    credits: `CASE WHEN nullif(trim(${cell('module_code')}), '') IS NOT NULL THEN ${hp('module_credits')} ELSE ${hp('course_credits')} END`,
    grade: cell('grade'),
    result_date: cell('result_date'),
    term: 'NULL::VARCHAR',
  };
  const select = columnsOf('results').map(
    (c) => `${mapped[c.name] ?? 'NULL::VARCHAR'} AS ${q(c.name)}`,
  );
  return {
    sql: `SELECT ${select.join(', ')} FROM ${readCsvSql(path, sniff, rejectsTable)}`,
    lines: {
      from: 'rowid',
      firstLine: sniff.headerIndex + 2,
      structuralRejects: rejectsTable,
      csv: { path, delimiter: sniff.delimiter, skipLines: sniff.headerIndex },
    },
    format: 'ladok',
    warnings: [],
    cleanup: async (db) => db.run(dropRejectTables(rejectsTable)),
  };
}
