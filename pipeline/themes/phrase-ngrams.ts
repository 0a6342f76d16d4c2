/**
 * Candidate label phrases for languages without a part-of-speech tagger: runs of up to three
 * content words that occur verbatim in the text ("Radweg freigeben", "Öffnung Einbahnstraße").
 */
import { stopWordsFor } from '../nlp/stop-words.js';
import { foldWord } from '../nlp/tokenise.js';
import { isNoiseWord, withoutLabelNoise } from './label-noise.js';
import type { Phrase } from './phrases.js';

/** The longest n-gram kept, in words. */
const MAX_WORDS = 3;
/** A word with inner hyphens or apostrophes; anything else (punctuation, a line) ends a run. */
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu;
/** Words with a digit are never label material (see `label-noise.ts` for the others). */
const NOT_CONTENT = /\p{N}/u;
/** Languages whose nouns are written with a capital, so a capital marks a phrase's head. */
const CAPITALISED_NOUNS: ReadonlySet<string> = new Set(['de', 'lb']);
const SENTENCE_END = /^[.!?:;]+$/;

interface Word {
  text: string;
  key: string;
  /** First word of the text or of a sentence: its capital says nothing. */
  initial: boolean;
}

/** The distinct content-word n-grams of `text` in `language`, one per key (first occurrence). */
export function extractNgramPhrases(text: string, language: string): Phrase[] {
  const found = new Map<string, Phrase>();
  for (const run of contentRuns(text, language)) {
    for (let last = 1; last <= run.length; last++) {
      for (let first = last - 1; first >= Math.max(0, last - MAX_WORDS); first--) {
        addSpan(found, run.slice(first, last), language);
      }
    }
  }
  return [...found.values()];
}

/** Maximal runs of content words with nothing but spaces or hyphens between them. */
function contentRuns(text: string, language: string): Word[][] {
  const stop = stopWordsFor(language);
  const runs: Word[][] = [[]];
  let initial = true;
  for (const [token] of withoutLabelNoise(text).matchAll(TOKEN)) {
    const lower = token.toLowerCase();
    const isWord = /\p{L}/u.test(token);
    const noise = NOT_CONTENT.test(lower) || isNoiseWord(lower);
    if (isWord && lower.length > 1 && !stop.has(lower) && !noise) {
      runs[runs.length - 1]?.push({ text: token, key: foldWord(lower, language), initial });
    } else if (runs[runs.length - 1]?.length !== 0) runs.push([]);
    initial = isWord ? false : SENTENCE_END.test(token) || initial;
  }
  return runs.filter((run) => run.length > 0);
}

/**
 * Adds a span as a noun phrase, or as `other` where nouns are capitalised and its last word is
 * not (a verb or adjective: "freigegeben", "eng").
 */
function addSpan(found: Map<string, Phrase>, span: readonly Word[], language: string): void {
  const words = span.map((w) => w.key);
  const key = words.join(' ');
  if (found.has(key) || new Set(words).size < words.length) return;
  const head = span[span.length - 1] as Word;
  const noun = !CAPITALISED_NOUNS.has(language) || head.initial || /^\p{Lu}/u.test(head.text);
  const surface = span.map((w, i) =>
    i === 0 && w.initial ? sentenceCase(w.text, language) : w.text,
  );
  found.set(key, { key, surface: surface.join(' '), kind: noun ? 'noun' : 'other', words });
}

/** A sentence-initial word as it would be written mid-sentence, as far as can be told. */
function sentenceCase(word: string, language: string): string {
  return CAPITALISED_NOUNS.has(language) ? word : word.toLowerCase();
}
