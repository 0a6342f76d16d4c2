import { describe, expect, it } from 'vitest';
import { createBaselineMethod, kMeans, tfidfVectors } from '../../pipeline/eval/baseline.js';
import { adjustedRandIndex } from '../../pipeline/eval/metrics.js';
import { dot, rowOf } from '../../pipeline/matrix.js';
import { contentWords } from '../../pipeline/nlp/tokenise.js';
import { createRandom } from '../../pipeline/random.js';

const TEXTS = [
  'The death penalty deters murder and violent crime.',
  'Executions deter violent crime such as murder.',
  'Capital punishment deters murderers from violent crime.',
  'Innocent people have been executed by mistake.',
  'Courts make mistakes and innocent people get executed.',
  'An innocent person could be executed after a wrongful conviction.',
  'It costs taxpayers more than life in prison.',
  'The appeals make it cost more than prison for life.',
  'Prison for life costs taxpayers less money.',
];
const THEMES = [0, 0, 0, 1, 1, 1, 2, 2, 2];

describe('tfidfVectors', () => {
  it('gives unit rows, zero for a document without words, and weighs rare words more', () => {
    const m = tfidfVectors([['crime', 'murder'], ['crime', 'prison'], []], false);
    expect(m.rows).toBe(3);
    expect(m.dims).toBe(3);
    expect(dot(rowOf(m, 0), rowOf(m, 0))).toBeCloseTo(1, 6);
    expect(dot(rowOf(m, 2), rowOf(m, 2))).toBe(0);
    const [crime, murder] = rowOf(m, 0);
    expect(murder).toBeGreaterThan(crime as number);
  });
});

describe('kMeans', () => {
  it('recovers well-separated clusters and repeats itself for a seed', () => {
    const points = tfidfVectors(
      TEXTS.map((t) => contentWords(t, 'en')),
      false,
    );
    const labels = kMeans(points, 3, createRandom(1));
    expect(new Set(labels).size).toBe(3);
    expect(kMeans(points, 3, createRandom(1))).toEqual(labels);
    const simple = tfidfVectors([['a1'], ['a1'], ['b1'], ['b1'], ['c1', 'a1']], false);
    expect(adjustedRandIndex(kMeans(simple, 2, createRandom(5)), [0, 0, 1, 1, 0])).toBe(1);
  });

  it('returns -1 labels for k = 0 and copes with k larger than the distinct points', () => {
    const points = tfidfVectors([['x'], ['x'], ['x']], false);
    expect([...kMeans(points, 0, createRandom(1))]).toEqual([-1, -1, -1]);
    const labels = kMeans(points, 3, createRandom(1));
    expect(labels.every((label) => label >= 0 && label < 3)).toBe(true);
  });
});

describe('the baseline method', () => {
  const baseline = createBaselineMethod();

  it('clusters with the given k, the same for the same seed', async () => {
    const clusters = await baseline.cluster(TEXTS, 3, 1);
    expect(clusters).toHaveLength(TEXTS.length);
    expect(new Set(clusters).size).toBe(3);
    expect(await baseline.cluster(TEXTS, 3, 1)).toEqual(clusters);
    expect(adjustedRandIndex(THEMES, clusters)).toBe(1);
  });

  it('assigns the nearest taxonomy entry, or -1 when no word is shared', async () => {
    const taxonomy = [
      'It deters crime',
      'Innocent people are executed',
      'It costs more than prison',
    ];
    const choices = await baseline.assign(
      ['Murder and crime are deterred.', 'The innocent get executed.', 'Bananas are yellow.'],
      taxonomy,
    );
    expect([...choices]).toEqual([0, 1, -1]);
  });
});
