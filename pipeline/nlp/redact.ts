/**
 * Redaction of personal data: e-mail addresses (obfuscated ones too), phone numbers, links to a
 * person's profile (or every link) and, given a name finder, personal names, replaced by
 * `[email]`, `[phone]`, `[link]` and `[name]`. With names, masks already in the source ("XXXX",
 * "[Name entfernt]") become `[name]` or `[redacted]` (see `source-masks.ts`). Placeholders never match
 * again as anything else, so redacting redacted text changes nothing.
 */

import type { Redaction, RedactionKind } from '../../schemas/clean-record.js';
import type { PrivacyConfig } from '../../schemas/consultation.js';
import { findObfuscatedEmails } from './obfuscated-emails.js';
import type { Edit } from './offsets.js';
import { DIGIT, PHONE_PATTERN, phoneNumberLength } from './phone-numbers.js';
import type { Span } from './sentences.js';
import { findSourceMasks } from './source-masks.js';

/** Which kinds of personal data to redact, and the country national phone numbers are read in. */
export type RedactOptions = Omit<PrivacyConfig['redact'], 'names'> & {
  /**
   * Personal names, where a name finder is given, and masks in the source (`privacy.redact.names`);
   * default off.
   */
  names?: boolean | undefined;
  /** ISO 3166 alpha-2 (`privacy.country`); none: only numbers long enough to be sure of. */
  country?: string | undefined;
};

/** The redaction options a config asks for. */
export function redactOptionsOf(privacy: PrivacyConfig): RedactOptions {
  return { ...privacy.redact, country: privacy.country };
}

/** The text with placeholders, where they are, and the edits that put them there. */
export interface Redacted {
  text: string;
  /** Placeholder spans in `text`, in order. */
  redactions: Redaction[];
  /** The same replacements in input coordinates, to carry other offsets across. */
  edits: Edit[];
}

export const PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  email: '[email]',
  phone: '[phone]',
  url: '[link]',
  name: '[name]',
  mask: '[redacted]',
};

/** The personal names in a text (see `person-names.ts`), for the text's language. */
export type FindNames = (text: string) => Span[];

