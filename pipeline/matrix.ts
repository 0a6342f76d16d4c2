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

/** Scales a vector in place to unit length; a zero vector stays zero. Returns its former norm. */
export function normalise(v: Float32Array): number {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let k = 0; k < v.length; k++) v[k] = (v[k] as number) / norm;
  return norm;
}
