/**
 * Redaction of personal data: e-mail addresses, phone numbers and links to a person's profile
 * (or every link), replaced by `[email]`, `[phone]` and `[link]`. Placeholders never match again,
 * so redacting redacted text changes nothing.
 */

import type { Redaction, RedactionKind } from '../../schemas/clean-record.js';
import type { PrivacyConfig } from '../../schemas/consultation.js';
import type { Edit } from './offsets.js';

/** Which kinds of personal data to redact. */
export type RedactOptions = PrivacyConfig['redact'];

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
};

const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>"]+|mailto:[^\s<>"]+|\b(?:(?:www|m|mobile)\.)?(?:facebook|fb|twitter|x|instagram|tiktok|linkedin)\.com\/[^\s<>"]+`;
/** A character of an e-mail address's local part (before the `@`). */
const LOCAL_CHAR = String.raw`[\p{L}\p{N}._%+-]`;
const EMAIL = String.raw`${LOCAL_CHAR}+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@])`;
// Digits in groups. The lookarounds keep it from starting or ending inside a word, id or amount,
// or from stopping short of digits that continue the number. A placeholder (`[`, `]`) counts as
// the word it replaced, so redacting redacted text finds nothing new.
const PHONE = String.raw`(?<![\p{L}\p{N}$€£¥#@/_\]\\.,+-])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,5}){0,6}(?![\p{L}\p{N}%€$£¥[]|[ .,-][\d[])`;

/**
 * One pass finds all three, leftmost first, so spans never overlap. An address is only tried
 * where a run of local-part characters starts: tried inside the run as well, it would read the
 * rest of the run from every character, quadratic on long runs (CJK text has no spaces).
 */
const PERSONAL_DATA = new RegExp(
  `(?<url>${URL})|(?<email>(?<!${LOCAL_CHAR})${EMAIL})|(?<phone>${PHONE})`,
  'giu',
);
/** The same at one offset, with an address allowed to start there (see {@link findPersonalData}). */
const PERSONAL_DATA_HERE = new RegExp(
  `(?<url>${URL})|(?<email>${EMAIL})|(?<phone>${PHONE})`,
  'iuy',
);
const LOCAL_RUN = new RegExp(`${LOCAL_CHAR}+`, 'uy');
const ENDS_IN_LOCAL_CHAR = new RegExp(`${LOCAL_CHAR}$`, 'u');
const MIGHT_CONTAIN = /[@\d]|www\.|:\/\/|mailto:|\.com\//i;

/** Social-profile hosts (any path), LinkedIn member pages and mailto: links name a person. */
const PERSONAL_URL =
  /^(?:mailto:|(?:https?:\/\/)?(?:(?:www|m|mobile|[a-z]{2})\.)?(?:(?:facebook|fb|instagram|tiktok|twitter|x)\.com\/[^/?#\s]|linkedin\.com\/(?:in|pub)\/))/i;

/** Replaces personal data in `text` by placeholders, as `options` asks. */
export function redactText(text: string, options: RedactOptions): Redacted {
  const result: Redacted = { text, redactions: [], edits: [] };
  if (!MIGHT_CONTAIN.test(text)) return result;
  const parts: string[] = [];
  let copied = 0;
  let length = 0;
  for (const match of findPersonalData(text)) {
    const found = classify(match, options);
    if (found === null) continue;
    const start = match.index;
    const end = start + found.length;
    const placeholder = PLACEHOLDERS[found.kind];
    parts.push(text.slice(copied, start), placeholder);
    length += start - copied;
    result.redactions.push({ kind: found.kind, start: length, end: length + placeholder.length });
    result.edits.push({ start, end, length: placeholder.length });
    length += placeholder.length;
    copied = end;
  }
  if (result.edits.length === 0) return result;
  parts.push(text.slice(copied));
  result.text = parts.join('');
  return result;
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

/** What a match is, if it is to be redacted, and how much of it (URLs lose trailing punctuation). */
function classify(
  match: RegExpExecArray | RegExpMatchArray,
  options: RedactOptions,
): { kind: RedactionKind; length: number } | null {
  const { url, email, phone } = match.groups ?? {};
  if (url !== undefined) {
    const link = trimUrl(url);
    const redact = options.allUrls || (options.personalUrls && PERSONAL_URL.test(link));
    return redact ? { kind: 'url', length: link.length } : null;
  }
  if (email !== undefined) return options.emails ? { kind: 'email', length: email.length } : null;
  if (phone !== undefined && options.phones && isPhoneNumber(phone)) {
    return { kind: 'phone', length: phone.length };
  }
  return null;
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

const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const YEARS = /^(?:1[89]|20)\d\d(?:[ .-](?:1[89]|20)\d\d)+$/;
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** `12 345 678`, `1.234.567`: a number with thousands separators, not a phone. */
const THOUSANDS = /^\d{1,3}(?:( |\.)\d{3})(?:\1\d{3})*$/;

/**
 * Whether a run of grouped digits is a phone number: 8-15 digits with `+`/`00`, or 9-15 in a
 * national format (grouped, in parentheses, or a bare run starting with the trunk prefix 0);
 * never a date, a span of years, an IP address or a number with thousands separators.
 */
export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  const international = /^(?:\+|00)/.test(candidate);
  if (digits < (international ? 8 : 9) || digits > 15) return false;
  if (DATE.test(candidate) || YEARS.test(candidate) || IP_ADDRESS.test(candidate)) return false;
  if (international || candidate.includes('(')) return true;
  if (THOUSANDS.test(candidate)) return false;
  // A bare run of digits is an id unless it starts with a national trunk prefix.
  return /[ .-]/.test(candidate) || candidate.startsWith('0');
}
