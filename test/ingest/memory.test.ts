// DuckDB's memory is limited while a file is loaded (so a 5-million-row load stays
// under 1.5 GB, BENCHMARKS.md) and given back afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { INGEST_MEMORY_LIMIT_BYTES, ingest, memoryLimitBytes } from '../../src/ingest/ingest.ts';
import { TEST_INGEST_DATE, TEST_KEY, Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

describe('memoryLimitBytes', () => {
  it('reads the sizes DuckDB writes', () => {
    expect(memoryLimitBytes('1.0 GiB')).toBe(1024 ** 3);
    expect(memoryLimitBytes('18.7 GiB')).toBeCloseTo(18.7 * 1024 ** 3, -3);
    expect(memoryLimitBytes('512.0 MiB')).toBe(512 * 1024 ** 2);
    expect(memoryLimitBytes('953.6 MB')).toBeCloseTo(953.6e6, -3);
    expect(memoryLimitBytes('100 bytes')).toBe(100);
    expect(memoryLimitBytes('unlimited')).toBe(Infinity);
  });
});

describe('the memory limit of a load', () => {
  it('is 768 MiB while the file loads and what it was afterwards', async () => {
    const file = ws.write(
      'registrations.csv',
      'person_id,term,course_code,credits,first_time\nS1,HT2025,MA001G,7.5,ja\n',
    );
    const db = await Database.open(ws.dbPath);
    const observer = await Database.open(ws.dbPath); // another connection to the same DuckDB instance
    try {
      const setting = async () =>
        (await observer.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))!.v;
      const before = await setting();
      expect(memoryLimitBytes(before)).toBeGreaterThan(INGEST_MEMORY_LIMIT_BYTES); // this machine has more than 960 MiB
      let during: Promise<string> | undefined;
      const report = await ingest(db, [file], {
        ingestDate: TEST_INGEST_DATE,
        env: { LARSAM_PSEUDONYM_KEY: TEST_KEY },
        onFile: (_file, phase) => {
          if (phase === 'start') during = setting();
        },
      });
      expect(report.results[0]).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
      expect(await during).toBe('768.0 MiB');
      expect(await setting()).toBe(before);
    } finally {
      observer.close();
      db.close();
    }
  });
});
