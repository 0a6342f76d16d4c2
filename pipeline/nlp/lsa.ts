import { createMatrix, type Matrix } from '../matrix.js';
import { createRandom, gaussian } from '../random.js';
import { symmetricEigen } from './symmetric-eigen.js';
import type { SparseMatrix } from './tfidf.js';

const OVERSAMPLE = 10;
const POWER_ITERATIONS = 2;

/**
 * Latent semantic analysis: the rows of a sparse TF-IDF matrix projected on its top `dims`
 * singular directions (randomized SVD, Halko et al. 2011), so that documents sharing related
 * terms land close together. Deterministic for a seed; linear in the number of non-zeros.
 */
export function latentSemantics(a: SparseMatrix, dims: number, seed: number): Matrix {
  const l = Math.min(dims + OVERSAMPLE, a.rows, a.cols);
  const out = createMatrix(a.rows, Math.min(dims, l));
  if (l === 0) return out;
  const random = createRandom(seed);
  const omega = Float64Array.from({ length: a.cols * l }, () => gaussian(random));
  let q = orthonormalise(multiply(a, omega, l), a.rows, l);
  for (let i = 0; i < POWER_ITERATIONS; i++) {
    const z = orthonormalise(multiplyTransposed(a, q, l), a.cols, l);
    q = orthonormalise(multiply(a, z, l), a.rows, l);
  }
  // Q^T A A^T Q = U S^2 U^T; the documents' coordinates are Q U S.
  const c = multiplyTransposed(a, q, l);
  const gram = new Float64Array(l * l);
  for (let r = 0; r < a.cols; r++) {
    for (let i = 0; i < l; i++) {
      const ci = c[r * l + i] as number;
      if (ci === 0) continue;
      for (let j = i; j < l; j++)
        gram[i * l + j] = (gram[i * l + j] as number) + ci * (c[r * l + j] as number);
    }
  }
  for (let i = 0; i < l; i++)
    for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i] as number;
  const { values, vectors } = symmetricEigen(gram, l);
  for (let i = 0; i < a.rows; i++) {
    for (let d = 0; d < out.dims; d++) {
      let sum = 0;
      for (let k = 0; k < l; k++) sum += (q[i * l + k] as number) * (vectors[k * l + d] as number);
      out.data[i * out.dims + d] = sum * Math.sqrt(Math.max(0, values[d] as number));
    }
  }
  return out;
}

/** A (rows x cols, sparse) times M (cols x l, dense row-major). */
function multiply(a: SparseMatrix, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    for (let e = a.start[i] as number; e < (a.start[i + 1] as number); e++) {
      const v = a.value[e] as number;
      const base = (a.col[e] as number) * l;
      for (let j = 0; j < l; j++)
        y[i * l + j] = (y[i * l + j] as number) + v * (m[base + j] as number);
    }
  }
  return y;
}

/** A^T (cols x rows) times Q (rows x l, dense row-major). */
function multiplyTransposed(a: SparseMatrix, q: Float64Array, l: number): Float64Array {
  const z = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    for (let e = a.start[i] as number; e < (a.start[i + 1] as number); e++) {
      const v = a.value[e] as number;
      const base = (a.col[e] as number) * l;
      for (let j = 0; j < l; j++)
        z[base + j] = (z[base + j] as number) + v * (q[i * l + j] as number);
    }
  }
  return z;
}

/** Orthonormalises the columns of a row-major rows x l matrix in place (modified Gram-Schmidt). */
function orthonormalise(y: Float64Array, rows: number, l: number): Float64Array {
  for (let j = 0; j < l; j++) {
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let i = 0; i < rows; i++) d += (y[i * l + j] as number) * (y[i * l + k] as number);
      for (let i = 0; i < rows; i++)
        y[i * l + j] = (y[i * l + j] as number) - d * (y[i * l + k] as number);
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += (y[i * l + j] as number) ** 2;
    norm = Math.sqrt(norm);
    // A column dependent on the earlier ones (rank below l) is zeroed rather than amplified.
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let i = 0; i < rows; i++) y[i * l + j] = (y[i * l + j] as number) * scale;
  }
  return y;
}
