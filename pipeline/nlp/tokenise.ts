import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stopWordsFor } from './stop-words.js';

/** Snowball stemmers for the languages with stop-word lists other than English. */
const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  de: german,
  es: spanish,
  fr: french,
  it: italian,
  nl: dutch,
  pt: portuguese,
};

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
 * Folds inflections so "routes", "route" and "routing" count as one feature: English with a
 * small suffix stripper (cruder than a lemmatiser but far faster, which matters at 100,000
 * passages, and TF-IDF only needs the forms to agree, not to be words); German, French, Spanish,
 * Italian, Dutch and Portuguese with their Snowball stemmers (German "ß" as "ss" first, since
 * contributors write "Strasse" and "Straße" alike). Other languages are left as written.
 */
export function foldWord(word: string, language: string): string {
  const stem = STEMMERS[language];
  if (stem !== undefined) return stem(language === 'de' ? word.replaceAll('ß', 'ss') : word);
  if (language !== 'en' || word.length < 5 || word.endsWith('ss')) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}
