/**
 * Phrase counts over a set of passages (a theme): in how many passages each candidate phrase
 * occurs, and the surface form to show it by.
 */
import { extractPhrases, type Phrase, type PhraseKind } from './phrases.js';

/** How often a phrase occurs in a set of texts. */
export interface PhraseCount {
  key: string;
  /**
   * `noun` if a noun phrase (or a fragment of one) in most of its passages and a whole one in
   * some; `fragment` if only ever inside longer ones; else its kind where first seen.
   */
  kind: PhraseKind;
  words: readonly string[];
  /**
   * Passages it occurs in (each passage counts once, and the passages of one voice once between
   * them when the tally is given voices: see `PhraseIndex.tally`).
   */
  passages: number;
  /** Each surface form and how many passages used it (counted likewise). */
  surfaces: Map<string, number>;
}

/** Phrase kinds by number, for the compact per-text records of a {@link PhraseIndex}. */
const KINDS: readonly PhraseKind[] = ['noun', 'fragment', 'coordination', 'other'];

/**
 * One text's phrases, three numbers each: the id of its key and of its surface in the index, and
 * its kind. One typed array per text: at a million passages each array's own overhead counts.
 */
type TextPhrases = Int32Array;

/**
 * The candidate phrases of a set of texts, each text tagged once (on first use) and kept as
 * numbers, so that tallies over any grouping of the texts (top-level themes, then each theme's
 * sub-themes) do not tag a passage twice. At 100,000 passages tagging is most of the labelling
 * time, and Phrase objects per passage would cost hundreds of megabytes; ids cost a few dozen.
 */
export class PhraseIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly keys: { key: string; words: readonly string[] }[] = [];
  private readonly surfaceIds = new Map<string, number>();
  private readonly surfaces: string[] = [];
  private readonly records: (TextPhrases | undefined)[];

  /** `languages[i]` is text i's language (default English). */
  constructor(
    private readonly texts: readonly string[],
    private readonly languages: readonly (string | undefined)[] = [],
  ) {
    this.records = new Array(texts.length);
  }

  /**
   * Counts the phrases of the texts at `indices`, each text counting a phrase once, and the texts
   * of one voice (`voiceOf`, such as their contribution; default each text its own) once between
   * them, so that one long contribution cannot make its own words the theme's. Texts of one
   * voice must be consecutive in `indices`, as passages in corpus order are. A phrase's kind is
   * the majority's: one mis-tagged "accidental" does not make a noun.
   */
  tally(indices: Iterable<number>, voiceOf?: (i: number) => string): Map<string, PhraseCount> {
    const counts = new Map<string, PhraseCount>();
    const asNoun = new Map<string, number>();
    const whole = new Set<string>();
    // The last voice that counted each phrase: a repeat by the same voice counts for nothing.
    const counted = new Map<number, string>();
    for (const i of indices) {
      const record = this.phrasesOf(i);
      const voice = voiceOf?.(i) ?? `text:${i}`;
      for (let p = 0; p < record.length; p += 3) {
        const id = record[p] as number;
        if (counted.get(id) === voice) continue;
        counted.set(id, voice);
        const { key, words } = this.keys[id] as (typeof this.keys)[number];
        const surface = this.surfaces[record[p + 1] as number] as string;
        const kind = KINDS[record[p + 2] as number] as PhraseKind;
        if (kind === 'noun') whole.add(key);
        if (kind === 'noun' || kind === 'fragment') asNoun.set(key, (asNoun.get(key) ?? 0) + 1);
        const count = counts.get(key);
        if (count === undefined) {
          counts.set(key, { key, kind, words, passages: 1, surfaces: new Map([[surface, 1]]) });
          continue;
        }
        count.passages += 1;
        count.surfaces.set(surface, (count.surfaces.get(surface) ?? 0) + 1);
      }
    }
    for (const [key, nouns] of asNoun) {
      const count = counts.get(key) as PhraseCount;
      if (2 * nouns >= count.passages) count.kind = whole.has(key) ? 'noun' : 'fragment';
      else if (count.kind === 'noun' || count.kind === 'fragment') count.kind = 'other';
    }
    return counts;
  }

  /** Text i's candidate phrases, as `extractPhrases` finds them (in its order). */
  *phrasesAt(i: number): Generator<Phrase> {
    const record = this.phrasesOf(i);
    for (let p = 0; p < record.length; p += 3) {
      const { key, words } = this.keys[record[p] as number] as (typeof this.keys)[number];
      const surface = this.surfaces[record[p + 1] as number] as string;
      yield { key, surface, kind: KINDS[record[p + 2] as number] as PhraseKind, words };
    }
  }

  /**
   * Tags the texts at `indices` now, each once, `onText` hearing each visited: the long part of
   * labelling, done apart so it can show its progress; later tallies read what it kept.
   */
  tag(indices: Iterable<number>, onText: () => void): void {
    for (const i of indices) {
      this.phrasesOf(i);
      onText();
    }
  }

  private phrasesOf(i: number): TextPhrases {
    const known = this.records[i];
    if (known) return known;
    const phrases = extractPhrases(this.texts[i] ?? '', this.languages[i]);
    const record: TextPhrases = new Int32Array(phrases.length * 3);
    phrases.forEach((phrase, p) => {
      record[3 * p] = this.idOf(phrase);
      record[3 * p + 1] = this.surfaceIdOf(phrase.surface);
      record[3 * p + 2] = KINDS.indexOf(phrase.kind);
    });
    this.records[i] = record;
    return record;
  }

  private idOf(phrase: Phrase): number {
    let id = this.keyIds.get(phrase.key);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(phrase.key, id);
      this.keys.push({ key: phrase.key, words: phrase.words });
    }
    return id;
  }

  private surfaceIdOf(surface: string): number {
    let id = this.surfaceIds.get(surface);
    if (id === undefined) {
      id = this.surfaces.length;
      this.surfaceIds.set(surface, id);
      this.surfaces.push(surface);
    }
    return id;
  }
}

/**
 * Counts the phrases of `texts`, each passage counting a phrase once; `languages` gives each
 * text's language (default English).
 */
export function tallyPhrases(
  texts: readonly string[],
  languages: readonly string[] = [],
): Map<string, PhraseCount> {
  return new PhraseIndex(texts, languages).tally(texts.keys());
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
