// Builds the models of a workspace's database; the build's error message, or undefined
// when it passed — for tests of what stops a build.
import { Database } from '../../src/db/database.ts';
import { buildModels, DEFAULT_BUILD_SETTINGS } from '../../src/models/build.ts';
import type { Workspace } from './workspace.ts';

export async function buildError(ws: Workspace): Promise<string | undefined> {
  const db = await Database.open(ws.dbPath);
  try {
    await buildModels(db, DEFAULT_BUILD_SETTINGS);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}
