// SCB's value labels and headings, one reading each, as PxWeb writes them (texts),
// PxWebApi 2 (codes, "code - text") and hand-edited files.
import { describe, expect, it } from 'vitest';
import { isScbHeader } from '../../src/ingest/scb-columns.ts';
import { coverAges } from '../../src/ingest/scb/age-cover.ts';
import { chooseOther, chooseSex } from '../../src/ingest/scb/choose-categories.ts';
import { headingOf } from '../../src/ingest/scb/heading.ts';
import { ageOf, regionOf, sexOf } from '../../src/ingest/scb/labels.ts';

const names = new Map([
  ['östersund', '2380'],
  ['malung-sälen', '2023'],
  ['sundsvall', '2281'],
]);
const byCode = new Map([...names].map(([n, c]) => [c, n]));

describe('labels', () => {
  it.each([
    ['20 år', { kind: 'span', from: 20, to: 20 }],
    ['20', { kind: 'span', from: 20, to: 20 }],
    ['20-24 år', { kind: 'span', from: 20, to: 24 }],
    ['20–24 år', { kind: 'span', from: 20, to: 24 }],
    ['060-64 - 60-64 år', { kind: 'span', from: 60, to: 64 }],
    ['-4 år', { kind: 'span', from: 0, to: 4 }],
    ['100+ år', { kind: 'span', from: 100, to: 150 }],
    ['100+', { kind: 'span', from: 100, to: 150 }],
    ['95 år eller äldre', { kind: 'span', from: 95, to: 150 }],
    ['totalt ålder', { kind: 'total' }],
    ['tot', { kind: 'total' }],
    ['Totalt', { kind: 'total' }],
    ['tjugo år', { kind: 'unknown' }],
    ['24-20 år', { kind: 'unknown' }],
  ])('age %s', (label, expected) => expect(ageOf(label)).toEqual(expected));

  it.each([
    ['män', 'men'],
    ['1', 'men'],
    ['1 - män', 'men'],
    ['kvinnor', 'women'],
    ['2', 'women'],
    ['totalt', 'total'],
    ['1+2', 'total'],
    ['1+2 - totalt', 'total'],
    ['båda könen', 'total'],
    ['okänt', 'unknown'],
  ])('sex %s', (label, expected) => expect(sexOf(label)).toBe(expected));

  it.each([
    ['2380 Östersund', { level: 'municipality', code: '2380' }],
    ['2380', { level: 'municipality', code: '2380' }],
    ['2380 - 2380 Östersund', { level: 'municipality', code: '2380' }],
    ['Östersund', { level: 'municipality', code: '2380' }],
    ['00 Riket', { level: 'country' }],
    ['00', { level: 'country' }],
    ['Riket', { level: 'country' }],
    ['23 Jämtlands län', { level: 'county', code: '23' }],
    ['Jämtlands län', { level: 'county', code: '' }],
    ['Östersnd', { level: 'unknown' }],
  ])('region %s', (label, expected) => expect(regionOf(label, names)).toEqual(expected));
});

