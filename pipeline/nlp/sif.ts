import { createMatrix, type Matrix } from '../matrix.js';
import { symmetricEigen } from './symmetric-eigen.js';
import type { WordVectors } from './word-vectors.js';

export interface SifOptions {
  /** Smoothing of the word weight a / (a + p(w)); Arora et al. recommend 1e-3. */
  a?: number;
  /** Words in more than this share of the corpus's documents are skipped (default 0.5). */
  maxDfShare?: number;
  /**
   * How much each document counts in those shares and in the common component (default 1
   * each), so that one long contribution does not decide what is common.
   */
  weights?: readonly number[];
  /** Hears each document's vector made, for progress. */
  onDocument?: () => void;
}

/**
 * Sentence vectors after Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline for Sentence
 * Embeddings" (2017): each text is the weighted mean of its words' vectors, rare words weighing
 * more, and the corpus's first principal component is removed. Word probabilities come from the
 * vectors' frequency ranks (Zipf's law), since the package ships no counts. Words common to most
 * of this corpus (the consultation's own topic) are skipped, so vectors separate what differs.
 */
export function sifVectors(
  documents: readonly (readonly string[])[],
  vectors: WordVectors,
  options: SifOptions = {},
): Matrix {
  const a = options.a ?? 1e-3;
  const weightOf = (i: number) => options.weights?.[i] ?? 1;
  const df = new Map<string, number>();
  let total = 0;
  documents.forEach((words, i) => {
    const weight = weightOf(i);
    total += weight;
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + weight);
  });
  const maxDf = (options.maxDfShare ?? 0.5) * total;
  const harmonic = Math.log(vectors.index.size) + 0.5772;
  const out = createMatrix(documents.length, vectors.dims);
  documents.forEach((words, i) => {
    options.onDocument?.();
    let used = 0;
    const row = out.data.subarray(i * out.dims, (i + 1) * out.dims);
    for (const w of words) {
      const rank = vectors.index.get(w);
      if (rank === undefined || (df.get(w) ?? 0) > maxDf) continue;
      const weight = a / (a + 1 / ((rank + 1) * harmonic));
      const base = rank * vectors.dims;
      for (let k = 0; k < vectors.dims; k++)
        row[k] = (row[k] as number) + weight * (vectors.data[base + k] as number);
      used++;
    }
    if (used > 0) for (let k = 0; k < vectors.dims; k++) row[k] = (row[k] as number) / used;
  });
  removeFirstComponent(out, weightOf);
  return out;
}

/**
 * Subtracts from every row its projection on the matrix's first right singular vector, with
 * each row weighing `weightOf(row)` in finding it.
 */
function removeFirstComponent(m: Matrix, weightOf: (row: number) => number): void {
  const d = m.dims;
  const gram = new Float64Array(d * d);
  for (let i = 0; i < m.rows; i++) {
    const base = i * d;
    const weight = weightOf(i);
    for (let p = 0; p < d; p++) {
      const x = weight * (m.data[base + p] as number);
      if (x === 0) continue;
      for (let q = p; q < d; q++)
        gram[p * d + q] = (gram[p * d + q] as number) + x * (m.data[base + q] as number);
    }
  }
  for (let p = 0; p < d; p++)
    for (let q = 0; q < p; q++) gram[p * d + q] = gram[q * d + p] as number;
  const { vectors } = symmetricEigen(gram, d);
  const u = Float64Array.from({ length: d }, (_, p) => vectors[p * d] as number);
  for (let i = 0; i < m.rows; i++) {
    const base = i * d;
    let projection = 0;
    for (let p = 0; p < d; p++) projection += (m.data[base + p] as number) * (u[p] as number);
    for (let p = 0; p < d; p++)
      m.data[base + p] = (m.data[base + p] as number) - projection * (u[p] as number);
  }
}
