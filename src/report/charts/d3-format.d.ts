// d3-format ships no types and @types/d3-format is not a dependency: the part used here.
declare module 'd3-format' {
  export interface FormatLocaleDefinition {
    decimal: string;
    thousands: string;
    grouping: number[];
    currency: [string, string];
    numerals?: string[];
    percent?: string;
    minus?: string;
    nan?: string;
  }
  export interface FormatLocaleObject {
    format(specifier: string): (value: number) => string;
  }
  export function formatLocale(definition: FormatLocaleDefinition): FormatLocaleObject;
}
