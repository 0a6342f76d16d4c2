/**
 * Phone numbers in running text: a linear pattern finds runs of grouped digits, and
 * libphonenumber-js judges them (country calling codes and possible lengths of every region,
 * the consultation's country as the hint for national numbers).
 */

import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';

/**
 * A decimal digit: ASCII, full-width, Arabic-Indic, Persian or Devanagari. Listed rather than
 * `\p{Nd}`: a Unicode property class at every position makes the scan several times slower.
 */
export const DIGIT = '[0-9０-９\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]';
const D = DIGIT;
const DIGITS = new RegExp(DIGIT, 'g');
/** A space inside a number, typographic and full-width ones included. */
const SPACE = String.raw`[ \u00a0\u2009\u202f\u3000]`;
/** Between two groups: one space, or a dash, dot or slash with at most a space either side. */
const SEP = `(?:${SPACE}?[-‐‑–.．/－]${SPACE}?|${SPACE})`;
/** Digits, or digits in parentheses (`(555)`, `(0)`, Lithuania's `(8-612)`). */
const GROUP = `(?:[(（]${D}{1,6}(?:-${D}{1,6})?[)）]|${D}{1,15})`;
/** The next group: after a separator, or right after or before a parenthesis (`(555)123`). */
const NEXT = `(?:${SEP}|(?<=[)）])|(?=[(（]))${GROUP}`;

/**
 * A candidate phone number. The lookbehind keeps it from starting inside a word, id or amount;
 * a placeholder (`]`) counts as the word it replaced, so redacting redacted text finds nothing
 * new. An international number (`+`, `00`) takes every group that follows (libphonenumber-js
 * then finds where it ends); a national one must not stop short of digits that continue it.
 */
export const PHONE_PATTERN = String.raw`(?<![\p{L}\p{N}$€£¥#@/_\]\\.,:+＋-])(?:(?:[+＋]${SPACE}?|00)${GROUP}(?:${NEXT}){0,9}(?!\p{N})|${GROUP}(?:${NEXT}){0,7}(?![\p{L}\p{N}%‰€$£¥[]|[ .,:\-/．][\p{N}[]))`;

