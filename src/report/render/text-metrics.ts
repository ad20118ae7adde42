// Text widths from the advance widths in DejaVu Sans itself. Without a canvas, Vega
// guesses 0.8 em a character, which overstates DejaVu by about 40 %: labels are cut
// short and layouts get gaps. This reads the font's cmap and hmtx tables once and gives
// Vega the widths resvg will draw (kerning left out, which only makes text narrower).
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width of a code point in font units. */
  advance(codePoint: number): number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

function requireTable(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`Font has no ${tag} table`);
  return offset;
}

/** Glyph lookup from the Unicode cmap subtable (format 12 if present, else format 4). */
function glyphLookup(font: Buffer, cmap: number): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const subtable = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(subtable);
    if (platform === 3 && encoding === 10 && format === 12) format12 = subtable;
    if (platform === 3 && encoding === 1 && format === 4) format4 = subtable;
  }
  if (format12 >= 0) {
    const groups = font.readUInt32BE(format12 + 12);
    return (codePoint) => {
      for (let i = 0; i < groups; i++) {
        const group = format12 + 16 + 12 * i;
        const start = font.readUInt32BE(group);
        const end = font.readUInt32BE(group + 4);
        if (codePoint >= start && codePoint <= end)
          return font.readUInt32BE(group + 8) + codePoint - start;
      }
      return 0;
    };
  }
  if (format4 < 0) throw new Error('Font has no Unicode cmap');
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (font.readUInt16BE(ends + 2 * i) < codePoint) continue;
      const start = font.readUInt16BE(starts + 2 * i);
      if (start > codePoint) return 0;
      const delta = font.readInt16BE(deltas + 2 * i);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export function readFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const tables = tableOffsets(font);
  const unitsPerEm = font.readUInt16BE(requireTable(tables, 'head') + 18);
  const metricsCount = font.readUInt16BE(requireTable(tables, 'hhea') + 34);
  const hmtx = requireTable(tables, 'hmtx');
  const glyphOf = glyphLookup(font, requireTable(tables, 'cmap'));
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        const glyph = Math.min(glyphOf(codePoint), metricsCount - 1);
        width = font.readUInt16BE(hmtx + 4 * glyph);
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

/** Width in pixels of a line of text at a font size. */
export function textWidth(metrics: FontMetrics, text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += metrics.advance(char.codePointAt(0)!);
  return (units * fontSize) / metrics.unitsPerEm;
}
