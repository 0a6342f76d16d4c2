/**
 * Sentence boundaries from `Intl.Segmenter`, found window by window: V8's segment iterator
 * costs time in proportion to its whole input at every step, so a long paragraph handed to it
 * at once takes quadratic time (a 400 KB one-line text took 6 s, 5 MB would take 20 minutes).
 * `sentences` then mends the segmenter's cuts after abbreviations and list numbers.
 */
import { isAbbreviation } from './abbreviations.js';
import { stopWordsFor } from './stop-words.js';

/** A character range `[start, end)` of a text. */
export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** A sentence segmenter for a language (the root locale when the tag is not valid), cached. */
export function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      // Not a valid locale tag: sentence rules barely differ, so the root locale will do.
      segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Characters segmented at a time: smaller windows cost more calls, larger ones longer steps. */
const SENTENCE_WINDOW = 2048;

/**
 * Characters that end the segmenter's look-ahead past a boundary (letters, sentence terminators,
 * line breaks; UAX #29 SB8 reads on over anything else). A boundary with one of these after it
 * inside its window is placed as it would be in the whole text.
 */
const LOOK_AHEAD_STOP = /[\p{L}.!?\n\r\u2029。！？]/u;

/**
 * The sentences of `text` within `span` (untrimmed, in order, covering it), the same as
 * segmenting `text.slice(span.start, span.end)` at once, in time linear in the span's length.
 * Each window is cut after its last sentence that has a look-ahead stop after it; when there is
 * none, the window grows (doubling) until there is or it reaches the span's end.
 */
export function* sentenceSpans(
  text: string,
  span: Span,
  language: string,
  window = SENTENCE_WINDOW,
): Generator<Span> {
  const segmenter = sentenceSegmenter(language);
  let from = span.start;
  let size = window;
  while (from < span.end) {
    const end = Math.min(span.end, from + size);
    const settled = end === span.end ? end : lastStop(text, from, end);
    let next = from;
    for (const { index, segment } of segmenter.segment(text.slice(from, end))) {
      const sentenceEnd = from + index + segment.length;
      if (sentenceEnd > settled) break;
      yield { start: from + index, end: sentenceEnd };
      next = sentenceEnd;
      // A grown window holds a long sentence; stepping far past it would cost its whole size.
      if (next - from >= window) break;
    }
    size = next === from ? size * 2 : window;
    from = next;
  }
}

/** The offset of the last look-ahead stop in `[from, end)`, or -1. */
function lastStop(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // ASCII letters first: almost every window ends near one.
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) return i;
    if (LOOK_AHEAD_STOP.test(text[i] as string)) return i;
  }
  return -1;
}

/**
 * The sentences of `text` within `span` (untrimmed, in order, covering it): the segmenter's
 * (`sentenceSpans`), with a cut that does not end a sentence undone (see `continues`).
 */
export function* sentences(
  text: string,
  span: Span,
  language: string,
  window = SENTENCE_WINDOW,
): Generator<Span> {
  let pending: Span | null = null;
  for (const next of sentenceSpans(text, span, language, window)) {
    pending = pending === null ? next : { start: pending.start, end: next.end };
    if (pending.end >= span.end || !continues(text, pending, language)) {
      yield pending;
      pending = null;
    }
  }
  if (pending !== null) yield pending;
}

/** The last word before a final full stop, with its inner stops ("z.b", "str", "3"), lower-case. */
const BEFORE_STOP = /(?:^|[^\p{L}\p{N}.°-])([\p{L}\p{N}][\p{L}\p{N}.°-]*)\.\s*$/u;
/** A sentence's first word or number, past spaces, quotes and brackets. */
const FIRST_WORD = /^[\s"'„“”«»‚‘’([]*([\p{L}\p{N}]+)/u;

/**
 * Whether the segmenter's cut at `sentence.end` falls inside a sentence: right after a list
 * number ("1. Replace ...; 2. Index ..."), or after an abbreviation of the language ("Str.",
 * "z. B.", "Mme.", see `isAbbreviation`) or, in German, an ordinal ("im 3. Stock"), unless the
 * next word is a function word that opens a new sentence ("... an der Hauptstr. Dort ist ...").
 */
function continues(text: string, sentence: Span, language: string): boolean {
  if (endsWithListNumber(text, sentence)) return true;
  const tail = text.slice(Math.max(sentence.start, sentence.end - 40), sentence.end);
  const token = BEFORE_STOP.exec(tail)?.[1]?.toLowerCase();
  if (token === undefined) return false;
  const ordinal = language === 'de' && /^\d{1,3}$/u.test(token);
  if (!ordinal && !isAbbreviation(token, language)) return false;
  const next = FIRST_WORD.exec(text.slice(sentence.end, sentence.end + 40))?.[1];
  // A single letter goes on an abbreviation ("z. B."); stop-word lists hold single letters.
  if (next === undefined) return false;
  return next.length === 1 || !stopWordsFor(language).has(next.toLowerCase());
}

/** A list number alone ("1.") or after a colon, semicolon, comma or line break ("...; 2."). */
function endsWithListNumber(text: string, sentence: Span): boolean {
  const tail = text.slice(Math.max(sentence.start, sentence.end - 12), sentence.end);
  if (sentence.end - sentence.start <= 12 && /^\s*\d{1,2}\.\s*$/u.test(tail)) return true;
  return /[;:,\n]\s*\d{1,2}\.\s*$/u.test(tail);
}
