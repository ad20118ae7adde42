// A Windows-1252 file larger than the 1 MB pieces it is converted in, with the bytes
// where Windows-1252 and Latin-1 differ (– € ’) in some pieces and not in others: every
// character must arrive as written, also at the edges of the pieces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, windows1252 } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

describe('Windows-1252', () => {
  it('converts a multi-megabyte file exactly, with and without the characters Latin-1 lacks', async () => {
    const places = ['Härnösand', 'Örnsköldsvik', 'Åre', 'Östersund', 'Sundsvall'];
    const descriptions: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      // The first half has –, € and ’ every 97th row; the second half has none of them.
      const special = i < 25_000 && i % 97 === 0;
      descriptions.push(
        `${places[i % places.length]} ${special ? `– kostnad 5 € ’${i}’` : `kostnad ${i} kr`} x${'x'.repeat(i % 50)}`,
      );
    }
    const text = `need_id;documented_on;source;description\n${descriptions.map((d, i) => `N${i};2025-03-01;Möte;${d}`).join('\n')}\n`;
    const bytes = windows1252(text);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const file = ws.write('needs.csv', bytes);
    const report = await ws.ingest([file]);
    expect(report.results[0]).toMatchObject({
      encoding: 'windows-1252',
      rowsRead: 50_000,
      rowsLoaded: 50_000,
    });
    const rows = await ws.query<{ line: number; description: string }>(
      'SELECT _line::INT AS line, description FROM raw_needs ORDER BY _line',
    );
    const wrong = rows.filter((r) => r.description !== descriptions[r.line - 2]);
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(rows).toHaveLength(50_000);
  });
});
