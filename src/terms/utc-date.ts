// Calendar dates for date-fns without a time zone.
//
// date-fns works through a Date's *local* getters and setters, so with a plain Date the
// result can depend on the machine's time zone (a skipped midnight, a skipped day such as
// 1994-12-31 in Pacific/Kiritimati). UTCDate maps every local accessor onto its UTC twin,
// so a date-fns computation on it is pure calendar arithmetic. date-fns keeps the type
// through `Symbol.for('constructDateFrom')` (the same hook @date-fns/utc uses).
//
// At the boundary dates are ISO 'YYYY-MM-DD' strings: `utcDateFromIso` / `isoFromUtcDate`.

const constructDateFrom = Symbol.for('constructDateFrom');

type DateInput = number | string | Date;

export class UTCDate extends Date {
  constructor(value: DateInput) {
    super(value instanceof Date ? value.getTime() : value);
  }

  /** Midnight UTC of the given calendar day (month is 1-12; any year, also < 100). */
  static of(year: number, month: number, day: number): UTCDate {
    const d = new UTCDate(0);
    d.setUTCFullYear(year, month - 1, day);
    return d;
  }

  [constructDateFrom](value: DateInput): UTCDate {
    return new UTCDate(value);
  }

  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }

  // Setters forward exactly the arguments given: setUTCxxx(a, undefined) would be NaN.
  override setFullYear(...args: [number, number?, number?]): number {
    return Date.prototype.setUTCFullYear.apply(this, args as [number]);
  }
  override setMonth(...args: [number, number?]): number {
    return Date.prototype.setUTCMonth.apply(this, args as [number]);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(...args: [number, number?, number?, number?]): number {
    return Date.prototype.setUTCHours.apply(this, args as [number]);
  }
  override setMinutes(...args: [number, number?, number?]): number {
    return Date.prototype.setUTCMinutes.apply(this, args as [number]);
  }
  override setSeconds(...args: [number, number?]): number {
    return Date.prototype.setUTCSeconds.apply(this, args as [number]);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

const isoDatePattern = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Parses a strict ISO calendar date 'YYYY-MM-DD'; throws RangeError for anything else. */
export function utcDateFromIso(iso: string): UTCDate {
  const m = isoDatePattern.exec(iso);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = UTCDate.of(year, month, day);
    // Date rolls 2025-02-30 over to March: a round trip catches impossible days.
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return d;
    }
  }
  throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

/** Formats the calendar day of a UTCDate as 'YYYY-MM-DD' (years 0-9999). */
export function isoFromUtcDate(d: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
