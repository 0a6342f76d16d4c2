import { contentHash, hashSample } from '../hash-sample.js';
import { createMatrix, type Matrix } from '../matrix.js';
import { countPhase, type PhaseCounter, type PhaseProgress } from '../progress-counter.js';
import { createRandom, gaussian } from '../random.js';
import { symmetricEigen } from './symmetric-eigen.js';
import type { SparseMatrix } from './tfidf.js';

const OVERSAMPLE = 10;
const POWER_ITERATIONS = 2;
/** Seed of the random test matrix: fixed, so the basis depends on the corpus alone. */
const SKETCH_SEED = 0x15a;

/**
 * Latent semantic analysis: the rows of a sparse TF-IDF matrix projected on its top `dims`
 * singular directions (randomized SVD, Halko et al. 2011), so that documents sharing related
 * terms land close together. The directions are fitted on at most `sampleSize` rows (default
 * 5,000, those whose features hash lowest), then every row is projected, so the cost stays linear
 * in the number of non-zeros. A row of weight w under 1 (`weights`, default 1 each) is among the
 * rows fitted with probability w, by its hash, so that one long contribution's passages shape
 * the basis as a few would. Seed-free: the run's seed would otherwise move every theme of a large
 * corpus. `onProgress` hears the fit as steps: each column orthonormalised, each direction of the
 * basis, the projection.
 */
export function latentSemantics(
  a: SparseMatrix,
  dims: number,
  options: {
    sampleSize?: number;
    weights?: readonly number[];
    onProgress?: PhaseProgress | undefined;
  } = {},
): Matrix {
  const random = createRandom(SKETCH_SEED);
  const fit = fittingRows(a, options.sampleSize ?? 5000, options.weights);
  const l = Math.min(dims + OVERSAMPLE, fit.rows, fit.cols);
  const out = createMatrix(a.rows, dims);
  if (l === 0) return out;
  const steps = countPhase(
    options.onProgress,
    'LSA',
    'steps',
    (1 + 2 * POWER_ITERATIONS) * l + dims + 1,
  );
  const omega = Float64Array.from({ length: fit.cols * l }, () => gaussian(random));
  let q = orthonormalise(multiply(fit, omega, l), fit.rows, l, steps);
  for (let i = 0; i < POWER_ITERATIONS; i++) {
    const z = orthonormalise(multiplyTransposed(fit, q, l), fit.cols, l, steps);
    q = orthonormalise(multiply(fit, z, l), fit.rows, l, steps);
  }
  // With C = A^T Q and C^T C = U S^2 U^T, the right singular vectors are V = C U / S, and
  // each row's coordinates are its projection A V.
  const c = multiplyTransposed(fit, q, l);
  const { values, vectors } = symmetricEigen(gramOf(c, fit.cols, l), l);
  const kept = Math.min(dims, l);
  const basis = new Float64Array(a.cols * dims);
  for (let d = 0; d < kept; d++) {
    steps.add();
    const s = Math.sqrt(Math.max(0, values[d] as number));
    if (s < 1e-9) continue;
    for (let r = 0; r < a.cols; r++) {
      let sum = 0;
      for (let k = 0; k < l; k++) sum += (c[r * l + k] as number) * (vectors[k * l + d] as number);
      basis[r * dims + d] = sum / s;
    }
  }
  const projected = multiply(a, basis, dims);
  steps.finish();
  for (let i = 0; i < projected.length; i++) out.data[i] = projected[i] as number;
  return out;
}

/** C^T C for a row-major rows x l matrix. */
function gramOf(c: Float64Array, rows: number, l: number): Float64Array {
  const gram = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < l; i++) {
      const ci = c[r * l + i] as number;
      if (ci === 0) continue;
      for (let j = i; j < l; j++)
        gram[i * l + j] = (gram[i * l + j] as number) + ci * (c[r * l + j] as number);
    }
  }
  for (let i = 0; i < l; i++)
    for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i] as number;
  return gram;
}

/**
 * The rows the basis is fitted on: each row of weight w kept when its hash falls in the lowest
 * share w of hashes (every row at full weight), then the `size` whose hashes are lowest; the
 * matrix itself when that is every row.
 */
function fittingRows(a: SparseMatrix, size: number, weights?: readonly number[]): SparseMatrix {
  const hashOf = (row: number) => {
    const [from, to] = [a.start[row] as number, a.start[row + 1] as number];
    return contentHash(a.col.subarray(from, to), a.value.subarray(from, to));
  };
  const all = Array.from({ length: a.rows }, (_, i) => i);
  const weighed = all.filter((row) => {
    const weight = weights?.[row] ?? 1;
    return weight >= 1 || hashOf(row) < weight * 2 ** 32;
  });
  if (weighed.length === a.rows && a.rows <= size) return a;
  const rows = hashSample(weighed, size, hashOf);
  const start = new Int32Array(rows.length + 1);
  const col: number[] = [];
  const value: number[] = [];
  rows.forEach((row, i) => {
    for (let e = a.start[row] as number; e < (a.start[row + 1] as number); e++) {
      col.push(a.col[e] as number);
      value.push(a.value[e] as number);
    }
    start[i + 1] = col.length;
  });
  return {
    rows: rows.length,
    cols: a.cols,
    start,
    col: Int32Array.from(col),
    value: Float32Array.from(value),
  };
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

/**
 * Orthonormalises the columns of a row-major rows x l matrix in place (modified Gram-Schmidt).
 * The columns are copied out to be contiguous first: walking a column of a tall row-major matrix
 * misses the cache at every row. The arithmetic, and so every bit of the result, is the same.
 * `steps` counts a step per column.
 */
function orthonormalise(
  y: Float64Array,
  rows: number,
  l: number,
  steps: PhaseCounter,
): Float64Array {
  const columns = Array.from({ length: l }, (_, j) => {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = y[i * l + j] as number;
    return column;
  });
  columns.forEach((column, j) => {
    steps.add();
    for (let k = 0; k < j; k++) {
      const earlier = columns[k] as Float64Array;
      let d = 0;
      for (let i = 0; i < rows; i++) d += (column[i] as number) * (earlier[i] as number);
      for (let i = 0; i < rows; i++) column[i] = (column[i] as number) - d * (earlier[i] as number);
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += (column[i] as number) ** 2;
    norm = Math.sqrt(norm);
    // A column dependent on the earlier ones (rank below l) is zeroed rather than amplified.
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let i = 0; i < rows; i++) y[i * l + j] = (column[i] as number) * scale;
    for (let i = 0; i < rows; i++) column[i] = (column[i] as number) * scale;
  });
  return y;
}
