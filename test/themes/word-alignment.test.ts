import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { rowOf } from '../../pipeline/matrix.js';
import { contentWords } from '../../pipeline/nlp/tokenise.js';
import { alignmentScores } from '../../pipeline/nlp/word-alignment.js';
import { loadWordVectors, type WordVectors } from '../../pipeline/nlp/word-vectors.js';
import { NO_WORD_VECTORS } from '../helpers/themes.js';

const words = (texts: readonly string[]) => texts.map((text) => contentWords(text, 'en'));

describe('alignmentScores', () => {
  let vectors: WordVectors;

  beforeAll(async () => {
    vectors = await loadWordVectors(defaultCacheDir(process.env));
  }, 120_000);

  const score = (texts: readonly string[], targets: readonly string[]) =>
    alignmentScores(words(texts), words(targets), vectors, 'en');

  it('scores a text against its own words 1, and against unrelated words 0', () => {
    const scores = score(
      ['Bus routes to the hospital'],
      ['bus routes hospital', 'taxes on tobacco'],
    );
    expect(scores.data[0]).toBeCloseTo(1, 5);
    expect(scores.data[1]).toBe(0);
  });

  it('aligns different words of the same meaning', () => {
    const scores = score(
      ['Kids should never be sent to jail'],
      ['Children in prison', 'Teachers and schools'],
    );
    const [prison, schools] = rowOf(scores, 0);
    expect(prison).toBeGreaterThan(0.4);
    expect(prison).toBeGreaterThan(2 * (schools as number));
  });

  it('weighs a word the targets share less than the words that set them apart', () => {
    const targets = ['Gun ownership is a right', 'Gun control is ineffective'];
    const scores = score(['owning a gun is my right', 'guns'], targets);
    const [ownership, control] = rowOf(scores, 0);
    expect(ownership).toBeGreaterThan((control as number) + 0.2);
    const [gunOwnership, gunControl] = rowOf(scores, 1);
    expect(gunOwnership).toBeLessThan(ownership as number);
    expect(gunOwnership).toBeCloseTo(gunControl as number, 1);
  });

  it('keeps scores between 0 and 1, and scores texts without words 0', () => {
    const scores = score(
      ['', '😀 🎉 12345', 'Schools, schools and more schools for every child'],
      ['schools for children', 'child care'],
    );
    for (const value of scores.data) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect([...rowOf(scores, 0)]).toEqual([0, 0]);
    expect([...rowOf(scores, 1)]).toEqual([0, 0]);
    expect(rowOf(scores, 2)[0]).toBeGreaterThan(rowOf(scores, 2)[1] as number);
  });

  it('without word vectors, aligns identical words only', () => {
    const scores = alignmentScores(
      words(['public transport', 'buses']),
      words(['public transport']),
      NO_WORD_VECTORS,
      'en',
    );
    expect(scores.data[0]).toBeCloseTo(1, 5);
    expect(scores.data[1]).toBe(0);
  });

  it('returns an empty matrix for no texts or no targets', () => {
    expect(score([], ['anything']).rows).toBe(0);
    expect(score(['anything'], []).dims).toBe(0);
  });
});
