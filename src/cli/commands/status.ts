// larsam status: what is loaded, which files failed, which terms it covers, what was
// rejected, the last build.
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { tableText } from '../table-text.ts';

/** A path as the user would type it from here: relative inside the current folder. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export const statusCommand = defineCommand<GlobalArgs>({
  command: 'status',
  describe: 'What is loaded: files, files that failed, kinds, terms covered, rejects, last build',
  builder: (yargs) => yargs.example('$0 status --json', 'the same as JSON'),
  handler: async (args: GlobalArgs) => {
    const { dbPath, output } = contextFrom(args);
    if (!existsSync(dbPath)) {
      output.result(
        { database: dbPath, files: [] },
        () => `No database at ${dbPath} yet: load data with  larsam ingest <files or folder>`,
      );
      return;
    }
    const { withDatabase } = await import('../../db/database.ts');
    const { readStatus } = await import('../../ingest/status.ts');
    const status = await withDatabase(dbPath, { readOnly: true }, readStatus);
    output.result({ database: dbPath, ...status }, () =>
      [
        `Database: ${dbPath}`,
        '',
        'Files loaded:',
        tableText(
          ['file', 'kind', 'format', 'rows', 'rejected', 'sha256'],
          status.files.map((f) => [
            f.file,
            f.kind,
            f.format,
            f.rows,
            f.rejected,
            f.sha256.slice(0, 12),
          ]),
        ),
        '',
        ...(status.failed.length
          ? [
              'Files that failed (nothing of them is loaded):',
              ...status.failed.map(
                (f) =>
                  `  ${shownPath(f.path)} (${f.kind}, ${f.at}${f.status === 'failed_strict' ? ', --strict' : ''}): ${f.why}`,
              ),
              '',
            ]
          : []),
        'Kinds:',
        tableText(
          ['kind', 'files', 'rows'],
          status.kinds.map((k) => [k.kind, k.files, k.rows]),
        ),
        '',
        'Terms covered (rows per kind):',
        tableText(
          ['term', 'registrations', 'results', 'sessions'],
          status.terms.map((t) => [t.term, t.registrations, t.results, t.sessions]),
        ),
        '',
        status.rejects.length ? 'Rejected rows by reason:' : 'No rejected rows.',
        ...(status.rejects.length
          ? [
              tableText(
                ['rule', 'column', 'rows'],
                status.rejects.map((r) => [r.rule, r.column, r.rows]),
              ),
            ]
          : []),
        '',
        `Models: ${status.models}`,
      ].join('\n'),
    );
  },
});
