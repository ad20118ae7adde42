// Writing the files of an output folder without following a symbolic link a file name
// already has: a link where larsam writes is removed and a new file written in its
// place (the link's target is never touched), and a folder larsam creates itself inside
// the folder the user named must not be a link, or the files would land elsewhere.
import {
  constants,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { userError } from '../messages/message.ts';
import { REPORT_ERRORS } from '../messages/report.ts';

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes path, replacing a symbolic link there instead of writing through it. */
export function writeFileNoFollow(path: string, data: string | Uint8Array): void {
  if (lstatOrNull(path)?.isSymbolicLink()) unlinkSync(path);
  // O_NOFOLLOW: a link made between the check and the open makes the open fail.
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o666,
  );
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } finally {
    closeSync(fd);
  }
}

/** Creates a folder larsam names itself (inside one the user named); refuses one that is a symbolic link. */
export function ensureOwnFolder(path: string): void {
  const st = lstatOrNull(path);
  if (st?.isSymbolicLink()) {
    throw userError(REPORT_ERRORS.symlink(path));
  }
  if (st && !st.isDirectory()) {
    throw userError(REPORT_ERRORS.notAFolder(path));
  }
  mkdirSync(path, { recursive: true });
  if (!lstatSync(path).isDirectory()) throw userError(REPORT_ERRORS.changed(path));
}
