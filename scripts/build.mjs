// npm run build: src/ compiled to dist/, then dist/.built written last. bin/larsam.js uses
// dist only when .built is newer than every file of src/, so an edit or a checkout made
// after the build runs from the sources (through tsx) instead of from old JavaScript.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.built');
rmSync(stamp, { force: true }); // a failed build leaves no stamp: the sources run
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
writeFileSync(stamp, `${new Date().toISOString()}\n`);
