import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BLOB, DuckDBInstance, LIST, VARCHAR, blobValue, listValue } from '@duckdb/node-api';
import {
  hmacPads,
  keyFingerprint,
  loadPseudonymKey,
  pseudonymSqlExpression,
  pseudonymize,
} from '../../src/ingest/pseudonym-key.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'larsam-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('loadPseudonymKey', () => {
  it('creates the key file with mode 0600 on first use and reuses it', () => {
    const db = join(dir, 'larsam.duckdb');
    const first = loadPseudonymKey(db, {});
    const keyFile = join(dir, 'larsam.key');
    expect(first.source).toBe('file');
    expect(first.key).toHaveLength(32);
    expect(mode(keyFile)).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toBe(`${first.key.toString('hex')}\n`);
    expect(readdirSync(dir).sort()).toEqual(['larsam.key']); // no temporary file left behind

    const second = loadPseudonymKey(db, {});
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.fingerprint).toBe(first.fingerprint);
    // another database in the same folder shares the key file
    expect(loadPseudonymKey(join(dir, 'other.duckdb'), {}).key.equals(first.key)).toBe(true);
  });

  it('tightens a key file readable by group or others to 0600', () => {
    const db = join(dir, 'larsam.duckdb');
    const first = loadPseudonymKey(db, {});
    chmodSync(join(dir, 'larsam.key'), 0o644);
    const again = loadPseudonymKey(db, {});
    expect(mode(join(dir, 'larsam.key'))).toBe(0o600);
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('takes LARSAM_PSEUDONYM_KEY over the key file, as UTF-8 bytes', () => {
    const db = join(dir, 'larsam.duckdb');
    const fromFile = loadPseudonymKey(db, {});
    const fromEnv = loadPseudonymKey(db, { LARSAM_PSEUDONYM_KEY: 'hemlig nyckel åäö' });
    expect(fromEnv.source).toBe('env');
    expect(fromEnv.key.equals(Buffer.from('hemlig nyckel åäö', 'utf8'))).toBe(true);
    expect(fromEnv.fingerprint).not.toBe(fromFile.fingerprint);
    // an empty variable counts as unset
    expect(loadPseudonymKey(db, { LARSAM_PSEUDONYM_KEY: '' }).source).toBe('file');
  });

  it('does not create a key file when the env key is set', () => {
    loadPseudonymKey(join(dir, 'larsam.duckdb'), { LARSAM_PSEUDONYM_KEY: 'k' });
    expect(existsSync(join(dir, 'larsam.key'))).toBe(false);
  });

  it('uses a random ephemeral key for :memory: without an env key', () => {
    const a = loadPseudonymKey(':memory:', {});
    const b = loadPseudonymKey(':memory:', {});
    expect(a.source).toBe('ephemeral');
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(b.key)).toBe(false);
    expect(loadPseudonymKey(':memory:', { LARSAM_PSEUDONYM_KEY: 'k' }).source).toBe('env');
  });

  it('refuses a corrupt key file without printing its content', () => {
    writeFileSync(join(dir, 'larsam.key'), 'not-a-key-SECRETSTUFF\n', { mode: 0o600 });
    expect(() => loadPseudonymKey(join(dir, 'larsam.duckdb'), {})).toThrow(/not valid/);
    try {
      loadPseudonymKey(join(dir, 'larsam.duckdb'), {});
    } catch (err) {
      expect(String(err)).not.toContain('SECRETSTUFF');
    }
  });

  it('gives every one of several racing processes the same key', async () => {
    const modulePath = fileURLToPath(new URL('../../src/ingest/pseudonym-key.ts', import.meta.url));
    const db = join(dir, 'larsam.duckdb');
    const code = `const m = await import(${JSON.stringify(modulePath)}); const k = m.loadPseudonymKey(${JSON.stringify(db)}, {}); console.log(k.fingerprint);`;
    const run = () =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', code],
        {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
        },
      );
    const outs = await Promise.all([run(), run(), run(), run()]);
    const prints = new Set(outs.map((o) => o.stdout.trim()));
    expect(prints.size).toBe(1);
    expect([...prints][0]).toBe(loadPseudonymKey(db, {}).fingerprint);
    expect(readdirSync(dir)).toEqual(['larsam.key']);
  });
});

