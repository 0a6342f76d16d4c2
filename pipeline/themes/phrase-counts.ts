/**
 * Phrase counts over a set of passages (a theme): in how many passages each candidate phrase
 * occurs, and the surface form to show it by.
 */
import { extractPhrases, type PhraseKind } from './phrases.js';

/** How often a phrase occurs in a set of texts. */
export interface PhraseCount {
  key: string;
  /**
   * `noun` if a noun phrase (or a fragment of one) in most of its passages and a whole one in
   * some; `fragment` if only ever inside longer ones; else its kind where first seen.
   */
  kind: PhraseKind;
  words: readonly string[];
  /** Passages it occurs in (each passage counts once). */
  passages: number;
  /** Each surface form and how many passages used it. */
  surfaces: Map<string, number>;
}

/**
 * Counts the phrases of `texts`, each passage counting a phrase once; `languages` gives each
 * text's language (default English).
 */
export function tallyPhrases(
  texts: readonly string[],
  languages: readonly string[] = [],
): Map<string, PhraseCount> {
  const counts = new Map<string, PhraseCount>();
  const asNoun = new Map<string, number>();
  const whole = new Set<string>();
  for (const [i, text] of texts.entries()) {
    for (const phrase of extractPhrases(text, languages[i])) {
      if (phrase.kind === 'noun') whole.add(phrase.key);
      if (phrase.kind === 'noun' || phrase.kind === 'fragment') {
        asNoun.set(phrase.key, (asNoun.get(phrase.key) ?? 0) + 1);
      }
      const count = counts.get(phrase.key);
      if (count === undefined) {
        const surfaces = new Map([[phrase.surface, 1]]);
        const { key, kind, words } = phrase;
        counts.set(key, { key, kind, words, passages: 1, surfaces });
        continue;
      }
      count.passages += 1;
      count.surfaces.set(phrase.surface, (count.surfaces.get(phrase.surface) ?? 0) + 1);
    }
  }
  // One mis-tagged "accidental" does not make a noun: the majority of passages decides.
  for (const [key, nouns] of asNoun) {
    const count = counts.get(key) as PhraseCount;
    if (2 * nouns >= count.passages) count.kind = whole.has(key) ? 'noun' : 'fragment';
    else if (count.kind === 'noun' || count.kind === 'fragment') count.kind = 'other';
  }
  return counts;
}

/**
 * The most frequent surface form of a phrase, ignoring case (ties: the first seen); in that
 * form, the capitalised spelling if a quarter of its uses have one, since writers who capitalise
 * names do so and many who do not write everything in lower case ("guantanamo bay"). Shouted
 * capitals do not count.
 */
export function displayOf(count: Pick<PhraseCount, 'key' | 'surfaces'>): string {
  const uses = new Map<string, number>();
  for (const [surface, n] of count.surfaces) {
    const lower = surface.toLowerCase();
    uses.set(lower, (uses.get(lower) ?? 0) + n);
  }
  let form = count.key;
  let total = 0;
  for (const [lower, n] of uses) if (n > total) [form, total] = [lower, n];
  let capital: string | undefined;
  let capitalUses = 0;
  for (const [surface, n] of count.surfaces) {
    if (
      surface !== form &&
      surface.toLowerCase() === form &&
      n > capitalUses &&
      !isShouted(surface) &&
      hasOrdinaryCasing(surface)
    ) {
      [capital, capitalUses] = [surface, n];
    }
  }
  const lowerUses = count.surfaces.get(form) ?? 0;
  return capital !== undefined && 4 * (total - lowerUses) >= total ? capital : form;
}

/**
 * Each word lower case, capitalised or a short acronym ("Bus", "WKU"), not typed oddly
 * ("ServIce"); only such a spelling may stand for the phrase.
 */
function hasOrdinaryCasing(surface: string): boolean {
  return surface
    .split(/[\s-]+/)
    .every((word) => /^\p{Lu}?[^\p{Lu}]*$/u.test(word) || /^\p{Lu}{2,4}s?$/u.test(word));
}

/** A word in capitals longer than an acronym ("DRIVERS", not "WKU") is emphasis, not a name. */
function isShouted(surface: string): boolean {
  return /(?<!\p{L})\p{Lu}{5,}(?!\p{L})/u.test(surface);
}
