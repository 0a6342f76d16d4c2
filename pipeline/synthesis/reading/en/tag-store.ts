/**
 * Tagged sentences kept as numbers: two per token (the word's id; the lemma's id and the part of
 * speech), the words interned once. A tagged sentence costs some 200 bytes this way against a
 * few kilobytes as objects, so the synthesis of a large consultation keeps every sentence it
 * tagged instead of tagging it again in each pass over a theme.
 */
import type { PartOfSpeech } from 'wink-nlp';
import type { Tag, TaggedSentence } from './tags.js';

/** wink-nlp's parts of speech, by number. */
const POS: readonly PartOfSpeech[] = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
  'SPACE',
];
const POS_BITS = 5;
const POS_MASK = (1 << POS_BITS) - 1;
const POS_IDS = new Map(POS.map((pos, i) => [pos, i]));

/** Sentences and their tags as numbers, up to `capacity` sentences (then it starts again). */
export class TagStore {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly sentences = new Map<string, Int32Array>();

  /**
   * @param capacity most sentences kept; past it the store is emptied (default 250,000: the
   * sentences of the largest theme of a million contributions, some 60 MB; a million sentences
   * pushed the synthesis of a million contributions against the heap's limit)
   */
  constructor(readonly capacity = 250_000) {}

  /** The tags of `sentence` as stored, or undefined. */
  get(sentence: string): TaggedSentence | undefined {
    const packed = this.sentences.get(sentence);
    if (packed === undefined) return undefined;
    const tags: Tag[] = new Array(packed.length / 2);
    for (let t = 0; t < tags.length; t++) {
      const second = packed[2 * t + 1] as number;
      tags[t] = {
        word: this.words[packed[2 * t] as number] as string,
        pos: POS[second & POS_MASK] as PartOfSpeech,
        lemma: this.words[second >>> POS_BITS] as string,
      };
    }
    return { tags };
  }

  /** Keeps the tags of `sentence`. */
  set(sentence: string, { tags }: TaggedSentence): void {
    if (this.sentences.size >= this.capacity) this.sentences.clear();
    const packed = new Int32Array(tags.length * 2);
    tags.forEach((tag, t) => {
      packed[2 * t] = this.idOf(tag.word);
      packed[2 * t + 1] = (this.idOf(tag.lemma) << POS_BITS) | (POS_IDS.get(tag.pos) ?? 0);
    });
    this.sentences.set(sentence, packed);
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}