const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>"]+|mailto:[^\s<>"]+|\b(?:(?:www|m|mobile)\.)?(?:facebook|fb|twitter|x|instagram|tiktok|linkedin)\.com\/[^\s<>"]+`;
/** A character of an e-mail address's local part (before the `@`). */
const LOCAL_CHAR = String.raw`[\p{L}\p{N}._%+-]`;
const EMAIL = String.raw`${LOCAL_CHAR}+[@＠][\p{L}\p{N}-]+(?:[.．][\p{L}\p{N}-]+)*[.．]\p{L}{2,}(?![\p{L}\p{N}@＠])`;

/**
 * One pass finds all three, leftmost first, so spans never overlap. An address is only tried
 * where a run of local-part characters starts: tried inside the run as well, it would read the
 * rest of the run from every character, quadratic on long runs (CJK text has no spaces).
 */
const PERSONAL_DATA = new RegExp(
  `(?<url>${URL})|(?<email>(?<!${LOCAL_CHAR})${EMAIL})|(?<phone>${PHONE_PATTERN})`,
  'giu',
);
/** The same at one offset, with an address allowed to start there (see {@link findPersonalData}). */
const PERSONAL_DATA_HERE = new RegExp(
  `(?<url>${URL})|(?<email>${EMAIL})|(?<phone>${PHONE_PATTERN})`,
  'iuy',
);
const LOCAL_RUN = new RegExp(`${LOCAL_CHAR}+`, 'uy');
const ENDS_IN_LOCAL_CHAR = new RegExp(`${LOCAL_CHAR}$`, 'u');
const MIGHT_CONTAIN = new RegExp(String.raw`[@＠]|${DIGIT}|www\.|:\/\/|mailto:|\.com\/`, 'i');
/** Where an obfuscated address may be: an "at" written as a word or in brackets, or a spaced `@`. */
const MIGHT_HIDE_EMAIL = /at|AT|[@＠]/;
/** Where a mask may be: a run of x, an asterisk, a bracket (see `source-masks.ts`). */
const MIGHT_MASK = /[xX]{2}|[*[(<{]/;
/** How much text before a phone number is read for words that make it an id. */
const CONTEXT_BEFORE = 40;

/** Social-profile hosts (any path), LinkedIn member pages and mailto: links name a person. */
const PERSONAL_URL =
  /^(?:mailto:|(?:https?:\/\/)?(?:(?:www|m|mobile|[a-z]{2})\.)?(?:(?:facebook|fb|instagram|tiktok|twitter|x)\.com\/[^/?#\s]|linkedin\.com\/(?:in|pub)\/))/i;

/**
 * Replaces personal data in `text` by placeholders, as `options` asks; names only where
 * `options.names` is on and `findNames` is given (default: none).
 */
export function redactText(
  text: string,
  options: RedactOptions,
  findNames: FindNames | null = null,
): Redacted {
  const result: Redacted = { text, redactions: [], edits: [] };
  const parts: string[] = [];
  let copied = 0;
  let length = 0;
  for (const found of personalData(text, options, findNames)) {
    const placeholder = PLACEHOLDERS[found.kind];
    // A placeholder already in place (text redacted before, or a source's own "[name]").
    if (text.slice(found.start, found.end) === placeholder) continue;
    parts.push(text.slice(copied, found.start), placeholder);
    length += found.start - copied;
    result.redactions.push({ kind: found.kind, start: length, end: length + placeholder.length });
    result.edits.push({ start: found.start, end: found.end, length: placeholder.length });
    length += placeholder.length;
    copied = found.end;
  }
  if (result.edits.length === 0) return result;
  parts.push(text.slice(copied));
  result.text = parts.join('');
  return result;
}

/** A span of personal data to replace. */
interface Found extends Span {
  kind: RedactionKind;
}

/**
 * The personal data in `text` as `options` asks, in order and not overlapping: the matches of
 * the one-pass pattern, obfuscated addresses, masks in the source and names, merged (the
 * earlier, then the longer, wins).
 */
function personalData(text: string, options: RedactOptions, findNames: FindNames | null): Found[] {
  const lists: Found[][] = [];
  if (MIGHT_CONTAIN.test(text)) {
    const plain: Found[] = [];
    for (const match of findPersonalData(text)) {
      const found = classify(match, text, options);
      if (found !== null) plain.push(found);
    }
    lists.push(plain);
  }
  if (options.emails && MIGHT_HIDE_EMAIL.test(text)) {
    lists.push(findObfuscatedEmails(text).map((span): Found => ({ ...span, kind: 'email' })));
  }
  if (options.names && MIGHT_MASK.test(text)) lists.push(findSourceMasks(text));
  if (options.names && findNames !== null) {
    lists.push(findNames(text).map((span): Found => ({ ...span, kind: 'name' })));
  }
  const found = lists.filter((list) => list.length > 0);
  if (found.length <= 1) return found[0] ?? [];
  const merged: Found[] = [];
  let end = 0;
  for (const next of found.flat().sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (next.start < end) continue;
    merged.push(next);
    end = next.end;
  }
  return merged;
}

/**
 * The matches of personal data in `text`, leftmost first. Where a match ends inside a run of
 * local-part characters (`+44 20 7946 0958.ana@x.org`) an address may start right after it, so
 * that offset is tried with the start allowed; once per run, and only if an `@` ends the run.
 */
function* findPersonalData(text: string): Generator<RegExpExecArray> {
  let from = 0;
  let runTried = -1;
  for (;;) {
    let match: RegExpExecArray | null = null;
    LOCAL_RUN.lastIndex = from;
    if (from > runTried && endsInLocalChar(text, from) && LOCAL_RUN.test(text)) {
      runTried = LOCAL_RUN.lastIndex;
      if (text[runTried] === '@') {
        PERSONAL_DATA_HERE.lastIndex = from;
        match = PERSONAL_DATA_HERE.exec(text);
      }
    }
    if (match === null) {
      PERSONAL_DATA.lastIndex = from;
      match = PERSONAL_DATA.exec(text);
    }
    if (match === null) return;
    yield match;
    from = match.index + match[0].length;
  }
}

/** Whether the character before `at` can be part of an address's local part. */
function endsInLocalChar(text: string, at: number): boolean {
  return at > 0 && ENDS_IN_LOCAL_CHAR.test(text.slice(Math.max(0, at - 2), at));
}

/** What a match is, if it is to be redacted, and its span (URLs lose trailing punctuation). */
function classify(match: RegExpExecArray, text: string, options: RedactOptions): Found | null {
  const { url, email, phone } = match.groups ?? {};
  const start = match.index;
  if (url !== undefined) {
    const link = trimUrl(url);
    const redact = options.allUrls || (options.personalUrls && PERSONAL_URL.test(link));
    return redact ? { kind: 'url', start, end: start + link.length } : null;
  }
  if (email !== undefined) {
    return options.emails ? { kind: 'email', start, end: start + email.length } : null;
  }
  if (phone === undefined || !options.phones) return null;
  const before = text.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  const length = phoneNumberLength(phone, { country: options.country, before });
  return length > 0 ? { kind: 'phone', start, end: start + length } : null;
}

/** Drops sentence punctuation after a URL, keeping a `)` that closes a `(` inside it. */
export function trimUrl(url: string): string {
  const opened = count(url, '(');
  let closed = count(url, ')');
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1] as string;
    if (c === ')' && opened >= closed) break;
    if (!'.,;:!?\'"’”)]}>*'.includes(c)) break;
    if (c === ')') closed--;
    end--;
  }
  return url.slice(0, end);
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}
