// The secret key behind the keyed pseudonym of person_id (data contract, "Identifiers and
// personal data"): every person_id is replaced at ingest by HMAC-SHA-256(key, normalised id)
// as lowercase hex. The key itself is never written to the database, SQL text, logs or
// reports; only keyFingerprint(key) may be stored, to detect a changed key.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ingestMessages } from '../messages/ingest.ts';
import { userError } from '../messages/message.ts';
import type { LarsamError } from '../util/errors.ts';

export const PSEUDONYM_KEY_ENV = 'LARSAM_PSEUDONYM_KEY';
export const KEY_FILE_NAME = 'larsam.key';
const KEY_BYTES = 32;
const MIN_FILE_KEY_BYTES = 16;
const HMAC_BLOCK_BYTES = 64;

export interface PseudonymKey {
  key: Buffer;
  /** keyFingerprint(key): safe to store and print. */
  fingerprint: string;
  /** 'ephemeral': a random key for a :memory: database without LARSAM_PSEUDONYM_KEY. */
  source: 'env' | 'file' | 'ephemeral';
}

/** True for DuckDB in-memory database paths ('', ':memory:', ':memory:name'). */
export function isMemoryDatabase(dbPath: string): boolean {
  return dbPath === '' || dbPath.startsWith(':memory:');
}

/** Path of the key file used for a database file: `<dirname(dbPath)>/larsam.key`. */
export function keyFilePath(dbPath: string): string {
  return join(dirname(dbPath), KEY_FILE_NAME);
}

/**
 * The pseudonym key: LARSAM_PSEUDONYM_KEY (non-empty, its UTF-8 bytes) if set, else the
 * key file beside the database (created on first use with 32 random bytes as hex, mode
 * 0600), else for an in-memory database a random ephemeral key.
 */
export function loadPseudonymKey(
  dbPath: string,
  env: NodeJS.ProcessEnv = process.env,
  /** The database already holds ids hashed with a key: a missing key file is not made anew. */
  keyInUse = false,
): PseudonymKey {
  const fromEnv = env[PSEUDONYM_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = Buffer.from(fromEnv, 'utf8');
    return { key, fingerprint: keyFingerprint(key), source: 'env' };
  }
  if (isMemoryDatabase(dbPath)) {
    const key = randomBytes(KEY_BYTES);
    return { key, fingerprint: keyFingerprint(key), source: 'ephemeral' };
  }
  const path = keyFilePath(dbPath);
  if (keyInUse && !existsSync(path)) {
    // A new key could only be refused afterwards; creating it would leave a file behind.
    throw userError(ingestMessages.keyFileMissing(path, PSEUDONYM_KEY_ENV));
  }
  const key = createKeyFile(path) ?? readKeyFile(path);
  return { key, fingerprint: keyFingerprint(key), source: 'file' };
}

/**
 * Creates the key file atomically: the key is written and fsynced to a private temporary
 * file (opened with 'wx', mode 0600) which is then hard-linked to the final name. link()
 * fails with EEXIST if the file exists, so of two racing processes exactly one wins and
 * nobody ever sees a half-written key file. Returns null when the file already exists.
 * Falls back to 'wx' on the final name on file systems without hard links.
 */
function createKeyFile(path: string): Buffer | null {
  const key = randomBytes(KEY_BYTES);
  const text = `${key.toString('hex')}\n`;
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writePrivateFile(tmp, text);
  try {
    linkSync(tmp, path);
    return key;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return null;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw err;
  } finally {
    unlinkSync(tmp);
  }
  try {
    writePrivateFile(path, text);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw err;
  }
}

function writePrivateFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // the umask may have removed bits we need
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readKeyFile(path: string): Buffer {
  // O_NOFOLLOW: a key file that is a symbolic link is refused, never read or chmod-ed through.
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOOP') throw err;
    throw notRegular(path);
  }
  let text: string;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(path);
    if ((st.mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    // The content is the key: never put it in an error message.
    text = readFileSync(fd, 'utf8').trim();
  } finally {
    closeSync(fd);
  }
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text) || text.length < MIN_FILE_KEY_BYTES * 2) {
    throw userError(ingestMessages.keyFileInvalid(path, MIN_FILE_KEY_BYTES, PSEUDONYM_KEY_ENV));
  }
  return Buffer.from(text, 'hex');
}

function notRegular(path: string): LarsamError {
  return userError(ingestMessages.keyFileNotRegular(path, PSEUDONYM_KEY_ENV));
}

/** Identifies a key without revealing it: HMAC-SHA-256(key, 'larsam key fingerprint v1'), first 16 hex chars. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key)
    .update('larsam key fingerprint v1', 'utf8')
    .digest('hex')
    .slice(0, 16);
}

/** HMAC-SHA-256 inner and outer 64-byte key blocks (RFC 2104; longer keys are hashed first). */
export function hmacPads(key: Buffer): { ipad: Buffer; opad: Buffer } {
  const k = key.length > HMAC_BLOCK_BYTES ? createHash('sha256').update(key).digest() : key;
  const ipad = Buffer.alloc(HMAC_BLOCK_BYTES, 0x36);
  const opad = Buffer.alloc(HMAC_BLOCK_BYTES, 0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] = 0x36 ^ k[i]!;
    opad[i] = 0x5c ^ k[i]!;
  }
  return { ipad, opad };
}

/** The pseudonym in TypeScript: HMAC-SHA-256(key, value as UTF-8), lowercase hex. */
export function pseudonymize(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

const SQL_PARAM_RE = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[1-9][0-9]*)$/;

/**
 * A DuckDB expression computing HMAC-SHA-256 of the text value `valueSql` (UTF-8) as
 * lowercase hex, equal to pseudonymize(key, value); NULL stays NULL:
 *   sha256(opad || unhex(sha256(ipad || encode(value))))
 * The pads are SQL parameters (e.g. '$ipad', '$opad') bound as BLOB from hmacPads(key), so
 * the key never appears in SQL text:
 *   const { ipad, opad } = hmacPads(key);
 *   await connection.run(sql, { ipad: blobValue(ipad), opad: blobValue(opad) }, { ipad: BLOB, opad: BLOB });
 * (blobValue and BLOB from '@duckdb/node-api').
 */
export function pseudonymSqlExpression(
  valueSql: string,
  ipadParam: string,
  opadParam: string,
): string {
  for (const p of [ipadParam, opadParam]) {
    if (!SQL_PARAM_RE.test(p))
      throw new Error(`not a SQL parameter reference like $ipad: ${JSON.stringify(p)}`);
  }
  return `sha256(${opadParam} || unhex(sha256(${ipadParam} || encode(CAST((${valueSql}) AS VARCHAR)))))`;
}
