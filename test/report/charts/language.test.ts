// Language: the words a builder writes itself come from its label table, so an English
// chart holds none of the Swedish words and a Swedish chart none of the English ones
// (in the SVG text, the text alternative, and the strings of the inlined data).
import { beforeAll, describe, expect, it } from 'vitest';
import { WORDS, type ChartWords } from '../../../src/report/charts/labels.ts';
import type { Lang } from '../../../src/report/charts/types.ts';
import { renderSvg } from '../../../src/report/render/index.ts';
import { cases } from './fixtures.ts';
import { dataStrings, svgText } from './helpers.ts';

/** Every text the table can produce, functions called with placeholder arguments. */
function tableText(words: ChartWords): string {
  const texts: string[] = [];
  for (const value of Object.values(words)) {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => string;
      const argumentSets: unknown[][] = [
        ['X', 2, 'Y', 'Z', 'W'],
        ['>=', 'X'],
        [['X', 'Y', 'Z']],
        [1, 1],
        [true, true],
        ['X', ['Y', 'Z']],
      ];
      for (const args of argumentSets) {
        try {
          texts.push(fn(...args));
        } catch {
          // a placeholder of the wrong kind for this entry
        }
      }
    }
  }
  return texts.join(' ');
}

const tokens = (text: string) =>
  new Set(text.match(/\p{L}{4,}/gu)?.map((t) => t.toLowerCase()) ?? []);

/** Words only one language's table uses. */
function ownWords(lang: Lang): string[] {
  const other = tokens(tableText(WORDS[lang === 'sv' ? 'en' : 'sv']));
  return [...tokens(tableText(WORDS[lang]))].filter((word) => !other.has(word));
}

const visible = new Map<string, string>();

beforeAll(async () => {
  for (const lang of ['sv', 'en'] as const) {
    for (const c of cases(lang)) {
      const svg = await renderSvg(c.chart.spec, lang);
      visible.set(
        `${c.builder}-${lang}`,
        [...svgText(svg), c.chart.description, ...dataStrings(c.chart.spec)].join(' \n '),
      );
    }
  }
});

describe('label tables', () => {
  it('have the same entries in both languages', () => {
    expect(Object.keys(WORDS.sv).sort()).toEqual(Object.keys(WORDS.en).sort());
  });

  it('give each language words of its own to look for', () => {
    expect(ownWords('sv')).toEqual(
      expect.arrayContaining(['konfidensintervall', 'termin', 'saknas', 'högst']),
    );
    expect(ownWords('en')).toEqual(
      expect.arrayContaining(['confidence', 'interval', 'missing', 'highest']),
    );
  });
});

describe.each([
  ['en', 'sv'],
  ['sv', 'en'],
] as const)('a chart in %s', (lang, other) => {
  it.each(cases(lang).map((c) => [c.builder, c] as const))(
    `%s holds no ${other === 'sv' ? 'Swedish' : 'English'} word of the tables`,
    (_, c) => {
      const text = tokens(visible.get(`${c.builder}-${lang}`)!);
      const leaked = ownWords(other).filter((word) => text.has(word));
      expect(leaked).toEqual([]);
    },
  );
});
