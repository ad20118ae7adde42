// larsam person <personnummer>: the data subject's right of access (issue 15).
import { existsSync } from 'node:fs';
import { NUMBER_GIVEN, RIGHTS_TEXTS as T } from '../../messages/rights.ts';
import { defineCommand } from '../define-command.ts';
import { contextFrom, type GlobalArgs } from '../context.ts';
import { tableText } from '../table-text.ts';

interface Args extends GlobalArgs {
  personnummer: string;
}

export const personCommand = defineCommand<Args>({
  command: 'person <personnummer>',
  describe:
    'Everything the database holds for one person (right of access), found through the pseudonym',
  builder: (yargs) =>
    yargs
      .positional('personnummer', {
        type: 'string',
        demandOption: true,
        describe: 'the personnummer or samordningsnummer (10 or 12 digits, with or without - or +)',
      })
      .example(
        '$0 person 19900101-1234',
        'every row of registrations, results, participations and degrees for that person, per table, with the file and load each came from',
      )
      .example('$0 person 19900101-1234 --json --lang en', 'the same as JSON')
      .epilogue(
        "The number is normalised and hashed with the database's key exactly as ingest does; it is never written to the database, a log or the output, " +
          'and neither is the pseudonym (an internal linking key that tells the person nothing). Rejected rows hold no person_id, so none can be tied ' +
          "to a person; the command names how many rejected rows the person's files had. Your shell may keep the command line in its history.",
      ),
  handler: async (args: Args) => {
    const { dbPath, output, lang } = contextFrom(args);
    const { withDatabase } = await import('../../db/database.ts');
    const { keyForDatabase, pseudonymOf, tombstoneOf } = await import('../../rights/identify.ts');
    const { readPerson } = await import('../../rights/access.ts');
    const record = existsSync(dbPath)
      ? await withDatabase(dbPath, { readOnly: true }, async (db) => {
          const key = await keyForDatabase(db);
          if (!key) return null;
          const pid = pseudonymOf(key.key, String(args.personnummer), NUMBER_GIVEN);
          return readPerson(db, pid, tombstoneOf(key.key, pid));
        })
      : null;
    const tables = record?.tables ?? [];
    output.result(
      {
        database: dbPath,
        found: (record?.rowCount ?? 0) > 0,
        rows: record?.rowCount ?? 0,
        erased: record?.erased ?? false,
        tables: tables.map((t) => ({ table: t.table, kind: t.kind, rows: t.rows })),
        rejects: {
          identifiable: false,
          note: 'rejected rows hold no person_id (data contract), so none can be tied to a person',
          in_their_files: record?.rejectsInTheirFiles ?? [],
        },
      },
      () => {
        if (!record || record.rowCount === 0) {
          return [
            T.noRows(dbPath)[lang],
            ...(record?.erased ? [T.wasErased[lang]] : []),
            T.rejectsNotTied[lang],
          ].join('\n');
        }
        const lines = [T.rowsFor(dbPath, record.rowCount)[lang]];
        for (const t of record.tables) {
          lines.push('', T.tableRows(t.table, t.rows.length)[lang]);
          if (!t.rows.length) continue;
          const columns = Object.keys(t.rows[0]!.values);
          lines.push(
            tableText(
              [...columns, ...[T.file, T.line, T.load, T.loaded].map((header) => header[lang])],
              t.rows.map((r) => [
                ...columns.map((c) => r.values[c] ?? ''),
                r.file,
                r.line,
                r.loadId,
                r.loadedAt,
              ]),
            ),
          );
        }
        lines.push(
          '',
          T.rejectsInTheirFiles[lang],
          ...record.rejectsInTheirFiles.map((r) => T.loadLine(r.file, r.loadId, r.rejected)[lang]),
        );
        if (record.erased) lines.push(T.hasTombstone[lang]);
        return lines.join('\n');
      },
    );
  },
});
