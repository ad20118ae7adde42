// The messages of the data subject's rights (src/rights and the commands person, forget
// and retention): numbers that cannot be used, a key that does not fit, and erasures or
// removals that were not confirmed.
import { type Problem, problem, type Text, text } from './message.ts';

export const RIGHTS_ERRORS = {
  noPersonNamed: (): Problem =>
    problem(
      text('no person to erase was named', 'ingen person att radera har angetts'),
      text(
        'name one or more personnummer, or --file with one a line',
        'ange ett eller flera personnummer, eller --file med ett per rad',
      ),
    ),
  noPersonIds: (): Problem =>
    problem(
      text(
        'the database holds no person ids yet, so there is nobody to erase',
        'databasen har inga personidentiteter ännu, så det finns ingen att radera',
      ),
      text('check --db', 'kontrollera --db'),
    ),
  notConfirmed: (): Problem =>
    problem(
      text(
        'nothing was erased: the erasure was not confirmed',
        'inget raderades: raderingen bekräftades inte',
      ),
      text('run again and answer y, or pass --yes', 'kör igen och svara j, eller ange --yes'),
    ),
  badCheckDigit: (position: Text): Problem =>
    problem(
      text(
        `${position.en} is shaped like a personnummer but its check digit is wrong`,
        `${position.sv} ser ut som ett personnummer men kontrollsiffran är fel`,
      ),
      text(
        'check the number (10 or 12 digits, the last one the Luhn check digit) and run again',
        'kontrollera numret (10 eller 12 siffror, den sista kontrollsiffran enligt Luhn) och kör igen',
      ),
    ),
  emptyNumber: (position: Text): Problem =>
    problem(
      text(`${position.en} is empty`, `${position.sv} är tomt`),
      text('give a personnummer such as 19900101-1234', 'ange ett personnummer som 19900101-1234'),
    ),
  wrongKey: (stored: string, given: string): Problem =>
    problem(
      text(
        `the pseudonym key is not the one this database was built with (fingerprint ${stored}, given ${given}), so no person can be found`,
        `pseudonymnyckeln är inte den som databasen byggdes med (fingeravtryck ${stored}, angivet ${given}), så ingen person kan hittas`,
      ),
      text(
        'use the original key (LARSAM_PSEUDONYM_KEY or the larsam.key file beside the database)',
        'använd den ursprungliga nyckeln (LARSAM_PSEUDONYM_KEY eller filen larsam.key bredvid databasen)',
      ),
    ),
  badPeriod: (given: string): Problem =>
    problem(
      text(
        `the retention period ${JSON.stringify(given)} is not a number of years or months`,
        `lagringstiden ${JSON.stringify(given)} är inte ett antal år eller månader`,
      ),
      text(
        'write it like 10y (years) or 18m (months)',
        'skriv den som 10y (år) eller 18m (månader)',
      ),
    ),
  walLeft: (): Problem =>
    problem(
      text(
        'the rewritten database still had a write-ahead log after closing; nothing was changed',
        'den omskrivna databasen hade fortfarande en write-ahead-logg efter stängningen; inget har ändrats',
      ),
      text(
        'run the command again; if it recurs, report it with --debug',
        'kör kommandot igen; om det händer igen, rapportera det med utskriften från --debug',
      ),
    ),
  /** A plan printed but not confirmed where no terminal can be asked. */
  noTerminal: (refused: Text): Problem =>
    problem(
      text(
        `${refused.en}; there is no terminal to confirm it, so nothing was changed`,
        `${refused.sv}; det finns ingen terminal att bekräfta det på, så inget har ändrats`,
      ),
      text(
        'check the plan printed above, then run again with --yes',
        'kontrollera planen ovan och kör sedan igen med --yes',
      ),
    ),
};

/** What was not confirmed (the first half of noTerminal). */
export const RIGHTS_REFUSED = {
  erasure: (persons: number): Text =>
    text(
      `the erasure of ${persons} person(s) was not confirmed`,
      `raderingen av ${persons} ${persons === 1 ? 'person' : 'personer'} bekräftades inte`,
    ),
  removal: (loads: number): Text =>
    text(
      `removing ${loads} load(s) was not confirmed`,
      `borttagningen av ${loads} ${loads === 1 ? 'inläsning' : 'inläsningar'} bekräftades inte`,
    ),
};

/** Where a number was given, for the number's errors ("number 2" of the command line). */
export const numberPosition = (index: number): Text => text(`number ${index}`, `nummer ${index}`);

/** The number of `larsam person`, for its errors. */
export const NUMBER_GIVEN = text('the number given', 'det angivna numret');
