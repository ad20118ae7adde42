// Number and time locales of the two languages, from the locale files that d3-format and
// d3-time-format ship (the ones Vega formats with). Swedish adds a no-break space before
// "%" so that charts read "22 %" as the report's text does; English keeps "22%".
import svNumber from 'd3-format/locale/sv-SE' with { type: 'json' };
import enNumber from 'd3-format/locale/en-GB' with { type: 'json' };
import svTime from 'd3-time-format/locale/sv-SE' with { type: 'json' };
import enTime from 'd3-time-format/locale/en-GB' with { type: 'json' };
import type { Lang } from './types.ts';

export interface NumberLocaleDefinition {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent?: string;
}

export interface TimeLocaleDefinition {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: [string, string, string, string, string, string, string];
  shortDays: [string, string, string, string, string, string, string];
  months: [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  shortMonths: [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
}

interface NumberLocaleFile {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: string[];
}

function numberLocale(file: NumberLocaleFile, percent?: string): NumberLocaleDefinition {
  const definition: NumberLocaleDefinition = {
    decimal: file.decimal,
    thousands: file.thousands,
    grouping: [...file.grouping],
    currency: [file.currency[0] ?? '', file.currency[1] ?? ''],
  };
  if (percent !== undefined) definition.percent = percent;
  return definition;
}

export const NUMBER_LOCALE: Record<Lang, NumberLocaleDefinition> = {
  sv: numberLocale(svNumber, '\u00a0%'),
  en: numberLocale(enNumber),
};

export const TIME_LOCALE: Record<Lang, TimeLocaleDefinition> = {
  sv: svTime as TimeLocaleDefinition,
  en: enTime as TimeLocaleDefinition,
};
