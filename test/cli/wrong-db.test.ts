// A wrong --db for decide and report: no database there, or a file that is not a DuckDB
// database. Each gets the catalogue's one line with its fix and exit 1, never the
// engine's words or "this looks like a bug", and nothing is created where --db pointed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatUserError } from '../../src/util/errors.ts';
import { databaseMessages } from '../../src/messages/database.ts';
import { userError } from '../../src/messages/message.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'larsam-wrong-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (problem: ReturnType<typeof databaseMessages.noDatabase>) =>
  `error: ${formatUserError(userError(problem))}\n`;

describe('a wrong --db', () => {
  it.each(['decide', 'report'])('%s: no database there', async (command) => {
    const db = join(dir, 'nothere', 'larsam.duckdb');
    const run = await runCli([command, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(line(databaseMessages.noDatabase(db)));
    // The words themselves, once, not only through the catalogue.
    expect(run.stderr).toMatch(/^error: there is no database at .*\. Fix: load data first/);
    expect(existsSync(join(dir, 'nothere'))).toBe(false);
  });

  it.each(['decide', 'report', 'ingest'])('%s: a file that is not a database', async (command) => {
    const db = join(dir, 'notes.duckdb');
    writeFileSync(db, 'these are my notes, not a database\n');
    const csv = join(dir, 'municipalities.csv');
    writeFileSync(csv, 'municipality_code,name\n2380,Östersund\n');
    const args = command === 'ingest' ? [command, csv] : [command];
    const run = await runCli([...args, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(line(databaseMessages.notADatabase(db)));
    expect(run.stderr).not.toMatch(/looks like a bug|IO Error/);
    // Left as it was: not overwritten, not turned into a database.
    expect(readFileSync(db, 'utf8')).toBe('these are my notes, not a database\n');
  });
});
