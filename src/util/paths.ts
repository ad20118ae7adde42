// Where the project's own files are, independent of the current folder.
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const sqlRoot = join(projectRoot, 'sql');
