// Turns the paths a user named into (file, kind) pairs: folders are read one level
// deep, and a file's kind comes from --kind, else its name (`<kind>*.ext`), else — for
// a Ladok or SCB export under any name — its header.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { KINDS, isKind, type Kind } from '../contract/kinds.ts';
import { LarsamError } from '../util/errors.ts';
import { formatOf, type FileFormat, DATA_EXTENSIONS } from './file-format.ts';
import { isLadokHeader } from './ladok-columns.ts';
import { isScbHeader } from './scb-columns.ts';
import { readHead } from './sniff-csv.ts';
import { detectDelimiter, splitCsvLine } from './split-csv-line.ts';

export interface InputFile {
  path: string;
  displayName: string;
  kind: Kind;
  format: FileFormat;
}

export interface Discovery {
  files: InputFile[];
  /** Data files in named folders whose kind could not be told; they are not loaded. */
  skipped: string[];
}

/** Longest kind name the file name starts with, followed by nothing or a non-letter. */
export function kindFromName(path: string): Kind | undefined {
  const stem = basename(path, extname(path)).toLowerCase();
  const matches = KINDS.filter((kind) => stem === kind || (stem.startsWith(kind) && /^[^a-z]/.test(stem.slice(kind.length))));
  return matches.sort((a, b) => b.length - a.length)[0];
}

async function kindFromHeader(path: string): Promise<Kind | undefined> {
  for (const line of await readHead(path, 'utf-8')) {
    const cells = splitCsvLine(line, detectDelimiter(line));
    if (isLadokHeader(cells)) return 'results';
    if (isScbHeader(cells)) return 'population';
  }
  return undefined;
}

async function kindOf(path: string, format: FileFormat, forced: string | undefined): Promise<Kind | undefined> {
  if (forced) return forced as Kind;
  return kindFromName(path) ?? (format === 'csv' ? await kindFromHeader(path) : undefined);
}

function unknownKind(path: string): LarsamError {
  return new LarsamError('cannot tell which kind of data this file holds', {
    where: { file: path },
    fix: `name it after its kind (${KINDS.join(', ')}), e.g. registrations-ht2025.csv, or pass --kind`,
  });
}

export async function discoverInputs(paths: string[], forcedKind?: string): Promise<Discovery> {
  if (forcedKind !== undefined && !isKind(forcedKind)) {
    throw new LarsamError(`unknown kind '${forcedKind}'`, { fix: `use one of: ${KINDS.join(', ')}` });
  }
  const files: InputFile[] = [];
  const skipped: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new LarsamError('no such file or folder', { where: { file: given }, fix: 'check the path' });
    }
    if (stats.isDirectory()) {
      const names = readdirSync(path).filter((name) => DATA_EXTENSIONS.includes(extname(name).toLowerCase())).sort();
      for (const name of names) {
        const full = join(path, name);
        if (!statSync(full).isFile()) continue;
        const format = formatOf(full)!;
        const kind = await kindOf(full, format, forcedKind);
        if (kind) files.push({ path: full, displayName: join(given, name), kind, format });
        else skipped.push(join(given, name));
      }
    } else {
      const format = formatOf(path);
      if (!format) {
        throw new LarsamError(`cannot read files ending in '${extname(path) || '(nothing)'}'`, {
          where: { file: given },
          fix: `give a .csv, .parquet, .arrow/.feather or .json file`,
        });
      }
      const kind = await kindOf(path, format, forcedKind);
      if (!kind) throw unknownKind(given);
      files.push({ path, displayName: given, kind, format });
    }
  }
  return { files, skipped };
}
