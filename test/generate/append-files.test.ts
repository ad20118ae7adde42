// appendFiles puts the parts of a large generated file together: the bytes of every part
// after the target's own, in order, with cat or (no cat on the PATH) with streams; a
// missing part is an error, not a shorter file passed off as whole.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendFiles } from '../../src/generate/append-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'larsam-append-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parts(name: string): { target: string; sources: string[]; expected: Buffer } {
  const contents = [
    'person_id,term\n',
    '199001011234,HT2024\nåäö,VT2025\n',
    '',
    Buffer.from([0xe5, 0x0a, 0x00, 0xff]).toString('latin1'),
  ];
  const paths = contents.map((_text, i) => join(dir, `${name}-${i}.csv`));
  contents.forEach((text, i) => {
    writeFileSync(paths[i]!, Buffer.from(text, 'latin1'));
  });
  return {
    target: paths[0]!,
    sources: paths.slice(1),
    expected: Buffer.concat(contents.map((t) => Buffer.from(t, 'latin1'))),
  };
}

describe('appendFiles', () => {
  it('appends the parts in order, byte for byte', async () => {
    const { target, sources, expected } = parts('cat');
    await appendFiles(target, sources);
    expect(readFileSync(target).equals(expected)).toBe(true);
  });

  it('gives the same bytes without cat on the PATH', async () => {
    const { target, sources, expected } = parts('streams');
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await appendFiles(target, sources);
    } finally {
      process.env.PATH = path;
    }
    expect(readFileSync(target).equals(expected)).toBe(true);
  });

  it('fails on a missing part', async () => {
    const { target, sources } = parts('missing');
    await expect(appendFiles(target, [sources[0]!, join(dir, 'no-such-part.csv')])).rejects.toThrow(
      /no-such-part/,
    );
  });
});
