// The ingest side of the message catalogue (src/messages/ingest.ts, rejects.ts, scb.ts): every reject reason
// and every error in both languages with the same values, each with its fix, and the SQL
// that builds a reason per row giving exactly the catalogue's text.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CHECKSUM_REASON } from '../../src/ingest/personnummer.ts';
import { ingestMessages, ingestWarnings, skipReasons } from '../../src/messages/ingest.ts';
import {
  messageSql,
  type RejectReason,
  rejectPlaces,
  rejectReasons,
  rejectSql,
} from '../../src/messages/rejects.ts';
import { scbMessages } from '../../src/messages/scb.ts';
import type { Problem, Text } from '../../src/messages/message.ts';

/** Each reject reason called with placeholders ({name}) where its values go. */
const REJECTS: { [K in keyof typeof rejectReasons]: () => RejectReason } = {
  missingValue: () => rejectReasons.missingValue('{column}'),
  outOfRange: () => rejectReasons.outOfRange('{column}', '{value}', { min: 0.5, max: 90 }),
  notOneOf: () => rejectReasons.notOneOf('{cell}', ['{a}', '{b}']),
  pnrInWrongColumn: () => rejectReasons.pnrInWrongColumn(),
  notWholeNumber: () => rejectReasons.notWholeNumber('{cell}'),
  notANumber: () => rejectReasons.notANumber('{cell}'),
  notAShareOrNumber: () => rejectReasons.notAShareOrNumber('{cell}'),
  ambiguousDate: () => rejectReasons.ambiguousDate('{cell}', '{dayFirst}', '{monthFirst}'),
  dayMonthDate: () => rejectReasons.dayMonthDate('{cell}', '{iso}'),
  yearFirstDate: () => rejectReasons.yearFirstDate('{cell}', '{iso}'),
  notADate: () => rejectReasons.notADate('{cell}'),
  notYesNo: () => rejectReasons.notYesNo('{cell}'),
  notATerm: () => rejectReasons.notATerm('{cell}'),
  notAMunicipality: () => rejectReasons.notAMunicipality('{cell}'),
  shareAbove100: () => rejectReasons.shareAbove100('{cell}', '{indicator}'),
  shareOutside01: () => rejectReasons.shareOutside01('{value}', '{indicator}'),
  percentForNonShare: () => rejectReasons.percentForNonShare('{cell}', '{indicator}'),
  invalidScope: () => rejectReasons.invalidScope('{cell}'),
  ageSpanBackwards: () => rejectReasons.ageSpanBackwards('{ageTo}', '{ageFrom}'),
  invalidChecksum: () => rejectReasons.invalidChecksum(),
  duplicateKey: () => rejectReasons.duplicateKey(['{key1}', '{key2}'], '{line}'),
  fewerFields: () => rejectReasons.fewerFields('{detail}'),
  moreFields: () => rejectReasons.moreFields('{detail}'),
  unquotedValue: () => rejectReasons.unquotedValue(),
  invalidEncoding: () => rejectReasons.invalidEncoding(),
  lineTooLong: () => rejectReasons.lineTooLong(),
  unreadableLine: () => rejectReasons.unreadableLine('{errorType}'),
};

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

function sameValuesInBoth(message: Text, name: string): void {
  expect(message.en.trim(), name).not.toBe('');
  expect(message.sv.trim(), name).not.toBe('');
  expect(placeholders(message.sv), name).toEqual(placeholders(message.en));
}

