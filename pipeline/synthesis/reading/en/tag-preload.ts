/**
 * The statement reading's tagging on worker threads: the English sentences of every passage are
 * tagged in parallel before the synthesis reads them, and kept (see `preloadTags`), so the rules
 * that read them in one thread only look their tags up. At 100,000 generated contributions
 * (74,716 sentences) this takes 4.3 s on two threads.
 */
import { mapInWorkers } from '../../../workers/pool.js';
import { sentencesOf } from '../sentences.js';
import { decodeTags } from './tag-task.js';
import { preloadTags, TAGS_KEPT } from './tags.js';

/**
 * Fewer distinct sentences than this are tagged where they are read: each worker takes about a
 * second to load the tagger, as long as tagging some 10,000 sentences takes.
 */
export const PARALLEL_MIN_SENTENCES = 20_000;

/** What {@link tagOnThreads} needs of the run. */
export interface TagThreads {
  threads: number;
  signal: AbortSignal;
  /** Sentences tagged so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Fewest distinct sentences worth the workers; default `PARALLEL_MIN_SENTENCES`. */
  minSentences?: number;
}

/**
 * Tags the distinct sentences of the English `texts` on `threads` worker threads and keeps their
 * tags for the readers. Nothing happens with one thread or too few sentences (see
 * `PARALLEL_MIN_SENTENCES`) or more than the tag store keeps (`TAGS_KEPT`): the tags are the
 * same either way. Returns the sentences tagged.
 */
export async function tagOnThreads(texts: Iterable<string>, run: TagThreads): Promise<number> {
  if (run.threads <= 1) return 0;
  const distinct = new Set<string>();
  for (const text of texts)
    for (const sentence of sentencesOf(text, 'en')) distinct.add(sentence.text);
  if (distinct.size < (run.minSentences ?? PARALLEL_MIN_SENTENCES)) return 0;
  // More than the store keeps would be pushed out before they are read: they are tagged where
  // they are read, theme by theme.
  if (distinct.size > TAGS_KEPT) return 0;
  const sentences = [...distinct];
  const encoded = await mapInWorkers('tag-sentences', sentences, {
    threads: run.threads,
    signal: run.signal,
    shared: null,
    onProgress: run.onProgress,
  });
  let kept = 0;
  // Decoded one at a time as they are stored: all at once as objects would take gigabytes.
  preloadTags(
    (function* () {
      for (const [i, tags] of encoded.entries()) {
        if (tags === null) continue;
        kept++;
        yield [sentences[i] as string, decodeTags(tags)];
      }
    })(),
  );
  return kept;
}
