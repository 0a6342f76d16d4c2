/**
 * One phrase index per synthesis corpus: the key points' labels of every theme and the
 * cross-cutting terms read the same passages, and tagging each passage once instead of once per
 * reader took a fifth off the synthesis of 100,000 contributions.
 */
import { PhraseIndex } from '../../themes/phrase-counts.js';
import type { SynthesisCorpus } from './corpus.js';

const indexes = new WeakMap<readonly unknown[], PhraseIndex>();

/**
 * The phrase index over the corpus's passages (index i for passage i), built on first use and
 * kept while the passages are. Phrases are read as English: the cross-cutting terms take only
 * English passages, and the key points' labels have always read every passage so.
 */
export function passagePhrases(corpus: Pick<SynthesisCorpus, 'passages'>): PhraseIndex {
  let index = indexes.get(corpus.passages);
  if (index === undefined) {
    index = new PhraseIndex(corpus.passages.map((p) => p.text));
    indexes.set(corpus.passages, index);
  }
  return index;
}
