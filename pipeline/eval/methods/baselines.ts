// The reference methods the tool's themes must beat: k-means on TF-IDF or SIF, nearest theme, largest.
import { createMatrix, dot, type Matrix, normalise, rowOf } from '../../matrix.js';
import { sifVectors } from '../../nlp/sif.js';
import { contentWords } from '../../nlp/tokenise.js';
import type { WordVectors } from '../../nlp/word-vectors.js';
import { createRandom } from '../../random.js';
import { type KMeansOptions, kMeans } from './kmeans.js';

/** The name the JSON report gives TF-IDF + k-means, the baseline of its first fields. */
export const BASELINE_NAME = 'tfidf-kmeans';

const tokensOf = (texts: readonly string[], language: string) =>
  texts.map((text) => contentWords(text, language));

/**
 * Dense TF-IDF rows over the documents' vocabulary, L2-normalised (an empty document stays a
 * zero row). idf = ln((1 + n) / (1 + df)) + 1, the smoothed form most toolkits use.
 */
export function tfidfVectors(documents: readonly string[][], sublinear: boolean): Matrix {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const tokens of documents) {
    for (const token of new Set(tokens)) {
      let column = vocabulary.get(token);
      if (column === undefined) {
        column = vocabulary.size;
        vocabulary.set(token, column);
      }
      documentFrequency[column] = (documentFrequency[column] ?? 0) + 1;
    }
  }
  const n = documents.length;
  const idf = documentFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const matrix = createMatrix(n, vocabulary.size);
  documents.forEach((tokens, i) => {
    const row = rowOf(matrix, i);
    for (const token of tokens) {
      const column = vocabulary.get(token) as number;
      row[column] = (row[column] as number) + 1;
    }
    for (let column = 0; column < row.length; column++) {
      const tf = row[column] as number;
      if (tf > 0) row[column] = (sublinear ? 1 + Math.log(tf) : tf) * (idf[column] as number);
    }
    normalise(row);
  });
  return matrix;
}

/** TF-IDF over the texts' own content words, then k-means with `k` (k-means++, restarts). */
export function clusterTfidfKMeans(
  texts: readonly string[],
  language: string,
  k: number,
  seed: number,
  options: KMeansOptions = {},
): Int32Array {
  const vectors = tfidfVectors(tokensOf(texts, language), false);
  return kMeans(vectors, Math.min(k, texts.length), createRandom(seed), options);
}

/**
 * SIF sentence vectors from the bundled word vectors alone (the tool's semantic half, without
 * its TF-IDF half), unit length, then k-means with `k`.
 */
export function clusterSifKMeans(
  texts: readonly string[],
  language: string,
  words: WordVectors,
  k: number,
  seed: number,
  options: KMeansOptions = {},
): Int32Array {
  const vectors = sifVectors(tokensOf(texts, language), words);
  for (let i = 0; i < vectors.rows; i++) normalise(rowOf(vectors, i));
  return kMeans(vectors, Math.min(k, texts.length), createRandom(seed), options);
}

/** Each text's nearest taxonomy entry by TF-IDF cosine; -1 when it shares no word with any. */
export function assignNearestTfidf(
  texts: readonly string[],
  taxonomy: readonly string[],
  language: string,
): Int32Array {
  const vectors = tfidfVectors(tokensOf([...texts, ...taxonomy], language), false);
  const themes = createMatrix(taxonomy.length, vectors.dims);
  themes.data.set(vectors.data.subarray(texts.length * vectors.dims));
  return nearestRows({ rows: texts.length, dims: vectors.dims, data: vectors.data }, themes);
}

/**
 * Each row's nearest theme row by cosine (rows of unit length), no threshold: the argmax.
 * -1 for a row with nothing in common with any theme (a zero vector, or no shared word).
 */
export function nearestRows(rows: Matrix, themes: Matrix): Int32Array {
  const choices = new Int32Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) {
    let best = -1;
    let bestScore = 0;
    for (let t = 0; t < themes.rows; t++) {
      const score = dot(rowOf(rows, i), rowOf(themes, t));
      if (best < 0 ? score !== 0 : score > bestScore) [best, bestScore] = [t, score];
    }
    choices[i] = best;
  }
  return choices;
}

/** The most frequent class among the labels (>= 0), the lowest on a tie; -1 for none. */
export function largestClass(labels: Int32Array): number {
  const sizes = new Map<number, number>();
  for (const label of labels) if (label >= 0) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  let largest = -1;
  for (const [label, size] of sizes) {
    const best = sizes.get(largest) ?? 0;
    if (size > best || (size === best && label < largest)) largest = label;
  }
  return largest;
}
