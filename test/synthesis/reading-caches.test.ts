import { describe, expect, it } from 'vitest';
import { tagOnThreads } from '../../pipeline/synthesis/reading/en/tag-preload.js';
import { TagStore } from '../../pipeline/synthesis/reading/en/tag-store.js';
import { decodeTags, encodeTags } from '../../pipeline/synthesis/reading/en/tag-task.js';
import { tagSentence, tagText } from '../../pipeline/synthesis/reading/en/tags.js';
import type { StatementReader } from '../../pipeline/synthesis/reading/reader.js';
import { memoisedReader } from '../../pipeline/synthesis/reading/reader-memo.js';

const SENTENCES = [
  'The council should build more bike lanes on Main Street.',
  "I'm worried that the buses don't run after 9pm!",
  'WE NEED SAFER CROSSINGS NEAR THE SCHOOL',
  'Staff were lovely but the wait was too long.',
];

describe('TagStore', () => {
  it('gives back the tags it kept, word for word', () => {
    const store = new TagStore();
    for (const sentence of SENTENCES) store.set(sentence, tagText(sentence));
    for (const sentence of SENTENCES) expect(store.get(sentence)).toEqual(tagText(sentence));
    expect(store.get('A sentence never kept.')).toBeUndefined();
  });

  it('starts again when full, so its memory is bounded', () => {
    const store = new TagStore(2);
    const [a, b, c] = SENTENCES as [string, string, string];
    store.set(a, tagText(a));
    store.set(b, tagText(b));
    store.set(c, tagText(c));
    expect(store.get(a)).toBeUndefined();
    expect(store.get(c)).toEqual(tagText(c));
  });
});

describe('tags across threads', () => {
  it('encode and decode to the same tags', () => {
    for (const sentence of SENTENCES) {
      const tagged = tagText(sentence);
      const encoded = encodeTags(tagged);
      expect(encoded).not.toBeNull();
      expect(decodeTags(encoded as string)).toEqual(tagged);
    }
    expect(decodeTags(encodeTags({ tags: [] }) as string)).toEqual({ tags: [] });
  });

  it('leave a sentence whose words hold a separator to be tagged where it is read', () => {
    expect(encodeTags({ tags: [{ word: 'a\u0001b', lemma: 'a', pos: 'NOUN' }] })).toBeNull();
  });
});

describe('memoisedReader', () => {
  /** A reader that counts its calls; its kinds depend on the question. */
  function countingReader() {
    const calls = { kinds: 0, dependence: 0 };
    const reader: StatementReader = {
      language: 'en',
      kindsOf(sentence, { question }) {
        calls.kinds++;
        return question === null ? ['proposal'] : [sentence.length > 10 ? 'praise' : 'other'];
      },
      dependenceOf() {
        calls.dependence++;
        return null;
      },
    };
    return { reader, calls };
  }

  it('reads each sentence once per question, with the same answers', () => {
    const { reader, calls } = countingReader();
    const memo = memoisedReader(reader);
    for (let round = 0; round < 3; round++) {
      expect(memo.kindsOf('Build more lanes.', { question: null })).toEqual(['proposal']);
      expect(memo.kindsOf('Build more lanes.', { question: 'What was good?' })).toEqual(['praise']);
      expect(memo.dependenceOf('Build more lanes.')).toBeNull();
    }
    expect(calls).toEqual({ kinds: 2, dependence: 1 });
  });

  it('hands out a new array each time, so a caller changing it changes nothing', () => {
    const memo = memoisedReader(countingReader().reader);
    const first = memo.kindsOf('Build more lanes.', { question: null });
    first.push('concern');
    expect(memo.kindsOf('Build more lanes.', { question: null })).toEqual(['proposal']);
  });
});

describe('tagOnThreads', () => {
  it('tags the distinct sentences on worker threads, the same tags as in this thread', async () => {
    const texts = [...SENTENCES, `${SENTENCES[0]} ${SENTENCES[1]}`];
    const run = { threads: 2, signal: new AbortController().signal, minSentences: 1 };
    expect(await tagOnThreads(texts, run)).toBe(SENTENCES.length);
    for (const sentence of SENTENCES) expect(tagSentence(sentence)).toEqual(tagText(sentence));
    expect(await tagOnThreads(texts, { ...run, threads: 1 })).toBe(0);
    expect(await tagOnThreads(texts, { ...run, minSentences: 5 })).toBe(0);
  });
});
