/** Reads dates: ISO 8601, Unix epoch, numeric day/month dates in a given order, and what `Date.parse` knows. */
import type { DateFormat } from '../../schemas/consultation.js';

/** The order of day and month in a numeric date. */
export type DayMonthOrder = Exclude<DateFormat, 'auto'>;

/** ISO 8601 date or date-time, with `T` or a space, optional seconds, fraction and offset. */
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A plain number: Unix epoch seconds or milliseconds. */
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/** Epoch values at or above this are milliseconds (1e11 seconds would be the year 5138). */
const MILLISECONDS_FROM = 1e11;

/** Names of time zones or offsets that make a free-form date absolute. */
const HAS_ZONE = /(?:\b(?:UTC|GMT|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*(?:\(.*\))?$)/i;

/** Day, month and year in numbers (`03/02/2024`, `3.2.24`, `03-02-2024`), then perhaps a time. */
const NUMERIC_DATE = /^((\d{1,2})([/.-])(\d{1,2})\3(\d{4}|\d{2}))(?:\s+(\S.*))?$/s;

/** A numeric date as written: which of `first` and `second` is the day depends on the order. */
export interface NumericDate {
  /** The date as written, without the time: `03/02/2024`. */
  written: string;
  first: number;
  second: number;
  year: number;
  /** What follows the date (a time, perhaps a zone), or ''. */
  time: string;
}

/**
 * Reads a date as an ISO 8601 UTC timestamp, or null when it cannot be read. Accepts ISO 8601
 * (a date alone is midnight UTC; a time without an offset is taken as UTC), Unix epoch seconds
 * or milliseconds, numeric dates such as `03/02/2024` with day and month in `order`, and other
 * forms `Date.parse` knows, read as UTC unless they name a zone so that results do not depend
 * on the machine's time zone.
 */
export function parseDate(value: string, order: DayMonthOrder): string | null {
  const text = value.trim();
  if (!text) return null;
  const numeric = readNumericDate(text);
  return toIso(numeric ? numericMilliseconds(numeric, order) : parseMilliseconds(text));
}

/** The parts of a numeric date such as `03/02/2024 14:05`, or null for any other form. */
export function readNumericDate(value: string): NumericDate | null {
  const match = NUMERIC_DATE.exec(value.trim());
  if (match === null) return null;
  const [, written = '', first = '', , second = '', year = '', time = ''] = match;
  // Two-digit years as `Date.parse` reads them: 00-49 are 2000-2049, 50-99 are 1950-1999.
  const fullYear =
    year.length === 4 ? Number(year) : (Number(year) < 50 ? 2000 : 1900) + Number(year);
  return { written, first: Number(first), second: Number(second), year: fullYear, time };
}

/** The day and month of a numeric date in `order`. */
export function dayAndMonth(
  date: NumericDate,
  order: DayMonthOrder,
): { day: number; month: number } {
  return order === 'day/month'
    ? { day: date.first, month: date.second }
    : { day: date.second, month: date.first };
}

function numericMilliseconds(date: NumericDate, order: DayMonthOrder): number {
  const { day, month } = dayAndMonth(date, order);
  const midnight = Date.UTC(date.year, month - 1, day);
  // Date.UTC rolls 31/02 over to March; a real day survives the round trip.
  const check = new Date(midnight);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  if (!date.time) return midnight;
  // The date in an unambiguous order; the time (12- or 24-hour, perhaps a zone) as before.
  const ymd = `${date.year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
  return parseMilliseconds(`${ymd} ${date.time}`);
}

function parseMilliseconds(text: string): number {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, day = '', time, zone] = iso;
    const midnight = Date.parse(`${day}T00:00:00Z`);
    // Date.parse rolls 2018-02-30 over to March; a real day survives the round trip.
    if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day)
      return Number.NaN;
    if (time === undefined) return midnight;
    const offset = zone === undefined ? 'Z' : normaliseOffset(zone);
    return Date.parse(`${day}T${time.replace(',', '.')}${offset}`);
  }
  if (EPOCH.test(text)) {
    const number = Number(text);
    return Math.abs(number) >= MILLISECONDS_FROM ? number : number * 1000;
  }
  return HAS_ZONE.test(text) ? Date.parse(text) : Date.parse(`${text} UTC`);
}

/** `+0700` and `+07` as `+07:00`, which every engine parses. */
function normaliseOffset(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

function toIso(milliseconds: number): string | null {
  if (!Number.isFinite(milliseconds) || Math.abs(milliseconds) > 8.64e15) return null;
  return new Date(milliseconds).toISOString();
}
