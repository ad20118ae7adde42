// Turns the paths a user named into (file, kind) pairs: folders are read one level
// deep, and a file's kind comes from --kind, else its name (`<kind>*.ext`), else — for
// a Ladok or SCB export under any name — its header (of an .xlsx: its first sheet's).
// In a folder every entry is loaded or named with why not, hidden files (.DS_Store)
// aside; an .xlsx is named with the sheet read, `file.xlsx [sheet Blad1]`.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { KINDS, isKind, type Kind } from '../contract/kinds.ts';
import { LarsamError } from '../util/errors.ts';
import { formatOf, refusedFormatOf, SAVE_AS_XLSX, type FileFormat } from './file-format.ts';
import { isLadokHeader } from './ladok-columns.ts';
import { isScbHeader } from './scb-columns.ts';
import { readHead } from './sniff-csv.ts';
import { detectDelimiter, splitCsvLine } from './split-csv-line.ts';
import {
  chooseSheet,
  firstSheetHead,
  sheetDisplayName,
  sheetsOf,
  workbookBytes,
} from './xlsx/sheet-to-csv.ts';

export interface InputFile {
  path: string;
  displayName: string;
  kind: Kind;
  format: FileFormat;
}

export interface Discovery {
  files: InputFile[];
  /** Entries of named folders that are not loaded, each with why. */
  skipped: SkippedFile[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

const UNKNOWN_KIND_REASON =
  'its kind cannot be told from its name (name it <kind>….csv or load it with --kind)';

/** Longest kind name the file name starts with, followed by nothing or a non-letter. */
export function kindFromName(path: string): Kind | undefined {
  const stem = basename(path, extname(path)).toLowerCase();
  const matches = KINDS.filter(
    (kind) => stem === kind || (stem.startsWith(kind) && /^[^a-z]/.test(stem.slice(kind.length))),
  );
  return matches.sort((a, b) => b.length - a.length)[0];
}

async function kindFromHeader(
  path: string,
  format: FileFormat,
  displayName: string,
): Promise<Kind | undefined> {
  const lines =
    format === 'xlsx' ? await firstSheetHead(path, displayName, 50) : await readHead(path, 'utf-8');
  for (const line of lines) {
    const cells = splitCsvLine(line, detectDelimiter(line));
    if (isLadokHeader(cells)) return 'results';
    if (isScbHeader(cells)) return 'population';
  }
  return undefined;
}

async function kindOf(
  path: string,
  format: FileFormat,
  forced: string | undefined,
  displayName: string,
): Promise<Kind | undefined> {
  if (forced) return forced as Kind;
  return (
    kindFromName(path) ??
    (format === 'csv' || format === 'xlsx'
      ? await kindFromHeader(path, format, displayName)
      : undefined)
  );
}

/** An .xlsx is named with its sheet; a workbook that cannot be opened keeps its plain name (its load says why). */
function nameWithSheet(path: string, displayName: string, format: FileFormat, kind: Kind): string {
  if (format !== 'xlsx') return displayName;
  try {
    return sheetDisplayName(
      displayName,
      chooseSheet(sheetsOf(workbookBytes(path, displayName), displayName), kind, displayName).name,
    );
  } catch (error) {
    if (error instanceof LarsamError) return displayName;
    throw error;
  }
}

function refused(what: string, file: string): LarsamError {
  return new LarsamError(`cannot read ${what}`, { where: { file }, fix: SAVE_AS_XLSX });
}

/** Why a folder entry is not loaded, or undefined for a data file to load; hidden files are skipped silently. */
function notLoadedBecause(full: string, name: string): string | null | undefined {
  if (name.startsWith('~$'))
    return "Excel's lock file of an open workbook, not data (close the workbook in Excel)";
  if (name.startsWith('.')) return null;
  const stats = statSync(full);
  if (stats.isDirectory())
    return 'a folder (folders are read one level deep; name it to load its files)';
  if (!stats.isFile()) return 'not a regular file';
  const what = refusedFormatOf(full);
  if (what) return `${what} cannot be read: ${SAVE_AS_XLSX}`;
  if (!formatOf(full))
    return `not a data file (${extname(name) || 'no extension'}); data files end in .csv, .xlsx, .parquet, .arrow/.feather or .json`;
  return undefined;
}

function unknownKind(path: string): LarsamError {
  return new LarsamError('cannot tell which kind of data this file holds', {
    where: { file: path },
    fix: `name it after its kind (${KINDS.join(', ')}), e.g. registrations-ht2025.csv, or pass --kind`,
  });
}

export async function discoverInputs(paths: string[], forcedKind?: string): Promise<Discovery> {
  if (forcedKind !== undefined && !isKind(forcedKind)) {
    throw new LarsamError(`unknown kind '${forcedKind}'`, {
      fix: `use one of: ${KINDS.join(', ')}`,
    });
  }
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      throw new LarsamError('no such file or folder', {
        where: { file: given },
        fix: 'check the path',
      });
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const full = join(path, name);
        const shown = join(given, name);
        const reason = notLoadedBecause(full, name);
        if (reason === null) continue;
        if (reason !== undefined) {
          skipped.push({ file: shown, reason });
          continue;
        }
        const format = formatOf(full)!;
        let kind: Kind | undefined;
        try {
          kind = await kindOf(full, format, forcedKind, shown);
        } catch (error) {
          // A workbook that cannot be opened to read its header: named with why.
          if (!(error instanceof LarsamError)) throw error;
          skipped.push({ file: shown, reason: `${error.message}; ${error.fix}` });
          continue;
        }
        if (kind)
          files.push({
            path: full,
            displayName: nameWithSheet(full, shown, format, kind),
            kind,
            format,
          });
        else skipped.push({ file: shown, reason: UNKNOWN_KIND_REASON });
      }
    } else {
      const format = formatOf(path);
      if (!format) {
        const what = refusedFormatOf(path);
        if (what) throw refused(what, given);
        throw new LarsamError(`cannot read files ending in '${extname(path) || '(nothing)'}'`, {
          where: { file: given },
          fix: `give a .csv, .xlsx, .parquet, .arrow/.feather or .json file`,
        });
      }
      const kind = await kindOf(path, format, forcedKind, given);
      if (!kind) throw unknownKind(given);
      files.push({ path, displayName: nameWithSheet(path, given, format, kind), kind, format });
    }
  }
  return { files, skipped };
}
