// The key a rejected row keeps in rejects.record_key: for the activity kinds, the
// activity_id it names, so that the decision sheet can say which activity a row that
// could not be read belonged to (nothing the user loaded vanishes without a word).
// The staged activity_id is the cell's own text, kept even when another cell of the row
// is bad, and NULL when it looks like a personnummer (so no identity number is stored).
import type { Kind } from '../contract/kinds.ts';
import { quoteIdentifier as q } from '../db/sql-text.ts';

const ACTIVITY_KINDS: readonly Kind[] = [
  'activities',
  'activity_goals',
  'activity_sessions',
  'participations',
];

/** SQL for the record key of staged row `alias`, or NULL for kinds that have none. */
export function recordKeySql(kind: Kind, alias: string): string {
  return ACTIVITY_KINDS.includes(kind) ? `${alias}.${q('activity_id')}::VARCHAR` : 'NULL::VARCHAR';
}
