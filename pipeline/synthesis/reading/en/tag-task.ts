// English sentences tagged on worker threads before the synthesis reads them (see `preloadTags`).
import type { WorkerTask } from '../../../workers/worker-task.js';
import { type Tag, type TaggedSentence, tagText } from './tags.js';

/** Between a token's word, lemma and part of speech, and between tokens: never in a word. */
const FIELD = '\u0000';
const TOKEN = '\u0001';

/**
 * Tags each sentence (see `tagText`), as one string per sentence: a string crosses threads far
 * more cheaply than a sentence's twenty-odd tag objects. Null for a sentence whose words hold a
 * separator: it is tagged where it is read.
 */
export const tagSentencesTask: WorkerTask<null, string, string | null> = {
  async prepare() {
    return (sentences) => sentences.map((sentence) => encodeTags(tagText(sentence)));
  },
};

/** A tagged sentence as one string (see `decodeTags`), or null when a word holds a separator. */
export function encodeTags({ tags }: TaggedSentence): string | null {
  const words = tags.flatMap((t) => [t.word, t.lemma]);
  if (words.some((w) => w.includes(FIELD) || w.includes(TOKEN))) return null;
  return tags.map((t) => `${t.word}${FIELD}${t.lemma}${FIELD}${t.pos}`).join(TOKEN);
}

/** The tagged sentence `encodeTags` wrote. */
export function decodeTags(encoded: string): TaggedSentence {
  if (encoded === '') return { tags: [] };
  return {
    tags: encoded.split(TOKEN).map((token) => {
      const [word, lemma, pos] = token.split(FIELD) as [string, string, Tag['pos']];
      return { word, lemma, pos };
    }),
  };
}
