import { stopWordsFor } from './stop-words.js';

/** A word: letters and digits, with inner apostrophes ("don't", "l’eau"). */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** Lower-cased word tokens of a text (letters and digits, with inner apostrophes). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) out.push(match[0].replace('’', "'"));
  return out;
}

/**
 * The content words of a text: tokens with a letter that are not stop words of its language.
 * Kept in order, so neighbours can form phrases.
 */
export function contentWords(text: string, language: string): string[] {
  const stop = stopWordsFor(language);
  return wordTokens(text).filter((w) => !stop.has(w) && HAS_LETTER.test(w) && w.length > 1);
}

const SUFFIXES: readonly [string, string][] = [
  ['ies', 'y'],
  ['sses', 'ss'],
  ['ing', ''],
  ['edly', ''],
  ['ed', ''],
  // "-es" is a suffix only after a sibilant (taxes, churches); elsewhere (routes) just "-s" is.
  ['xes', 'x'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['s', ''],
];

/**
 * Folds English inflections so "routes", "route" and "routing" count as one feature. Cruder
 * than a lemmatiser but far faster, which matters at 100,000 passages, and
 * TF-IDF only needs the forms to agree, not to be words.
 */
export function foldWord(word: string, language: string): string {
  if (language !== 'en' || word.length < 5 || word.endsWith('ss')) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}
