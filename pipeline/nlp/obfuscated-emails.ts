/**
 * E-mail addresses written to dodge harvesters: `jane dot smith at gmail dot com`,
 * `j.smith[at]example[dot]com`, `john (at) example.org`, `ana＠example．org`. Found from each
 * "at" sign or word outwards, in bounded windows, so the search stays linear.
 */

import type { Span } from './sentences.js';
import { stopWordsFor } from './stop-words.js';

/**
 * An "at" written in brackets, as `＠`, or as ` @ ` or ` AT ` between spaces: meant as an
 * address's. The word "at" (between spaces) is one only when its domain looks like one (see
 * `isAddress`). Each starts on a fixed character, so the scan is quick.
 */
const AT =
  /(?<marked>[[({<]\s{0,2}at\s{0,2}[\])}>]|＠|(?<=\s)(?:@|AT)(?=\s))|(?<word>(?<=\s)at(?=\s))/g;

/** A dot: `.`, `．`, `。` or the word, bare or in brackets. */
const DOT = String.raw`(?:\s{0,2}[[({<]\s{0,2}dot\s{0,2}[\])}>]\s{0,2}|\s{1,3}dot\s{1,3}|[.．。])`;
/** A domain's label; a local part's words are {@link WORD}s joined by dots or `_+%-`. */
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const WORD = String.raw`[\p{L}\p{N}]{1,64}`;
/** An address's local part ending where the "at" starts (at most 8 parts). */
const LOCAL = new RegExp(`${WORD}(?:(?:${DOT}|[_+%-])${WORD}){0,7}\\s{0,3}$`, 'iu');
/** A domain from where the "at" ends: labels joined by dots, the last one the top-level domain. */
const DOMAIN = new RegExp(
  `\\s{0,3}(${LABEL}(?:${DOT}${LABEL}){1,6})(?![\\p{L}\\p{N}_@＠-])`,
  'iuy',
);
const DOTS = new RegExp(DOT, 'giu');
const TLD = /^\p{L}{2,24}$/u;
/** Longest local part looked at, in characters. */
const LOCAL_WINDOW = 120;

/**
 * Top-level domains accepted after the word "at" with an obfuscated dot: prose such as "look
 * at it dot by dot" must not become an address, so only the common ones count there.
 */
const COMMON_TLDS = new Set(
  `com org net edu gov mil int info biz io co me app dev ai eu uk de fr es it nl be ch at se no dk fi
  pl pt ie us ca au nz jp cn br mx ar za ru ua cz gr hu ro tr il kr sg hk tw nu ly tv`.split(/\s+/),
);
/** Mail providers whose addresses are written "name at gmail.com", with a plain dot. */
const MAIL_HOSTS =
  /^(?:g(?:oogle)?mail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|gmx|web|proton(?:mail)?|pm|mail|yandex|zoho|fastmail|tutanota|orange|free|laposte|btinternet|sky|virginmedia|libero|t-online|comcast|verizon|att)$/i;

/** The spans of obfuscated addresses in `text`, in order and not overlapping. */
export function findObfuscatedEmails(text: string): Span[] {
  const spans: Span[] = [];
  let after = 0;
  for (const at of text.matchAll(AT)) {
    if (at.index < after) continue;
    // The domain first: it rules out almost every "at" of prose at once.
    DOMAIN.lastIndex = at.index + at[0].length;
    const domain = DOMAIN.exec(text);
    if (domain === null || !isAddress(domain[1] as string, at.groups?.marked !== undefined)) {
      continue;
    }
    const start = localStart(text, at.index);
    if (start < after || start < 0) continue;
    spans.push({ start, end: DOMAIN.lastIndex });
    after = DOMAIN.lastIndex;
  }
  return spans;
}

/** Where the local part ending at `at` starts, or -1 when none does at a word boundary. */
function localStart(text: string, at: number): number {
  const from = Math.max(0, at - LOCAL_WINDOW);
  const local = LOCAL.exec(text.slice(from, at));
  if (local === null) return -1;
  const start = from + local.index;
  // A local part running past the window, or starting inside a word, is not an address's.
  return start > 0 && /[\p{L}\p{N}._%+\]-]/u.test(text[start - 1] as string) ? -1 : start;
}

/**
 * Whether a domain after an "at" makes an address: any top-level domain of 2-24 letters after a
 * marked "at"; after the word "at", a mail provider with a plain dot, or dots written as words
 * with a common top-level domain and no function word among the labels ("look at this dot com").
 */
function isAddress(domain: string, marked: boolean): boolean {
  const labels = domain.split(DOTS);
  const tld = (labels.at(-1) ?? '').toLowerCase();
  if (!TLD.test(tld)) return false;
  if (marked) return true;
  const dots = domain.match(DOTS) ?? [];
  if (!dots.some((dot) => /dot/i.test(dot))) return MAIL_HOSTS.test(labels[0] ?? '');
  const stop = stopWordsFor('en');
  return COMMON_TLDS.has(tld) && labels.every((label) => !stop.has(label.toLowerCase()));
}
