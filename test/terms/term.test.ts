import { afterEach, describe, expect, it } from 'vitest';
import {
  addTerms,
  compareTerms,
  formatTerm,
  parseTerm,
  termEnd,
  termFromKey,
  termKey,
  termOf,
  termStart,
  termsBetween,
  type Term,
} from '../../src/terms/term.ts';

const T = (text: string): Term => {
  const t = parseTerm(text);
  if (!t) throw new Error(`test setup: ${text} does not parse`);
  return t;
};
const of = (isoDate: string) => formatTerm(termOf(isoDate));

describe('known answers (data contract)', () => {
  it('VT2025 starts 2025-01-13', () => {
    expect(termStart(T('VT2025'))).toBe('2025-01-13');
  });
  it('HT2025 runs 2025-08-25 to 2026-01-11, and 2026-01-11 is in HT2025', () => {
    expect(termStart(T('HT2025'))).toBe('2025-08-25');
    expect(termEnd(T('HT2025'))).toBe('2026-01-11');
    expect(of('2026-01-11')).toBe('HT2025');
  });
  it('VT2026 starts 2026-01-12; 2026-06-30 is still in VT2026', () => {
    expect(termStart(T('VT2026'))).toBe('2026-01-12');
    expect(of('2026-01-12')).toBe('VT2026');
    expect(of('2026-06-30')).toBe('VT2026');
  });
  it('HT2026 starts 2026-08-24', () => {
    expect(termStart(T('HT2026'))).toBe('2026-08-24');
  });
  it('VT ends on the Sunday of ISO week 22', () => {
    expect(termEnd(T('VT2025'))).toBe('2025-06-01');
    expect(termEnd(T('VT2026'))).toBe('2026-05-31');
  });
});

describe('years with 53 ISO weeks', () => {
  it('2026: HT2026 ends on the Sunday of ISO week 1 of 2027; the week after still belongs to HT2026', () => {
    expect(termEnd(T('HT2026'))).toBe('2027-01-10'); // ISO week 1 of 2027 is 2027-01-04..10
    expect(termStart(T('VT2027'))).toBe('2027-01-18'); // ISO week 3 of 2027
    expect(of('2027-01-10')).toBe('HT2026');
    expect(of('2027-01-11')).toBe('HT2026');
    expect(of('2027-01-17')).toBe('HT2026');
    expect(of('2027-01-18')).toBe('VT2027');
  });
  it('2020: HT2020 runs 2020-08-24 to 2021-01-10 (Sunday of ISO week 1 of 2021)', () => {
    expect(termStart(T('VT2020'))).toBe('2020-01-13');
    expect(termStart(T('HT2020'))).toBe('2020-08-24');
    expect(termEnd(T('HT2020'))).toBe('2021-01-10');
    expect(termStart(T('VT2021'))).toBe('2021-01-18');
    expect(of('2021-01-17')).toBe('HT2020');
    expect(of('2021-01-18')).toBe('VT2021');
  });
  it('2015 (53 weeks): HT2015 ends 2016-01-10', () => {
    expect(termStart(T('HT2015'))).toBe('2015-08-24');
    expect(termEnd(T('HT2015'))).toBe('2016-01-10');
  });
});

