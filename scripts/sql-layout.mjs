// The SQL layout check of `npm test` (and `npm run format:sql` with --fix): every model
// and data test laid out as sql-formatter (duckdb, .sql-formatter.json) lays it out.
// One process for all files: starting the sql-formatter CLI once per file cost ~20 s.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'sql-formatter';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, '.sql-formatter.json'), 'utf8'));
const fix = process.argv.includes('--fix');
const folders = ['staging', 'intermediate', 'marts', 'tests'];
const files = folders.flatMap((folder) =>
  readdirSync(join(root, 'sql', folder))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join('sql', folder, name)),
);

let wrong = 0;
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  // The CLI ends its output with one newline; so do the files.
  const laid = `${format(text, config)}\n`;
  if (laid === text) continue;
  if (fix) {
    writeFileSync(join(root, file), laid);
    continue;
  }
  wrong++;
  const a = text.split('\n');
  const b = laid.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  process.stderr.write(
    `${file}:${line + 1}: not laid out as sql-formatter lays it out\n  is:        ${a[line] ?? ''}\n  should be: ${b[line] ?? ''}\n`,
  );
}
if (wrong) {
  process.stderr.write(`${wrong} SQL file(s) to lay out: npm run format:sql rewrites them\n`);
  process.exit(1);
}
