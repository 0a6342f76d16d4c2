/** ISO 8601 date or date-time, with `T` or a space, optional seconds, fraction and offset. */
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A plain number: Unix epoch seconds or milliseconds. */
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/** Epoch values at or above this are milliseconds (1e11 seconds would be the year 5138). */
const MILLISECONDS_FROM = 1e11;

/** Names of time zones or offsets that make a free-form date absolute. */
const HAS_ZONE = /(?:\b(?:UTC|GMT|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*(?:\(.*\))?$)/i;

/**
 * Reads a date as an ISO 8601 UTC timestamp, or null when it cannot be read. Accepts ISO 8601
 * (a date alone is midnight UTC; a time without an offset is taken as UTC), Unix epoch seconds
 * or milliseconds, and other forms `Date.parse` knows, read as UTC unless they name a zone so
 * that results do not depend on the machine's time zone.
 */
export function parseDate(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return toIso(parseMilliseconds(text));
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
