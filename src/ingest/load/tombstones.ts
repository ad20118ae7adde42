// The erasure tombstone of a person, as larsam forget writes it (src/rights/identify.ts
// tombstoneOf): staging marks the persons who have one, the commit lifts them under
// --include-erased.
import { pseudonymSqlExpression } from '../pseudonym-key.ts';

/** HMAC key blocks (never the key itself in SQL). */
export interface Pads {
  ipad: Buffer;
  opad: Buffer;
}

/** The tombstone of a pseudonym column; parameters $ipad and $opad. */
export const tombstoneSql = (pidSql: string) =>
  pseudonymSqlExpression(`'erased:' || ${pidSql}`, '$ipad', '$opad');
