// File names of charts whose name holds an id from the data (activity_id): the id is a
// free text of the data contract, so it may hold '/', '..', ':', '\', NUL or anything
// else. A chart's file must land in charts/ with a name every file system takes, so any
// character but a letter, digit, '-' or '_' becomes '_', the id is cut to 60
// characters, and a changed id gets a short hash of the original, so two ids that clean
// up alike ('a/b', 'a:b') still get files of their own. Ordinary ids keep their name.
import { createHash } from 'node:crypto';

const UNSAFE = /[^\p{L}\p{N}_-]/gu;
const MAX_ID_CHARS = 60;

/** The id as a part of a file name: unchanged when it is already safe. */
export function fileNamePart(id: string): string {
  const cleaned = [...id.normalize('NFC').replace(UNSAFE, '_')].slice(0, MAX_ID_CHARS).join('');
  if (cleaned === id && cleaned !== '') return id;
  return `${cleaned}-${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8)}`;
}

/** The chart name (file stem under charts/) of an activity's chart (its id in chart-registry.ts). */
export function activityChartName(activityId: string, chart: string): string {
  return `activity-${fileNamePart(activityId)}-${chart}`;
}
