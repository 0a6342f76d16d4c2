/** A dense row-major matrix of float32: row `i` is `data.subarray(i * dims, (i + 1) * dims)`. */
export interface Matrix {
  rows: number;
  dims: number;
  data: Float32Array;
}

/** A zero matrix of the given shape. */
export function createMatrix(rows: number, dims: number): Matrix {
  return { rows, dims, data: new Float32Array(rows * dims) };
}

/** Row `i` as a view (no copy). */
export function rowOf(matrix: Matrix, i: number): Float32Array {
  return matrix.data.subarray(i * matrix.dims, (i + 1) * matrix.dims);
}

/** Dot product of two equal-length vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

/**
 * Dot product of rows `i` and `j` of a matrix, read in place (no row views): the inner loop of
 * all-pairs similarity, where this runs twice as fast as `dot`.
 */
export function dotRows(matrix: Matrix, i: number, j: number): number {
  const { data, dims } = matrix;
  return dotAt(data, i * dims, data, j * dims, dims);
}

/**
 * Dot product of `length` values of `a` from `aAt` and of `b` from `bAt`, four terms at a time
 * (twice as fast as one at a time in the hot loops that read matrix rows in place).
 */
export function dotAt(
  a: Float32Array,
  aAt: number,
  b: Float32Array,
  bAt: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += (a[aAt + k] as number) * (b[bAt + k] as number);
    s1 += (a[aAt + k + 1] as number) * (b[bAt + k + 1] as number);
    s2 += (a[aAt + k + 2] as number) * (b[bAt + k + 2] as number);
    s3 += (a[aAt + k + 3] as number) * (b[bAt + k + 3] as number);
  }
  for (; k < length; k++) s0 += (a[aAt + k] as number) * (b[bAt + k] as number);
  return s0 + s1 + s2 + s3;
}

/** Scales a vector in place to unit length; a zero vector stays zero. Returns its former norm. */
export function normalise(v: Float32Array): number {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let k = 0; k < v.length; k++) v[k] = (v[k] as number) / norm;
  return norm;
}
