// The database side of the message catalogue (see message.ts): a full disk, a database in
// use by another process, a link where larsam writes its files.
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