describe('headings', () => {
  const stubs = (...d: string[]) => new Set(d) as Set<never>;
  it('reads a year, a content and a sex in any order', () => {
    expect(headingOf('Folkmängd 2023', stubs('region'), byCode)).toEqual({
      year: '2023',
      contents: 'folkmängd',
    });
    expect(headingOf('Folkmängd 2023 män', stubs('region'), byCode)).toEqual({
      year: '2023',
      sex: 'män',
      contents: 'folkmängd',
    });
    expect(headingOf('2024', stubs('region'), byCode)).toEqual({ year: '2024' });
    expect(headingOf('BE0101N1 - Folkmängd 2023 - 2023', stubs('region'), byCode)).toEqual({
      year: '2023',
      contents: 'be0101n1 - folkmängd',
    });
  });

  it('reads a region as a code followed by its own name: "2023 män" is a year and a sex, "2023 Malung-Sälen" a municipality', () => {
    expect(headingOf('Folkmängd män 2281 Sundsvall', stubs('year', 'age'), byCode)).toEqual({
      region: '2281 sundsvall',
      sex: 'män',
      contents: 'folkmängd',
    });
    expect(headingOf('2023 Malung-Sälen', stubs('year'), byCode)).toEqual({
      region: '2023 malung-sälen',
    });
    expect(headingOf('Folkmängd 2023 män', stubs('region'), byCode)).toMatchObject({
      year: '2023',
      sex: 'män',
    });
  });

  it('is null for a long layout’s value column', () => {
    expect(headingOf('Folkmängd', stubs('region', 'year', 'age'), byCode)).toBeNull();
    expect(headingOf('TAB638', stubs('region', 'year', 'age'), byCode)).toBeNull();
  });

  it('tells SCB headers from contract ones', () => {
    expect(isScbHeader(['region', 'ålder', '2023', '2024'])).toBe(true);
    expect(isScbHeader(['Region', 'Alder', 'Kon', 'Tid', 'ContentsCode', 'TAB638'])).toBe(true);
    expect(
      isScbHeader(['Alder - ålder', 'Region - region', 'BE0101N1 - Folkmängd 2023 - 2023']),
    ).toBe(true);
    expect(isScbHeader(['ålder', 'år', 'Folkmängd män 2281 Sundsvall'])).toBe(true);
    expect(isScbHeader(['municipality_code', 'year', 'population_20_64'])).toBe(false);
  });
});

describe('age cover', () => {
  const categories = (...labels: string[]) => labels.map((label) => ({ label, age: ageOf(label) }));
  it('prefers single ages to bands over the same ages', () => {
    const singles = Array.from({ length: 45 }, (_, i) => `${20 + i} år`);
    const cover = coverAges(categories('20-64 år', ...singles, 'totalt ålder'));
    expect(cover).toEqual({ ok: true, from: 20, to: 64, labels: singles });
  });

  it('finds the one tiling among overlapping bands', () => {
    // 20-24, 25-34, 35-44, 45-54, 55-64; 60-64 overlaps 55-64 and no band ends at 59.
    const cover = coverAges(
      categories(
        '15-24 år',
        '16-64 år',
        '20-24 år',
        '25-34 år',
        '35-44 år',
        '45-54 år',
        '55-64 år',
        '60-64 år',
        '65-74 år',
        'totalt ålder',
      ),
    );
    expect(cover).toEqual({
      ok: true,
      from: 20,
      to: 64,
      labels: ['20-24 år', '25-34 år', '35-44 år', '45-54 år', '55-64 år'],
    });
  });

  it('takes a contiguous part of 20–64 as that part', () => {
    expect(coverAges(categories('45-49 år', '50-54 år', '55-59 år', '60-64 år'))).toMatchObject({
      ok: true,
      from: 45,
      to: 64,
    });
  });

  it('refuses overlaps that no set of bands resolves', () => {
    // From 20 only 20-29, and no band starts at 30.
    expect(coverAges(categories('20-29 år', '25-34 år', '35-64 år'))).toMatchObject({
      ok: false,
      reason: expect.objectContaining({ en: expect.stringContaining('overlap') }),
    });
  });
});

describe('sex and other dimensions', () => {
  it('adds men and women, not their total', () => {
    expect(chooseSex(['totalt', 'män', 'kvinnor'])).toEqual({
      ok: true,
      labels: ['män', 'kvinnor'],
    });
    expect(chooseSex(['1+2 - totalt'])).toEqual({ ok: true, labels: ['1+2 - totalt'] });
    expect(chooseSex(['kvinnor'])).toMatchObject({ ok: false });
  });

  it('takes the total of another dimension, else every value with a warning', () => {
    expect(
      chooseOther('födelseregion', ['in - inrikes född', 'ut - utrikes född', 'tot - totalt']),
    ).toEqual({ ok: true, labels: ['tot - totalt'] });
    expect(chooseOther('civilstånd', ['ogifta', 'gifta'])).toMatchObject({
      ok: true,
      labels: ['ogifta', 'gifta'],
      warning: expect.objectContaining({ en: expect.stringContaining('no total') }),
    });
  });
});