describe('reject reasons', () => {
  for (const [name, make] of Object.entries(REJECTS)) {
    it(`${name}: both languages with the same values, and a fix`, () => {
      const entry = make();
      sameValuesInBoth(entry.text, name);
      sameValuesInBoth(entry.fix, name);
      sameValuesInBoth(entry.reason, name);
      expect(entry.text.sv).not.toBe(entry.text.en);
      expect(entry.fix.sv).not.toBe(entry.fix.en);
      // The stored sentence is the text, with the fix in it unless it stands apart.
      for (const lang of ['en', 'sv'] as const) {
        expect(entry.reason[lang].startsWith(entry.text[lang])).toBe(true);
        if (entry.reason[lang] !== entry.text[lang])
          expect(
            entry.reason[lang].endsWith(entry.fix[lang]) ||
              entry.reason[lang].endsWith(`${entry.fix[lang]})`),
          ).toBe(true);
      }
    });
  }

  it('keeps the English the rejects table has always held', () => {
    expect(rejectReasons.notADate("'8.10.24'").reason.en).toBe(
      "'8.10.24' is not a date (write YYYY-MM-DD, e.g. 2025-03-14)",
    );
    expect(rejectReasons.ambiguousDate("'8/10/2024'", '2024-10-08', '2024-08-10').reason.en).toBe(
      "'8/10/2024' is not written YYYY-MM-DD: write 2024-10-08 or 2024-08-10 as the date means; day and month are ambiguous",
    );
    expect(
      rejectReasons.outOfRange('credits', '95.0000', { min: 0, minExclusive: true, max: 90 }).reason
        .en,
    ).toBe('credits 95.0000 is out of range (must be > 0 and ≤ 90)');
    expect(rejectReasons.duplicateKey(['activity_id', 'goal_id'], '3').reason.en).toBe(
      'the same activity_id and goal_id as line 3: each must be unique, remove or correct one of the rows',
    );
    // The data contract's own words, and the fix beside them.
    expect(rejectReasons.invalidChecksum().reason.en).toBe(INVALID_CHECKSUM_REASON);
    expect(rejectReasons.invalidChecksum().fix.en).toMatch(/typo.*reserve or temporary number/);
  });

  it('writes Swedish numbers with a decimal comma', () => {
    const range = rejectReasons.outOfRange('hours', '-1', { min: 0.5, max: 90 });
    expect(range.reason.sv).toBe(
      'hours -1 ligger utanför tillåtna värden (måste vara ≥ 0,5 och ≤ 90)',
    );
    expect(rejectReasons.notANumber("'x'").fix.sv).toBe('skriv 7,5 eller 7.5');
  });

  it('has both languages for the places a structural reject names', () => {
    sameValuesInBoth(rejectPlaces.wholeLine(), 'wholeLine');
    sameValuesInBoth(rejectPlaces.beyondHeader('{n}'), 'beyondHeader');
    sameValuesInBoth(rejectPlaces.field('{n}'), 'field');
  });
});

describe('rejectSql', () => {
  let instance: DuckDBInstance;
  const evaluate = async (sql: string): Promise<unknown> => {
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`SELECT ${sql} AS v`);
      return reader.getRowObjects()[0]!.v;
    } finally {
      connection.closeSync();
    }
  };
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('builds in SQL exactly the text the entry gives for the same values', async () => {
    const sql = rejectSql((value) =>
      rejectReasons.ambiguousDate(
        value(`'''' || '8/10/2024' || ''''`),
        value(`'2024-10-08'`),
        value(`'2024-08-10'`),
      ),
    );
    expect(await evaluate(sql)).toBe(
      rejectReasons.ambiguousDate("'8/10/2024'", '2024-10-08', '2024-08-10').reason.en,
    );
    // Static values and quotes in the text itself are quoted as literals.
    expect(await evaluate(rejectSql(() => rejectReasons.invalidEncoding()))).toBe(
      "the line is not valid text in the file's encoding: save the file as UTF-8",
    );
    expect(
      await evaluate(
        rejectSql((value) => rejectReasons.ageSpanBackwards(value('20'), value('64'))),
      ),
    ).toBe(
      'age_to 20 is below age_from 64: write the youngest age first (20 and 64 for all of 20–64)',
    );
    // A value that is the whole text is still text.
    expect(
      await evaluate(
        messageSql(
          (value) => rejectPlaces.field(value('3')),
          (t) => t.en,
        ),
      ),
    ).toBe('field 3');
    expect(
      await evaluate(
        messageSql(
          (value) => ({ en: value('3') }),
          (t) => t.en,
        ),
      ),
    ).toBe('3');
  });

  it('gives NULL when a value is NULL, as || does', async () => {
    expect(await evaluate(rejectSql((value) => rejectReasons.notATerm(value('NULL'))))).toBeNull();
  });

  it('refuses a NUL byte in the text (quoteLiteral)', () => {
    expect(() => rejectSql(() => rejectReasons.notATerm('\0'))).toThrow(/NUL/);
  });
});

