// The small parts of an .xlsx workbook, read from the zip in memory: its sheets in tab
// order, the shared strings, which cell styles are dates, and the 1904 date system.
// The sheet itself is read by sheet-rows.ts.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { unzipSync } from 'fflate';

export interface WorkbookSheet {
  name: string;
  /** The sheet's XML part inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string | undefined;
}

const decoder = new TextDecoder('utf-8');

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#[0-9]+);/gi, (entity, body: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[body.toLowerCase()]) return named[body.toLowerCase()]!;
    const code =
      body[1] === 'x' || body[1] === 'X'
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    found[match[1]!] = unescapeXml(match[3] ?? match[4] ?? '');
  return found;
}

/** A zip holding only the named parts (the others are not inflated). */
function parts(zip: Uint8Array, names: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(zip, { filter: (file) => names(file.name) });
}

function resolveTarget(base: string, target: string): string {
  return target.startsWith('/')
    ? target.slice(1)
    : posix.normalize(posix.join(posix.dirname(base), target));
}

export interface Workbook {
  sheets: WorkbookSheet[];
  sharedStrings: string[];
  /** Per cell style (the `s` of a cell): whether its number format shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** The workbook's sheets in tab order (the order Excel shows), strings, styles and date system. */
export function readWorkbook(zip: Uint8Array): Workbook {
  const rootRels = parts(zip, (name) => name === '_rels/.rels')['_rels/.rels'];
  let workbookPart = 'xl/workbook.xml';
  if (rootRels) {
    for (const tag of decoder.decode(rootRels).match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      if (a.Type?.endsWith('/officeDocument') && a.Target)
        workbookPart = resolveTarget('', a.Target);
    }
  }
  const relsPart = posix.join(
    posix.dirname(workbookPart),
    '_rels',
    `${posix.basename(workbookPart)}.rels`,
  );
  const found = parts(zip, (name) => name === workbookPart || name === relsPart);
  const workbook = found[workbookPart];
  if (!workbook) throw new Error(`no ${workbookPart} in the workbook`);
  const targets = new Map<string, string>();
  for (const tag of decoder
    .decode(found[relsPart] ?? new Uint8Array())
    .match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget(workbookPart, a.Target));
  }
  const workbookXml = decoder.decode(workbook);
  const sheets = (workbookXml.match(/<(\w+:)?sheet\b[^>]*>/g) ?? []).map((tag) => {
    const a = attributes(tag);
    const id = Object.entries(a).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
    return { name: a.name ?? '', part: id ? targets.get(id) : undefined };
  });
  const pr = /<(\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904 = pr ? ['1', 'true'].includes(attributes(pr[0]).date1904 ?? '') : false;
  const ofType = (suffix: string) =>
    [...rels(found[relsPart])].find((r) => r.type.endsWith(suffix))?.target;
  const stringsPart = ofType('/sharedStrings') ?? 'xl/sharedStrings.xml';
  const stylesPart = ofType('/styles') ?? 'xl/styles.xml';
  const small = parts(zip, (name) => name === stringsPart || name === stylesPart);
  return {
    sheets,
    sharedStrings: small[stringsPart] ? sharedStrings(decoder.decode(small[stringsPart])) : [],
    dateStyles: small[stylesPart] ? dateStyles(decoder.decode(small[stylesPart])) : [],
    date1904,
  };

  function* rels(bytes: Uint8Array | undefined): Generator<{ type: string; target: string }> {
    for (const tag of decoder
      .decode(bytes ?? new Uint8Array())
      .match(/<(\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const a = attributes(tag);
      if (a.Type && a.Target) yield { type: a.Type, target: resolveTarget(workbookPart, a.Target) };
    }
  }
}

/** Each <si>: the text of its runs (<t>), without phonetic guides (<rPh>). */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const si of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    const body = (si[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let text = '';
    for (const t of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
      text += unescapeXml(t[1] ?? '');
    strings.push(text);
  }
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quotes, escapes and [brackets], it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  // Only the first section (positive numbers) decides, as Excel's own detection does.
  return /[dmyhs]/i.test(bare.split(';')[0] ?? '') && !/^general$/i.test(bare.trim());
}

function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of xml.match(/<(\w+:)?numFmt\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return (cellXfs.match(/<(\w+:)?xf\b[^>]*>/g) ?? []).map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** The uncompressed size of a part (read from the zip's directory, nothing inflated). */
export function partSize(zip: Uint8Array, part: string): number | undefined {
  let size: number | undefined;
  unzipSync(zip, {
    filter: (file) => {
      if (file.name === part) size = file.originalSize;
      return false;
    },
  });
  return size;
}

export function readWorkbookBytes(path: string): Uint8Array {
  return readFileSync(path);
}

/** One part inflated (the sheet: its XML is read from this in pieces). */
export function readPart(zip: Uint8Array, part: string): Uint8Array | undefined {
  return parts(zip, (name) => name === part)[part];
}
