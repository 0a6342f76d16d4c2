/**
 * Segmentation of a clean text into passages: paragraphs, long ones cut at sentence boundaries
 * (then word boundaries), short ones joined to the next. Every passage is a trimmed span of the
 * clean text, so `text.slice(start, end)` gives it back. Linear in the text's length.
 */
import type { Passage } from '../../schemas/clean-record.js';
import { type Span, sentences } from './sentences.js';

/** Passage sizes, from the clean config. */
export interface PassageOptions {
  /** Passages are cut to stay at or under this many characters. */
  maxChars: number;
  /** Paragraphs shorter than this are joined to the next one when the result fits. */
  minChars: number;
  /** ISO 639-1 language, for sentence boundaries. */
  language: string;
}

/**
 * Splits `text` into passages with ids `<id>#1`, `<id>#2`, ... `progress` hears how far into the
 * text segmentation has got (the end of each unit), for very long texts.
 */
export function segmentPassages(
  id: string,
  text: string,
  options: PassageOptions,
  progress: (offset: number) => void = () => {},
): Passage[] {
  const units: Span[] = [];
  const add = (unit: Span) => {
    units.push(unit);
    progress(unit.end);
  };
  for (const paragraph of paragraphs(text)) {
    if (paragraph.end - paragraph.start <= options.maxChars) add(paragraph);
    else splitLong(text, paragraph, options, add);
  }
  return joinShort(units, options).map((span, i) => ({
    id: `${id}#${i + 1}`,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  }));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

/** Narrows a span to exclude surrounding whitespace; null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Paragraphs are separated by a blank line. */
function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  while (from <= text.length) {
    const blank = text.indexOf('\n\n', from);
    const end = blank === -1 ? text.length : blank;
    const span = trimSpan(text, from, end);
    if (span !== null) spans.push(span);
    from = end + 2;
  }
  return spans;
}

/** A paragraph over the maximum: sentences packed greedily into chunks that fit, each `add`ed. */
function splitLong(
  text: string,
  paragraph: Span,
  options: PassageOptions,
  add: (chunk: Span) => void,
): void {
  let chunk: Span | null = null;
  for (const span of sentences(text, paragraph, options.language)) {
    const sentence = trimSpan(text, span.start, span.end);
    if (sentence === null) continue;
    for (const piece of splitSentence(text, sentence, options.maxChars)) {
      if (chunk !== null && piece.end - chunk.start <= options.maxChars) chunk.end = piece.end;
      else {
        if (chunk !== null) add(chunk);
        chunk = { ...piece };
      }
    }
  }
  if (chunk !== null) add(chunk);
}

/** A sentence over the maximum is cut at the last space that fits, or hard if there is none. */
function splitSentence(text: string, sentence: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let from = sentence.start;
  while (sentence.end - from > maxChars) {
    const limit = from + maxChars;
    const space = lastSpace(text, from, limit);
    let cut = space > from ? space : limit;
    // Never split a surrogate pair.
    if (cut === limit && /[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
    const piece = trimSpan(text, from, cut);
    if (piece !== null) pieces.push(piece);
    from = cut;
    while (from < sentence.end && isSpace(text.charCodeAt(from))) from++;
  }
  const rest = trimSpan(text, from, sentence.end);
  if (rest !== null) pieces.push(rest);
  return pieces;
}

/** The last whitespace in `(from, limit]`, or -1; bounded so that a text without spaces stays linear. */
function lastSpace(text: string, from: number, limit: number): number {
  for (let i = limit; i > from; i--) if (isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Joins a unit shorter than the minimum to the following ones while the result fits. */
function joinShort(units: readonly Span[], options: PassageOptions): Span[] {
  const joined: Span[] = [];
  for (let i = 0; i < units.length; i++) {
    const current = { ...(units[i] as Span) };
    for (let next = units[i + 1]; next !== undefined; next = units[i + 1]) {
      if (current.end - current.start >= options.minChars) break;
      if (next.end - current.start > options.maxChars) break;
      current.end = next.end;
      i++;
    }
    joined.push(current);
  }
  // A short last unit joins the one before it instead, if they fit together.
  const last = joined.at(-1);
  const before = joined.at(-2);
  if (
    last &&
    before &&
    last.end - last.start < options.minChars &&
    last.end - before.start <= options.maxChars
  ) {
    before.end = last.end;
    joined.pop();
  }
  return joined;
}