describe('ingest errors', () => {
  const what = { en: 'x', sv: 'x' };
  const PROBLEMS: Record<string, Problem> = {
    noSuchPath: ingestMessages.noSuchPath(),
    unknownKindOption: ingestMessages.unknownKindOption('{given}', ['{kind}']),
    kindNotTold: ingestMessages.kindNotTold(['{kind}']),
    refusedFormat: ingestMessages.refusedFormat(what),
    unknownExtension: ingestMessages.unknownExtension('{ending}'),
    noExtension: ingestMessages.unknownExtension(undefined),
    replacementNotConfirmed: ingestMessages.replacementNotConfirmed(),
    fileUnreadable: ingestMessages.fileUnreadable(ingestMessages.permissionDenied()),
    emptyFile: ingestMessages.emptyFile(),
    unreadableCsv: ingestMessages.unreadableCsv('{cause}'),
    unclosedQuote: ingestMessages.unclosedQuote(3),
    personKeyClash: ingestMessages.personKeyClash(),
    wrongDialect: ingestMessages.wrongDialect(ingestMessages.ladokExport(), '{expected}', '{kind}'),
    missingColumnInHeader: ingestMessages.missingColumnInHeader(
      '{kind}',
      ['{column}'],
      2,
      '{found}',
    ),
    missingColumn: ingestMessages.missingColumn('{kind}', ['{column}'], '{found}'),
    ladokColumnsMissing: ingestMessages.ladokColumnsMissing(['{label}']),
    scbCannotGive2064: ingestMessages.scbCannotGive2064(scbMessages.noYear(), '{columns}'),
    unreadableFormat: ingestMessages.unreadableFormat(
      '{what}',
      '{cause}',
      ingestMessages.parquetFix(),
    ),
    noSheets: ingestMessages.noSheets(),
    oldExcel: ingestMessages.oldExcel(),
    notAZip: ingestMessages.notAZip(),
    workbookUnreadable: ingestMessages.workbookUnreadable(
      ingestMessages.theSheet('{name}'),
      '{cause}',
    ),
    sheetMissing: ingestMessages.sheetMissing('{name}'),
    sheetTooLarge: ingestMessages.sheetTooLarge('{name}', 30, 25),
    wrongKey: ingestMessages.wrongKey(ingestMessages.keySource('file'), '{stored}', '{given}'),
    keyFileMissing: ingestMessages.keyFileMissing('{path}', '{env}'),
    keyFileInvalid: ingestMessages.keyFileInvalid('{path}', 16, '{env}'),
    keyFileNotRegular: ingestMessages.keyFileNotRegular('{path}', '{env}'),
  };
  for (const [name, found] of Object.entries(PROBLEMS)) {
    it(`${name}: both languages with the same values, and a fix`, () => {
      sameValuesInBoth(found.text, name);
      sameValuesInBoth(found.fix, name);
      expect(found.text.sv).not.toBe(found.text.en);
      expect(found.fix.sv).not.toBe(found.fix.en);
    });
  }

  // Texts without a fix: the same values in both languages.
  const TEXTS: Record<string, Text | Problem> = {
    twoColumnsForDimension: scbMessages.twoColumnsForDimension('{d}', '{a}', '{b}'),
    noNumbers: scbMessages.noNumbers(),
    noMunicipality: scbMessages.noMunicipality(['{region}']),
    selectMunicipalities: scbMessages.selectMunicipalities(),
    noAgeDimension: scbMessages.noAgeDimension(),
    unreadableAges: scbMessages.unreadableAges(['{age}']),
    onlyTotalAge: scbMessages.onlyTotalAge(),
    classesAcross: scbMessages.classesAcross('{classes}'),
    noAgesInside: scbMessages.noAgesInside('{classes}'),
    agesMissing: scbMessages.agesMissing('{ages}', '{span}'),
    classesOverlap: scbMessages.classesOverlap('{classes}', '{span}'),
    unreadableSex: scbMessages.unreadableSex(['{sex}']),
    sexTwice: scbMessages.sexTwice(['{a}', '{b}']),
    oneSex: scbMessages.oneSex(['{sex}']),
    severalTotals: scbMessages.severalTotals('{d}', ['{a}', '{b}']),
    severalContents: scbMessages.severalContents(['{a}', '{b}']),
    addedWithoutTotal: scbMessages.addedWithoutTotal('{d}', ['{a}', '{b}']),
    onlyPopulationRead: scbMessages.onlyPopulationRead(2, '{read}'),
    ignoredColumns: ingestWarnings.ignoredColumns(2, '{names}'),
    namedTwice: ingestWarnings.namedTwice(1, '{names}'),
    otherSheets: ingestWarnings.otherSheets(
      '{sheet}',
      ingestWarnings.firstSheet(),
      ['{other}'],
      '{kind}',
    ),
    leadingZeroRestored: ingestWarnings.leadingZeroRestored(2),
    lineBreaksInCells: ingestWarnings.lineBreaksInCells(1),
    partialAges: ingestWarnings.partialAges(['{span}']),
    regionsLeftOut: ingestWarnings.regionsLeftOut(3),
    cellsNotAdded: ingestWarnings.cellsNotAdded(4),
    missingCells: ingestWarnings.missingCells(5),
    excelLockFile: skipReasons.excelLockFile(),
    folder: skipReasons.folder(),
    notRegularFile: skipReasons.notRegularFile(),
    refusedFormat: skipReasons.refusedFormat(what),
    notDataFile: skipReasons.notDataFile('{ending}'),
    kindNotTold: skipReasons.kindNotTold(),
  };
  for (const [name, message] of Object.entries(TEXTS)) {
    it(`${name}: both languages with the same values`, () => {
      const texts = 'fix' in message ? [message.text, message.fix] : [message as Text];
      for (const t of texts) {
        sameValuesInBoth(t, name);
        expect(t.sv).not.toBe(t.en);
      }
    });
  }

  it('tells the user what to do when two persons meet in one key', () => {
    const clash = ingestMessages.personKeyClash();
    expect(clash.text.en).toMatch(/nothing of the file was loaded/);
    expect(clash.fix.en).toMatch(/^load the file again/);
  });
});
