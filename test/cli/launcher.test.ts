// bin/larsam.js runs the compiled CLI only when dist/.built is at least as new as every
// file of src/; otherwise the sources (through tsx), so an edit or a checkout after the
// build never runs old JavaScript. Tried on a copy of the launcher in a temporary project
// whose two entry points say which one ran.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

let root: string;
const run = () =>
  execFileSync(process.execPath, [join(root, 'bin', 'larsam.js')], { encoding: 'utf8' }).trim();
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'larsam-launcher-'));
  for (const dir of ['bin', 'dist/cli', 'src/cli', 'src/deep/er'])
    mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(join(projectRoot, 'bin', 'larsam.js'), join(root, 'bin', 'larsam.js'));
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(root, 'dist', 'cli', 'main.js'), "console.log('dist');\n");
  // TypeScript syntax, so only tsx can run it
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    "const from: string = 'src';\nconsole.log(from);\n",
  );
  writeFileSync(join(root, 'src', 'deep', 'er', 'other.ts'), 'export {};\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bin/larsam.js', () => {
  it('runs the sources when there is no build', () => {
    expect(run()).toBe('src');
  });

  it('runs dist when the build is newer than every source file', () => {
    writeFileSync(join(root, 'dist', '.built'), 'x\n');
    for (const file of ['src/cli/main.ts', 'src/deep/er/other.ts']) at(join(root, file), 1_000_000);
    at(join(root, 'dist', '.built'), 2_000_000);
    expect(run()).toBe('dist');
  });

  it('runs the sources again when any source file, however deep, is newer than the build', () => {
    at(join(root, 'src', 'deep', 'er', 'other.ts'), 2_000_001);
    expect(run()).toBe('src');
  });
});
