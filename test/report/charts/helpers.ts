// Helpers for the chart tests: the Vega-Lite schema validator, SVG text, PNG size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

let validator: ReturnType<Ajv['compile']> | null = null;

/** Validates against the JSON schema shipped in the installed vega-lite (draft-07). */
export function validateVegaLite(spec: unknown): string[] {
  if (!validator) {
    const file = createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({
      allowUnionTypes: true,
      strict: false,
      allErrors: true,
      validateFormats: false,
    });
    validator = ajv.compile(schema);
  }
  return validator(spec)
    ? []
    : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every piece of text a reader of the SVG can see or have read out: text nodes, <title>, <desc>. */
export function svgText(svg: string): string[] {
  return [...svg.matchAll(/<(text|tspan|title|desc)\b[^>]*>([^<]*)</g)]
    .map((m) => unescapeXml(m[2]!))
    .filter((t) => t.length > 0);
}

export function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  if (!match) throw new Error('no svg size');
  return { width: Number(match[1]), height: Number(match[2]) };
}

export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** String values inside every inline `data.values` of a spec: what a reader could extract from the .vl.json. */
export function dataStrings(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, inData: boolean): void => {
    if (typeof node === 'string') {
      if (inData) found.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, inData);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, inData || key === 'values');
    }
  };
  walk(spec, false);
  return found;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
