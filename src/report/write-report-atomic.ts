// The report folder <out>/<term>/ appears whole or not at all: the report is written
// into a hidden folder beside it (<out>/.<term>.partial-<pid>/<term>/), starting from a
// copy of the earlier report so files the user put there stay, and then renamed into
// place. A killed or failed run (disk full, an error in a chart) leaves the earlier
// report as it was, never a mix of old and new files; its hidden leftovers are removed
// by the next report.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { translateDiskFull } from '../db/disk-full.ts';
import { resolveReviewTerm } from '../decide/decide.ts';
import { writeReport, type ReportOptions, type WrittenReport } from './write-report.ts';

const LEFTOVER = /^\.(.+)\.(partial|old)-(\d+)$/;

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Hidden folders of report runs that are no longer running. */
function removeLeftovers(out: string): void {
  for (const name of readdirSync(out)) {
    const pid = Number(LEFTOVER.exec(name)?.[3]);
    if (pid && pid !== process.pid && !isAlive(pid))
      rmSync(join(out, name), { recursive: true, force: true });
  }
}

export async function writeReportAtomically(
  db: Database,
  options: ReportOptions,
): Promise<WrittenReport> {
  const reviewTerm = await resolveReviewTerm(db, options.term);
  const folder = join(options.out, reviewTerm);
  const staging = join(options.out, `.${reviewTerm}.partial-${process.pid}`);
  const old = join(options.out, `.${reviewTerm}.old-${process.pid}`);
  try {
    mkdirSync(options.out, { recursive: true });
    removeLeftovers(options.out);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    if (existsSync(folder)) cpSync(folder, join(staging, reviewTerm), { recursive: true });
    const written = await writeReport(db, { ...options, term: reviewTerm, out: staging });
    if (exists(folder)) {
      renameSync(folder, old);
      renameSync(written.folder, folder);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(written.folder, folder);
    }
    return { ...written, folder };
  } catch (error) {
    // Failed between the two renames: the earlier report goes back in place.
    if (!exists(folder) && exists(old)) renameSync(old, folder);
    throw translateDiskFull(error);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