describe('termOf at every boundary', () => {
  const cases: [string, string][] = [
    // VT2025: start 2025-01-13, end 2025-06-01
    ['2025-01-12', 'HT2024'], // day before start
    ['2025-01-13', 'VT2025'], // start day
    ['2025-06-01', 'VT2025'], // term end
    ['2025-06-02', 'VT2025'], // day after end: summer stays in VT
    ['2025-08-24', 'VT2025'], // day before HT start
    // HT2025: start 2025-08-25, end 2026-01-11
    ['2025-08-25', 'HT2025'], // start day
    ['2025-12-31', 'HT2025'],
    ['2026-01-01', 'HT2025'], // new year before VT start
    ['2026-01-11', 'HT2025'], // term end
    ['2026-01-12', 'VT2026'], // day after end = VT2026 start
    // 53-week year: HT2026 ends 2027-01-10, VT2027 starts 2027-01-18
    ['2026-08-23', 'VT2026'],
    ['2026-08-24', 'HT2026'],
    ['2027-01-10', 'HT2026'],
    ['2027-01-11', 'HT2026'],
    ['2027-01-17', 'HT2026'],
    ['2027-01-18', 'VT2027'],
    // leap day
    ['2024-02-29', 'VT2024'],
  ];
  it.each(cases)('%s is in %s', (date, term) => {
    expect(of(date)).toBe(term);
  });

  it('every date of 1995-2045 lies in [termStart, next termStart) of its term', () => {
    for (let k = termKey(T('VT1995')); k <= termKey(T('HT2045')); k++) {
      const t = termFromKey(k);
      const start = termStart(t);
      const nextStart = termStart(addTerms(t, 1));
      expect(termOf(start)).toEqual(t);
      expect(termOf(termEnd(t))).toEqual(t);
      expect(termEnd(t) < nextStart).toBe(true);
      const dayBefore = new Date(`${nextStart}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      expect(termOf(dayBefore.toISOString().slice(0, 10))).toEqual(t);
    }
  });

  it('rejects anything that is not a YYYY-MM-DD calendar date', () => {
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '2025-1-5',
      '20250105',
      '2025-03-14 00:00:00',
      '',
      'x',
    ]) {
      expect(() => termOf(bad), bad).toThrow(RangeError);
    }
  });
});

describe('parseTerm / formatTerm', () => {
  const accepted: [string, string][] = [
    ['HT2025', 'HT2025'],
    ['VT2026', 'VT2026'],
    ['ht2025', 'HT2025'],
    ['vt2026', 'VT2026'],
    ['Ht2025', 'HT2025'],
    ['vT2026', 'VT2026'],
    ['HT 2025', 'HT2025'],
    ['vt 2026', 'VT2026'],
    ['HT-2025', 'HT2025'],
    ['Vt-2026', 'VT2026'],
    ['H25', 'HT2025'],
    ['V26', 'VT2026'],
    ['h25', 'HT2025'],
    ['v26', 'VT2026'],
    ['H00', 'HT2000'],
    ['V99', 'VT2099'],
    ['VT1999', 'VT1999'],
    // 2-letter codes with a 2-digit year (20YY), with or without a space or hyphen
    ['ht24', 'HT2024'],
    ['HT24', 'HT2024'],
    ['HT 24', 'HT2024'],
    ['HT-24', 'HT2024'],
    ['VT-25', 'VT2025'],
    ['vt 25', 'VT2025'],
    ['Vt00', 'VT2000'],
    // Swedish words, one space, a 4-digit year, any case
    ['Höst 2024', 'HT2024'],
    ['höst 2024', 'HT2024'],
    ['HÖST 2024', 'HT2024'],
    ['hösten 2024', 'HT2024'],
    ['Hösten 2024', 'HT2024'],
    ['HÖSTEN 2024', 'HT2024'],
    ['Hösttermin 2024', 'HT2024'],
    ['höstterminen 2024', 'HT2024'],
    ['Vår 2025', 'VT2025'],
    ['vår 2025', 'VT2025'],
    ['VÅR 2025', 'VT2025'],
    ['våren 2025', 'VT2025'],
    ['Våren 2025', 'VT2025'],
    ['Vårtermin 2025', 'VT2025'],
    ['vårterminen 2025', 'VT2025'],
    ['VÅRTERMINEN 2025', 'VT2025'],
    ['hÖsT 1999', 'HT1999'],
    // ö and å written decomposed (o/a + combining diaeresis/ring, as macOS and some PDFs
    // give them) are the same text: read like the precomposed letters.
    ['ho\u0308st 2024', 'HT2024'],
    ['HO\u0308STEN 2024', 'HT2024'],
    ['va\u030Aren 2025', 'VT2025'],
    ['VA\u030AR 2025', 'VT2025'],
  ];
  it.each(accepted)('reads %j as %s', (text, canonical) => {
    const t = parseTerm(text);
    expect(t).not.toBeNull();
    expect(formatTerm(t!)).toBe(canonical);
  });

  it('gives the term object', () => {
    expect(parseTerm('HT 2025')).toEqual({ season: 'HT', year: 2025 });
    expect(parseTerm('v26')).toEqual({ season: 'VT', year: 2026 });
    expect(parseTerm('HT-24')).toEqual({ season: 'HT', year: 2024 });
    expect(parseTerm('Vårterminen 2025')).toEqual({ season: 'VT', year: 2025 });
  });

  const rejected = [
    'HT25x',
    'XT2025',
    'HT 20255',
    '',
    '2025HT',
    'H2025', // 1-letter season needs a 2-digit year
    'H 25',
    'H-25',
    'HT_2025',
    'HT  2025',
    'HT--2025',
    'HT 202',
    'HT',
    'H',
    'VT2025 ',
    ' VT2025',
    'VT2025\n',
    'HT\t2025',
    'HT/2025',
    'H5',
    'H255',
    'VH2025',
    'T2025',
    'HT２０２５', // full-width digits
    'HT٢٠٢٥', // Arabic-Indic digits
    'HT 2025-26',
    'HT2025/26',
    // near misses of the 2-digit and word forms
    'HT2',
    'VT-2',
    'HT 20245',
    'HT-245',
    'HT 2 4',
    'Höst',
    'hösten',
    'hösten24', // a word needs one space before the year
    'Höst2024',
    'Höst 24', // a word needs a 4-digit year
    'hösten -24',
    'Höst  2024',
    'Höst-2024',
    'Höst\u00a02024', // no-break space
    'Höst 2024 ',
    'Hösterminen 2024', // misspelt (one t)
    'höstter 2024',
    'Höstt 2024',
    'hösttermine 2024',
    'Höstens 2024',
    'Var 2025', // without the ring
    'Host 2024', // without the diaeresis
    'Hoest 2024',
    'Vår 2025/26',
    'Sommar 2025',
    'Autumn 2024',
    'Hö\u017Ft 2024', // long s (ſ): RE2 folds it to s with a case-insensitive flag; not read here
    'V\u212Br 2025', // Ångström sign, canonically Å, but not a letter anyone types
    'ho\u0301st 2024', // o + acute accent is not ö
    'Höst ２０２４', // full-width digits
  ];
  it.each(rejected)('rejects %j', (text) => {
    expect(parseTerm(text)).toBeNull();
  });

  it('formats with a 4-digit year and rejects non-terms', () => {
    expect(formatTerm({ season: 'VT', year: 999 })).toBe('VT0999');
    expect(() => formatTerm({ season: 'XT' as 'HT', year: 2025 })).toThrow(RangeError);
    expect(() => formatTerm({ season: 'HT', year: 2025.5 })).toThrow(RangeError);
    expect(() => formatTerm({ season: 'HT', year: 10000 })).toThrow(RangeError);
  });
});

describe('order and keys', () => {
  it('termKey is year * 2 + (HT ? 1 : 0)', () => {
    expect(termKey(T('VT2025'))).toBe(4050);
    expect(termKey(T('HT2025'))).toBe(4051);
    expect(termFromKey(4051)).toEqual({ season: 'HT', year: 2025 });
    expect(termFromKey(4052)).toEqual({ season: 'VT', year: 2026 });
  });
  it('round-trips every key 0..19999 through termFromKey', () => {
    for (let k = 0; k <= 19999; k++) expect(termKey(termFromKey(k))).toBe(k);
    expect(() => termFromKey(-1)).toThrow(RangeError);
    expect(() => termFromKey(20000)).toThrow(RangeError);
    expect(() => termFromKey(4050.5)).toThrow(RangeError);
  });
  it('VT Y < HT Y < VT Y+1', () => {
    expect(compareTerms(T('VT2025'), T('HT2025'))).toBeLessThan(0);
    expect(compareTerms(T('HT2025'), T('VT2026'))).toBeLessThan(0);
    expect(compareTerms(T('HT2024'), T('VT2025'))).toBeLessThan(0);
    expect(compareTerms(T('HT2025'), T('ht 2025'))).toBe(0);
    expect(compareTerms(T('VT2026'), T('HT2025'))).toBeGreaterThan(0);
    const sorted = ['VT2026', 'HT2024', 'HT2025', 'VT2025', 'VT2024']
      .map(T)
      .sort(compareTerms)
      .map(formatTerm);
    expect(sorted).toEqual(['VT2024', 'HT2024', 'VT2025', 'HT2025', 'VT2026']);
  });
  it('term order is start-date order', () => {
    const terms = termsBetween(T('VT1995'), T('HT2045'));
    const starts = terms.map(termStart);
    expect([...starts].sort()).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
  });
});

describe('addTerms and termsBetween', () => {
  it('steps across years both ways', () => {
    expect(formatTerm(addTerms(T('HT2025'), 1))).toBe('VT2026');
    expect(formatTerm(addTerms(T('VT2026'), -1))).toBe('HT2025');
    expect(formatTerm(addTerms(T('VT2025'), 1))).toBe('HT2025');
    expect(formatTerm(addTerms(T('HT2025'), 0))).toBe('HT2025');
    expect(formatTerm(addTerms(T('HT2025'), 5))).toBe('VT2028');
    expect(formatTerm(addTerms(T('HT2025'), -5))).toBe('VT2023');
    expect(formatTerm(addTerms(T('VT2025'), -21))).toBe('HT2014');
    expect(formatTerm(addTerms(T('VT2025'), 20))).toBe('VT2035');
  });
  it('rejects fractional steps and steps out of the 4-digit years', () => {
    expect(() => addTerms(T('HT2025'), 0.5)).toThrow(RangeError);
    expect(() => addTerms({ season: 'VT', year: 0 }, -1)).toThrow(RangeError);
  });
  it('termsBetween is inclusive and ordered', () => {
    expect(termsBetween(T('HT2024'), T('VT2026')).map(formatTerm)).toEqual([
      'HT2024',
      'VT2025',
      'HT2025',
      'VT2026',
    ]);
    expect(termsBetween(T('HT2025'), T('HT2025')).map(formatTerm)).toEqual(['HT2025']);
    expect(termsBetween(T('VT2026'), T('HT2025'))).toEqual([]);
    expect(termsBetween(T('VT1995'), T('HT2045'))).toHaveLength(102);
  });
});

describe('time-zone independence', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // Pacific/Kiritimati skipped 1994-12-31 and is UTC+14; Los Angeles is behind UTC with DST.
  const zones = [
    'UTC',
    'Pacific/Kiritimati',
    'America/Los_Angeles',
    'Pacific/Apia',
    'America/Sao_Paulo',
    'Asia/Tehran',
  ];

  function everything(): string[] {
    const out: string[] = [];
    for (const t of termsBetween(T('HT1994'), T('HT2045')))
      out.push(`${formatTerm(t)} ${termStart(t)} ${termEnd(t)}`);
    const d = new Date(Date.UTC(1994, 11, 1));
    while (d.getUTCFullYear() < 2046) {
      const iso = d.toISOString().slice(0, 10);
      out.push(`${iso} ${formatTerm(termOf(iso))}`);
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return out;
  }

  it('gives the same starts, ends and termOf for every day 1994-12-01..2045-12-31 in every zone', () => {
    process.env.TZ = 'UTC';
    const reference = everything();
    const offsets = new Set<number>();
    for (const zone of zones) {
      process.env.TZ = zone;
      offsets.add(new Date(2025, 0, 1).getTimezoneOffset());
      expect(everything(), zone).toEqual(reference);
    }
    // Proves the zone switch took effect (else this test would prove nothing).
    expect(offsets.size).toBeGreaterThan(3);
  });
});
