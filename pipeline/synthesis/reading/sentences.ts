import { sentences as sentenceSpans } from '../../nlp/sentences.js';
import { MAX_WORDS, wordCount } from './en/alone.js';
import { readerFor, type StatementReader } from './reader.js';

/** A sentence of a passage, with its offsets in the passage text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Texts split lately: the statement groups, quotes, stance and no-view rules split the same
 * passages in separate passes, so the cache holds a large consultation's passages. Cleared
 * when full. `npm run bench -- survey` (20,000 respondents, 53,270 passages): 4.6 s of the
 * synthesise stage's 73 s went to splitting again; with the cache the stage takes 63 s, and
 * 100,000 entries (1.9 GB peak against 1.6 GB) are no faster.
 */
const cache = new Map<string, Map<string, readonly Sentence[]>>();
let cached = 0;
const CACHE_SIZE = 20_000;

/**
 * The sentences of a text, trimmed, with offsets (so `text.slice(start, end)` is the sentence).
 * The array is shared with later calls on the same text: do not change it.
 */
export function sentencesOf(text: string, language: string): readonly Sentence[] {
  // By language, then text: a key joining the two was a new string to hash at every call.
  let ofLanguage = cache.get(language);
  const known = ofLanguage?.get(text);
  if (known !== undefined) return known;
  if (cached >= CACHE_SIZE) {
    cache.clear();
    cached = 0;
    ofLanguage = undefined;
  }
  if (ofLanguage === undefined) {
    ofLanguage = new Map();
    cache.set(language, ofLanguage);
  }
  const split = splitSentences(text, language);
  ofLanguage.set(text, split);
  cached++;
  return split;
}

function splitSentences(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  for (const span of sentenceSpans(text, { start: 0, end: text.length }, language)) {
    const segment = text.slice(span.start, span.end);
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = span.start + leading;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return out;
}

/**
 * The sentences of a text that can be quoted on their own (see `standsAlone`). A sentence that
 * leans on the one before it ("They cause jams.") comes joined to it when that one stands
 * alone, as one span of the text. A language without a reader: every sentence counts.
 */
export function quotableSentences(text: string, language: string): readonly Sentence[] {
  const sentences = sentencesOf(text, language);
  const reader = readerFor(language);
  if (reader === null) return sentences;
  const out: Sentence[] = [];
  sentences.forEach((sentence, i) => {
    if (standsAlone(reader, sentence.text)) {
      out.push(sentence);
      return;
    }
    const previous = sentences[i - 1];
    if (previous === undefined || !standsAlone(reader, sentence.text, previous.text)) return;
    out.push({
      text: text.slice(previous.start, sentence.end),
      start: previous.start,
      end: sentence.end,
    });
  });
  return out;
}

/**
 * Whether a sentence stands alone (see `StatementReader.dependenceOf`). A sentence that only
 * leans on the one before it (a leading connective or a pronoun with nothing to point to)
 * stands alone together with `previous` when that one does.
 */
export function standsAlone(reader: StatementReader, sentence: string, previous?: string): boolean {
  const why = reader.dependenceOf(sentence);
  if (why === null) return true;
  if (previous === undefined || (why !== 'connective' && why !== 'pronoun')) return false;
  const joined = `${previous} ${sentence}`;
  return reader.dependenceOf(previous) === null && wordCount(joined) <= MAX_WORDS;
}
