// The needs inventory, for the activity cards.
import type { Database } from '../../db/database.ts';

export interface Need {
  needId: string;
  documentedOn: string;
  source: string;
  description: string;
}

export async function readNeeds(db: Database): Promise<Need[]> {
  return db.rows<Need>(
    `SELECT need_id AS "needId", strftime(documented_on, '%Y-%m-%d') AS "documentedOn", source, description FROM stg_needs ORDER BY need_id`,
  );
}
