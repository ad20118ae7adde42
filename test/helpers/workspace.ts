// A temporary folder with a real DuckDB file for one test, files written into it, and
// ingest run against it with a fixed pseudonym key and ingest date.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Database } from '../../src/db/database.ts';
import { ingest, type IngestOptions, type IngestReport } from '../../src/ingest/ingest.ts';

export const TEST_KEY = 'larsam-test-key-not-secret';
export const TEST_INGEST_DATE = '2026-11-29';

export class Workspace {
  readonly dir: string;
  readonly dbPath: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'larsam-test-'));
    this.dbPath = join(this.dir, 'db', 'larsam.duckdb');
  }

  write(name: string, content: string | Buffer): string {
    const path = join(this.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  async ingest(paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
    const db = await Database.open(this.dbPath);
    try {
      return await ingest(db, paths, {
        ingestDate: TEST_INGEST_DATE,
        env: { LARSAM_PSEUDONYM_KEY: TEST_KEY },
        ...options,
      });
    } finally {
      db.close();
    }
  }

  async query<T extends object = Record<string, unknown>>(sql: string): Promise<T[]> {
    const db = await Database.open(this.dbPath);
    try {
      return await db.rows<T>(sql);
    } finally {
      db.close();
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Windows-1252 bytes for a text (the characters these tests use). */
export function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '–': 0x96, '€': 0x80, '’': 0x92, '—': 0x97 };
  return Buffer.from(
    [...text].map((ch) => {
      if (special[ch] !== undefined) return special[ch];
      const code = ch.codePointAt(0)!;
      if (code > 0xff) throw new Error(`no Windows-1252 byte for ${ch}`);
      return code;
    }),
  );
}