/** What a candidate is judged against. */
export interface PhoneContext {
  /** ISO 3166 alpha-2 code of the consultation's country: short national numbers are read in it. */
  country?: string | undefined;
  /** The text just before the candidate (about 40 characters), for words that make it an id. */
  before?: string | undefined;
}

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
/** A date of real days and months: `2018-02-13`, `13.02.2018`, `02/13/18`, `13 02 2024`. */
const DATE = new RegExp(
  `^(?:\\d{4}[-./ ]${MONTH}[-./ ]${DAY}|(?:${DAY}[-./ ]${MONTH}|${MONTH}[-./ ]${DAY})[-./ ](?:\\d\\d|\\d{4}))$`,
);
/** A span of years, or a year and a count (`2018-2019`, `in 2019 1500 people`). */
const YEARS = /^(?:1[89]|20)\d\d(?:[ .\-/](?:1[89]|20)\d\d)+$|^(?:1[89]|20)\d\d \d{1,4}$/;
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)`;
const IP_ADDRESS = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
/** `1.2.3`, `10.0.19041.1234`: dotted numbers with a one-digit part. */
const VERSION = /^(?=.*(?:^|\.)\d(?:\.|$))\d{1,5}(?:\.\d{1,5}){2,}$/;
/** `12 345 678`, `1.234.567`: a number with thousands separators, not a phone. */
const THOUSANDS = /^\d{1,3}(?:( |\.)\d{3})(?:\1\d{3})*$/;
/** A round amount or count (`25000000000`), not a phone. */
const ROUND = /0{5}$/;
/** Words before a number that make it an id, a version or a code rather than a phone number. */
const ID_BEFORE =
  /\b(?:id|ids|ref|reference|ticket|order|invoice|account|acct|case|serial|isbn|issn|version|ver|build|release|batch|lot|sku|ean|upc|iban|code|zip|zipcode|postcode|postal|tracking|transaction|receipt|policy|claim|booking|customer|member|membership|licen[cs]e|passport|permit|file|record|application|item|part|model|product|report|document|doc|page|pages)\.?(?:\s*(?:number|no\.?|nr\.?|num\.?|#))?\s*[:#.]?\s*$/i;

/**
 * Whether a candidate (a match of {@link PHONE_PATTERN}) is a phone number:
 * - international (`+`, `00`): a number of its calling code's region of a possible length;
 * - national: valid in `country` and written as it writes its numbers (grouped or with its
 *   trunk prefix), or else 9-15 digits, grouped (not as thousands), in parentheses, with the
 *   trunk prefix 0, or a bare run of 10-15 that is not round;
 * never a date, a span of years, an IP address, a version, a number with thousands separators,
 * numbers side by side with one of those, or a number after a word such as "id" or "order".
 */
export function isPhoneNumber(candidate: string, context: PhoneContext = {}): boolean {
  // Most candidates in prose are years, counts and amounts: too short to be worth normalising.
  if ((candidate.match(DIGITS)?.length ?? 0) < 7) return false;
  const text = asciiDigits(candidate.normalize('NFKC'));
  const digits = text.replace(/\D/g, '');
  const international = /^(?:\+|00)/.test(text);
  if (international) {
    if (digits.length < 7 || digits.length > 17) return false;
    return parsePhoneNumberFromString(text.replace(/^00/, '+'))?.isPossible() ?? false;
  }
  if (digits.length < 7 || digits.length > 15) return false;
  if (DATE.test(text) || YEARS.test(text)) return false;
  if (ID_BEFORE.test(context.before ?? '')) return false;
  if (isNational(text, context.country)) return true;
  // Numbers side by side (`1.2.3 2018-02-13`) are not one phone number.
  if (
    text.split(' ').some((part) => DATE.test(part) || IP_ADDRESS.test(part) || VERSION.test(part))
  ) {
    return false;
  }
  const grouped = /\D/.test(text);
  if (digits.length <= 8) return false;
  if (text.includes('(') || text.startsWith('0')) return true;
  if (grouped) return !THOUSANDS.test(text);
  // A bare run: an id below 10 digits (unless it starts with the trunk prefix 0, above).
  return digits.length >= 10 && !ROUND.test(digits);
}

/**
 * A number valid in the consultation's country and grouped as that country groups it (`030
 * 12345` in Germany, `32 12 34 56` in Denmark, not `12 34 56 78` in Germany).
 */
function isNational(text: string, country: string | undefined): boolean {
  if (country === undefined || !isSupportedCountry(country)) return false;
  const number = parsePhoneNumberFromString(text, country as CountryCode);
  if (number?.isValid() !== true) return false;
  return groupLengths(number.formatNational()) === groupLengths(text);
}

/** The lengths of the runs of digits in a text: `030 12345` gives `3,5`. */
function groupLengths(text: string): string {
  return (text.match(/\d+/g) ?? []).map((group) => group.length).join(',');
}

/**
 * The length of the phone number at the start of `candidate`: all of it, or for an
 * international number the longest run of whole groups that is one (`+33 6 12 34 56 78 2019`
 * ends before the year); 0 when there is none.
 */
export function phoneNumberLength(candidate: string, context: PhoneContext = {}): number {
  if (isPhoneNumber(candidate, context)) return candidate.length;
  if (!/^(?:[+＋]|00)/.test(candidate)) return 0;
  const ends = [...candidate.matchAll(new RegExp(`${D}(?=${SEP}|[(（])`, 'gu'))].map(
    (m) => m.index + 1,
  );
  for (let i = ends.length - 1; i >= 0; i--) {
    const prefix = candidate.slice(0, ends[i]);
    if (isPhoneNumber(prefix, context)) return prefix.length;
  }
  return 0;
}

/** Decimal digits of every script as ASCII digits (NFKC leaves Arabic-Indic and others). */
function asciiDigits(text: string): string {
  return text.replace(/[^\0-\x7f]/gu, (c) => {
    if (!/\p{Nd}/u.test(c)) return c;
    // Unicode lays out each script's digits as a run of ten starting at zero.
    let zero = c.codePointAt(0) as number;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String(((((c.codePointAt(0) as number) - zero) % 10) + 10) % 10);
  });
}
