// The run's passage vectors for suggestions and misfits: loaded once per review session, on first use.
import { dotAt, type Matrix, normalise } from '../matrix.js';
import type { ReviewSession } from './session.js';

/** The passages' vectors, read in place, with each row's inverse length for cosines. */
export interface PassageSpace {
  dims: number;
  /** The embed stage's vectors (rows are not copied). */
  matrix: Matrix;
  /** The matrix row of each kept passage that has a vector. */
  rowOf: ReadonlyMap<string, number>;
  /** The kept passage of each row; null for rows of other things (taxonomy themes, examples). */
  idOf: readonly (string | null)[];
  /** 1 / length of each row (0 for a zero row), so a dot product becomes a cosine. */
  inverseNorm: Float32Array;
}

const spaces = new WeakMap<ReviewSession, Promise<PassageSpace>>();

/**
 * The session's passage space, loading the `vectors` artifact on the first call only: opening
 * the app does not wait for it, and every later request of the session shares it.
 */
export function passageSpaceOf(session: ReviewSession): Promise<PassageSpace> {
  let space = spaces.get(session);
  if (!space) {
    space = session.run.load('vectors').then(({ header, matrix }) => {
      const known = new Set(session.facts.passageIds);
      const rowOf = new Map<string, number>();
      const idOf = header.ids.map((id, row) => {
        if (!known.has(id)) return null;
        rowOf.set(id, row);
        return id;
      });
      return { dims: matrix.dims, matrix, rowOf, idOf, inverseNorm: inverseNorms(matrix) };
    });
    // A failed load is not kept: the next request tries again.
    space.catch(() => spaces.delete(session));
    spaces.set(session, space);
  }
  return space;
}

function inverseNorms(matrix: Matrix): Float32Array {
  const out = new Float32Array(matrix.rows);
  const { data, dims } = matrix;
  for (let i = 0; i < matrix.rows; i++) {
    let sum = 0;
    for (let k = i * dims; k < (i + 1) * dims; k++) sum += (data[k] as number) ** 2;
    out[i] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
  return out;
}

/** The sum of the passages' unit vectors (zero when none has a vector). */
export function sumOf(space: PassageSpace, ids: Iterable<string>): Float32Array {
  const { data, dims } = space.matrix;
  const sum = new Float32Array(dims);
  for (const id of ids) {
    const row = space.rowOf.get(id);
    if (row === undefined) continue;
    const scale = space.inverseNorm[row] as number;
    const at = row * dims;
    for (let k = 0; k < dims; k++) sum[k] = (sum[k] as number) + (data[at + k] as number) * scale;
  }
  return sum;
}

/**
 * The unit-length mean direction of the passages' unit vectors (zero when none has a vector):
 * what a set of passages is about, each counting once whatever its length.
 */
export function centroidOf(space: PassageSpace, ids: Iterable<string>): Float32Array {
  const sum = sumOf(space, ids);
  normalise(sum);
  return sum;
}

/** The cosine between a passage (by row) and a unit vector: the inner loop of every suggestion. */
export function cosineTo(space: PassageSpace, row: number, unit: Float32Array): number {
  const { data, dims } = space.matrix;
  return dotAt(data, row * dims, unit, 0, dims) * (space.inverseNorm[row] as number);
}
