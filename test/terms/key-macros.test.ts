// The key-based term macros the models use agree with the text macros (themselves
// checked against the TypeScript calendar) on every day and term 1995–2045.
import { describe, expect, it } from 'vitest';
import { withMacroConnection } from '../helpers/macro-db.ts';

describe('key-based term macros', () => {
  it('agree with term_key, term_start, term_end and term_of', async () => {
    const disagreements = await withMacroConnection(async (c) => {
      const days = await c.runAndReadAll(`
        SELECT count(*) AS n FROM (SELECT range::DATE AS d FROM range(DATE '1995-01-01', DATE '2046-01-01', INTERVAL 1 DAY))
        WHERE term_key_of_date(d) IS DISTINCT FROM term_key(term_of(d))`);
      const terms = await c.runAndReadAll(`
        SELECT count(*) AS n FROM (SELECT term_from_key(k) AS t, k FROM range(1995 * 2, 2046 * 2) r(k))
        WHERE canonical_term_key(t) IS DISTINCT FROM term_key(t)
           OR term_start_of_key(k) IS DISTINCT FROM term_start(t)
           OR term_end_of_key(k) IS DISTINCT FROM term_end(t)`);
      return [Number(days.getRows()[0]![0]), Number(terms.getRows()[0]![0])];
    });
    expect(disagreements).toEqual([0, 0]);
  });

  it('know the contract examples', async () => {
    const row = await withMacroConnection(
      async (c) =>
        (
          await c.runAndReadAll(`SELECT term_start_of_key(canonical_term_key('HT2025'))::VARCHAR AS s, term_end_of_key(canonical_term_key('HT2025'))::VARCHAR AS e,
                                    term_from_key(term_key_of_date(DATE '2026-06-30')) AS t`)
        ).getRowObjects()[0],
    );
    expect(row).toEqual({ s: '2025-08-25', e: '2026-01-11', t: 'VT2026' });
  });
});
