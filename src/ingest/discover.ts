// Turns the paths a user named into (file, kind) pairs: folders are read one level
// deep, and a file's kind comes from --kind, else its name (`<kind>*.ext`), else — for
// a Ladok or SCB export under any name — its header (of an .xlsx: its first sheet's).
// In a folder every entry is loaded or named with why not, hidden files (.DS_Store)
// aside; an .xlsx is named with the sheet read, `file.xlsx [sheet Blad1]`.
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { KINDS, isKind, type Kind } from '../contract/kinds.ts';
import { ingestMessages, skipReasons } from '../messages/ingest.ts';
import { type Text, userError } from '../messages/message.ts';
import { LarsamError } from '../util/errors.ts';
import { formatOf, refusedFormatOf, type FileFormat } from './file-format.ts';
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

function refused(what: Text, file: string): LarsamError {
  return userError(ingestMessages.refusedFormat(what), { where: { file } });
}

/** Why a folder entry is not loaded, or undefined for a data file to load; hidden files are skipped silently. */
function notLoadedBecause(full: string, name: string): string | null | undefined {
  if (name.startsWith('~$')) return skipReasons.excelLockFile().en;
  if (name.startsWith('.')) return null;
  const stats = statSync(full);
  if (stats.isDirectory()) return skipReasons.folder().en;
  if (!stats.isFile()) return skipReasons.notRegularFile().en;
  const what = refusedFormatOf(full);
  if (what) return skipReasons.refusedFormat(what).en;
  if (!formatOf(full)) return skipReasons.notDataFile(extname(name) || undefined).en;
  return undefined;
}

function unknownKind(path: string): LarsamError {
  return userError(ingestMessages.kindNotTold(KINDS), { where: { file: path } });
}

export async function discoverInputs(paths: string[], forcedKind?: string): Promise<Discovery> {
  if (forcedKind !== undefined && !isKind(forcedKind)) {
    throw userError(ingestMessages.unknownKindOption(forcedKind, KINDS));
  }
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      throw userError(ingestMessages.noSuchPath(), { where: { file: given } });
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
          skipped.push({ file: shown, reason: skipReasonOf(error) });
          continue;
        }
        if (kind)
          files.push({
            path: full,
            displayName: nameWithSheet(full, shown, format, kind),
            kind,
            format,
          });
        else skipped.push({ file: shown, reason: skipReasons.kindNotTold().en });
      }
    } else {
      const format = formatOf(path);
      if (!format) {
        const what = refusedFormatOf(path);
        if (what) throw refused(what, given);
        throw userError(ingestMessages.unknownExtension(extname(path) || undefined), {
          where: { file: given },
        });
      }
      const kind = await kindOf(path, format, forcedKind, given);
      if (!kind) throw unknownKind(given);
      files.push({ path, displayName: nameWithSheet(path, given, format, kind), kind, format });
    }
  }
  return { files, skipped };
}

/** A workbook's error as the reason it is skipped: the message and its fix. */
function skipReasonOf(error: LarsamError): string {
  return error.texts ? skipReasons.unopenable(error.texts).en : `${error.message}; ${error.fix}`;
}