describe('keyFingerprint', () => {
  it('is HMAC-SHA-256(key, "larsam key fingerprint v1") cut to 16 hex chars', () => {
    const key = Buffer.from('abc');
    const expected = createHmac('sha256', key)
      .update('larsam key fingerprint v1')
      .digest('hex')
      .slice(0, 16);
    expect(keyFingerprint(key)).toBe(expected);
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(Buffer.from('abc'))).toBe(keyFingerprint(key));
    expect(keyFingerprint(Buffer.from('abd'))).not.toBe(keyFingerprint(key));
    expect(keyFingerprint(key)).not.toContain(key.toString('hex'));
  });
});

describe('hmacPads', () => {
  it('builds 64-byte blocks, hashing keys longer than 64 bytes', () => {
    const { ipad, opad } = hmacPads(Buffer.from([1, 2, 3]));
    expect(ipad).toHaveLength(64);
    expect(opad).toHaveLength(64);
    expect([...ipad.subarray(0, 4)]).toEqual([1 ^ 0x36, 2 ^ 0x36, 3 ^ 0x36, 0x36]);
    expect([...opad.subarray(0, 4)]).toEqual([1 ^ 0x5c, 2 ^ 0x5c, 3 ^ 0x5c, 0x5c]);
    const long = hmacPads(Buffer.alloc(100, 7));
    expect(long.ipad).toHaveLength(64);
    expect(long.ipad[40]).toBe(0x36); // hashed to 32 bytes, rest zero padding
  });
});

describe('pseudonymSqlExpression', () => {
  const values = [
    'Åre-Östersund',
    'stud-00017',
    '199001011239',
    '',
    'a',
    'x'.repeat(200),
    'emoji 😀 and \u0000 nul',
    'ÆØÅ äöü ß',
  ];
  const keys = [
    Buffer.from('short'),
    randomBytes(32),
    randomBytes(64), // exactly one block
    randomBytes(65), // longer than a block: hashed first
    Buffer.from('ö'.repeat(70), 'utf8'), // 140 bytes
  ];

  it('equals crypto HMAC-SHA-256 for every value, with the key bound as BLOB parameters', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const key of keys) {
        const { ipad, opad } = hmacPads(key);
        const sql = `SELECT v, ${pseudonymSqlExpression('v', '$ipad', '$opad')} AS h
                     FROM (SELECT unnest($vals) AS v, generate_subscripts($vals, 1) AS i) ORDER BY i`;
        expect(sql).not.toContain(key.toString('hex'));
        const reader = await connection.runAndReadAll(
          sql,
          { ipad: blobValue(ipad), opad: blobValue(opad), vals: listValue(values) },
          { ipad: BLOB, opad: BLOB, vals: LIST(VARCHAR) },
        );
        const rows = reader.getRowObjectsJS() as { v: string; h: string }[];
        expect(rows.map((r) => r.v)).toEqual(values);
        for (const r of rows) {
          const expected = createHmac('sha256', key).update(r.v, 'utf8').digest('hex');
          expect(r.h).toBe(expected);
          expect(pseudonymize(key, r.v)).toBe(expected);
        }
      }
      // NULL stays NULL, non-text values are hashed as their text
      const { ipad, opad } = hmacPads(keys[0]!);
      const r = await connection.runAndReadAll(
        `SELECT ${pseudonymSqlExpression('NULL', '$ipad', '$opad')} AS n, ${pseudonymSqlExpression('42', '$ipad', '$opad')} AS i`,
        { ipad: blobValue(ipad), opad: blobValue(opad) },
        { ipad: BLOB, opad: BLOB },
      );
      expect(r.getRowObjectsJS()).toEqual([{ n: null, i: pseudonymize(keys[0]!, '42') }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('only accepts SQL parameter references for the pads', () => {
    expect(() => pseudonymSqlExpression('v', "'x'", '$opad')).toThrow();
    expect(() => pseudonymSqlExpression('v', '$ipad', 'opad; DROP')).toThrow();
    expect(pseudonymSqlExpression('v', '$1', '$2')).toContain('$1');
  });
});
