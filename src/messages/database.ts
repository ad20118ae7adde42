// The database side of the message catalogue (see message.ts): a full disk, a database in
// use by another process, no database or not a database where --db points, a link where
// larsam writes its files.
import { problem, text } from './message.ts';

export const databaseMessages = {
  /** `limit`: a file size limit (EFBIG, ulimit -f) rather than a full disk or quota. */
  diskFull: (limit: boolean, path: string | undefined) =>
    problem(
      text(
        `${limit ? 'a file size limit was reached' : 'the disk is full'} while writing ${path ?? 'a file'}; what this command wrote was not kept`,
        `${limit ? 'en gräns för filstorlek nåddes' : 'disken är full'} när ${path ?? 'en fil'} skrevs; det som kommandot skrev sparades inte`,
      ),
      text(
        'free disk space (or raise the limit) and run the command again; what was loaded before is intact',
        'frigör diskutrymme (eller höj gränsen) och kör kommandot igen; det som lästes in tidigare är orört',
      ),
    ),
  inUse: (dbPath: string, pid: string | undefined) =>
    problem(
      text(
        `the database ${dbPath} is in use by ${pid ? `process ${pid}` : 'another process'}`,
        `databasen ${dbPath} används av ${pid ? `process ${pid}` : 'en annan process'}`,
      ),
      text(
        'wait for it to finish, or use another --db',
        'vänta tills den är klar, eller använd en annan --db',
      ),
    ),
  noDatabase: (path: string) =>
    problem(
      text(`there is no database at ${path}`, `det finns ingen databas i ${path}`),
      text(
        'load data first with  larsam ingest <files>, or point --db at the database',
        'läs först in data med  larsam ingest <filer>, eller ange databasen med --db',
      ),
    ),
  notADatabase: (path: string) =>
    problem(
      text(
        `${path} is not a larsam database (it is not a DuckDB database file)`,
        `${path} är ingen larsam-databas (det är inte en DuckDB-databasfil)`,
      ),
      text(
        'point --db at the database larsam made (by default .larsam/larsam.duckdb)',
        'ange med --db databasen som larsam skapade (som standard .larsam/larsam.duckdb)',
      ),
    ),
  symbolicLink: (path: string) =>
    problem(
      text(
        `${path} is a symbolic link; larsam writes the database's own files only beside the database`,
        `${path} är en symbolisk länk; larsam skriver databasens egna filer bara bredvid databasen`,
      ),
      text(
        'remove the link (larsam recreates the file or folder), or name another --db',
        'ta bort länken (larsam skapar filen eller mappen på nytt), eller ange en annan --db',
      ),
    ),
};
