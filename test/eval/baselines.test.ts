import { describe, expect, it } from 'vitest';
import {
  assignNearestTfidf,
  clusterSifKMeans,
  clusterTfidfKMeans,
  largestClass,
  nearestRows,
  tfidfVectors,
} from '../../pipeline/eval/methods/baselines.js';
import { kMeans } from '../../pipeline/eval/methods/kmeans.js';
import { adjustedRandIndex } from '../../pipeline/eval/metrics.js';
import { dot, rowOf } from '../../pipeline/matrix.js';
import { contentWords } from '../../pipeline/nlp/tokenise.js';
import { createRandom } from '../../pipeline/random.js';
import { NO_WORD_VECTORS, unitRows } from '../helpers/themes.js';

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

  it('clusters dense rows (sentence vectors) the same way', () => {
    const points = unitRows([
      [1, 0.1, 0],
      [0.9, 0.2, 0.1],
      [0.1, 1, 0.1],
      [0.2, 0.9, 0],
    ]);
    expect(adjustedRandIndex(kMeans(points, 2, createRandom(3)), [0, 0, 1, 1])).toBe(1);
  });

  it('returns -1 labels for k = 0 and copes with k larger than the distinct points', () => {
    const points = tfidfVectors([['x'], ['x'], ['x']], false);
    expect([...kMeans(points, 0, createRandom(1))]).toEqual([-1, -1, -1]);
    const labels = kMeans(points, 3, createRandom(1));
    expect(labels.every((label) => label >= 0 && label < 3)).toBe(true);
  });
});

describe('the k-means baselines', () => {
  it('cluster with the given k, the same for the same seed', () => {
    const clusters = clusterTfidfKMeans(TEXTS, 'en', 3, 1);
    expect(new Set(clusters).size).toBe(3);
    expect(clusterTfidfKMeans(TEXTS, 'en', 3, 1)).toEqual(clusters);
    expect(adjustedRandIndex(THEMES, clusters)).toBe(1);
    // Without word vectors every SIF vector is zero: one point, whatever k.
    const sif = clusterSifKMeans(TEXTS, 'en', NO_WORD_VECTORS, 3, 1);
    expect(sif).toHaveLength(TEXTS.length);
  });
});

describe('the nearest-theme and largest-theme baselines', () => {
  it('assign the nearest taxonomy entry by TF-IDF, or -1 when no word is shared', () => {
    const taxonomy = [
      'It deters crime',
      'Innocent people are executed',
      'It costs more than prison',
    ];
    const choices = assignNearestTfidf(
      ['Murder and crime are deterred.', 'The innocent get executed.', 'Bananas are yellow.'],
      taxonomy,
      'en',
    );
    expect([...choices]).toEqual([0, 1, -1]);
  });

  it('take the argmax of the cosines, negative ones too, and -1 for a zero vector', () => {
    const themes = unitRows([
      [1, 0],
      [0, 1],
    ]);
    const rows = unitRows([
      [0.2, 0.9],
      [-1, -0.5],
      [0, 0],
    ]);
    expect([...nearestRows(rows, themes)]).toEqual([1, 1, -1]);
  });

  it('find the largest class, the lowest on a tie, ignoring texts without one', () => {
    expect(largestClass(Int32Array.from([2, 1, 2, 1, -1, -1, -1]))).toBe(1);
    expect(largestClass(Int32Array.from([0, 3, 3]))).toBe(3);
    expect(largestClass(Int32Array.from([-1]))).toBe(-1);
  });
});
