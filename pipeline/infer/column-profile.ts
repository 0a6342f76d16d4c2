// What a sample of a column's values looks like: blanks, distinct values, length, and patterns.
import { parseDate } from '../ingest/dates.js';

/** Most distinct values kept in a profile; beyond it the column is surely not closed. */
const MAX_KEPT_VALUES = 64;

/** Numbers, as exports write them: `12`, `-3.5`, `4,2`, `1 200`. */
const NUMBER = /^-?\d[\d ]*(?:[.,]\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;
const UUID = /^(?:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL = /^(?:https?:\/\/|www\.)\S+$/i;
/** Unix epoch seconds (10 digits) or milliseconds (13 digits). */
const EPOCH = /^\d{10}(?:\d{3})?$/;
const TIME_OF_DAY = /\b\d{1,2}:\d{2}\b/;
/** A date written out: ISO, year/month/day (Google Forms), numeric day/month/year, or with a month's name and a year. */
const DATE_LIKE =
  /\d{4}-\d{2}-\d{2}|\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b.*\b\d{4}\b/i;

/** A column's values in the sample, summarised. Shares are of the filled (non-blank) values. */
export interface ColumnProfile {
  /** Values read (rows in the sample). */
  count: number;
  /** Non-blank values. */
  filled: number;
  /** Share of rows left blank. */
  blankShare: number;
  /** Distinct non-blank values (counted up to the sample's end). */
  distinct: number;
  /** The distinct values in order of first appearance, up to 64, with their counts. */
  values: Map<string, number>;
  meanLength: number;
  meanWords: number;
  numericShare: number;
  dateShare: number;
  emailShare: number;
  ipShare: number;
  uuidShare: number;
  urlShare: number;
  /** Share of values ending with a question mark. */
  questionShare: number;
}

/** Profiles a column from its sampled values (blank means empty after trimming). */
export function profileColumn(values: readonly string[]): ColumnProfile {
  const counts = new Map<string, number>();
  const kept = new Map<string, number>();
  const tally = { length: 0, words: 0, numeric: 0, date: 0, email: 0, ip: 0, uuid: 0, url: 0 };
  let question = 0;
  let filled = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    filled++;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    if (kept.has(value) || kept.size < MAX_KEPT_VALUES) kept.set(value, counts.get(value) ?? 1);
    tally.length += value.length;
    tally.words += countWords(value);
    if (NUMBER.test(value)) tally.numeric++;
    if (isDate(value)) tally.date++;
    if (EMAIL.test(value)) tally.email++;
    if (IPV4.test(value) || IPV6.test(value)) tally.ip++;
    if (UUID.test(value)) tally.uuid++;
    if (URL.test(value)) tally.url++;
    if (value.endsWith('?')) question++;
  }
  const of = (n: number) => (filled === 0 ? 0 : n / filled);
  return {
    count: values.length,
    filled,
    blankShare: values.length === 0 ? 1 : 1 - filled / values.length,
    distinct: counts.size,
    values: kept,
    meanLength: of(tally.length),
    meanWords: of(tally.words),
    numericShare: of(tally.numeric),
    dateShare: of(tally.date),
    emailShare: of(tally.email),
    ipShare: of(tally.ip),
    uuidShare: of(tally.uuid),
    urlShare: of(tally.url),
    questionShare: of(question),
  };
}

function countWords(value: string): number {
  let words = 0;
  let inWord = false;
  for (const char of value) {
    const space = char === ' ' || char === '\n' || char === '\t' || char === '\r';
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * A date or date-time as the ingest stage reads it. Plain numbers count only when they look like
 * Unix epoch times of the years 2001-2286 (10 or 13 digits), not ids or counts.
 */
function isDate(value: string): boolean {
  if (NUMBER.test(value)) return EPOCH.test(value);
  if (value.length > 40 || !DATE_LIKE.test(value)) return false;
  // A date with a time of day is a timestamp even in a form the ingest cannot read (`... WIB 2018`).
  return TIME_OF_DAY.test(value) || parseDate(value, 'day/month') !== null;
}
