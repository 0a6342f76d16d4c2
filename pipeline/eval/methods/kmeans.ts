// k-means for the eval's baselines: Lloyd's algorithm on rows kept as their non-zero entries.
import type { Matrix } from '../../matrix.js';

/** Options of `kMeans`. */
export interface KMeansOptions {
  /** k-means runs from different seedings; the one with the least inertia wins. Default: 10. */
  restarts?: number;
  /** Lloyd iterations per run at most, stopping when no point changes cluster. Default: 300. */
  maxIterations?: number;
}

/**
 * Rows as their non-zero entries (row i's are at starts[i]..starts[i+1]) and squared norms, so
 * that a TF-IDF row costs the words its text has rather than the whole vocabulary. Mostly dense
 * rows (sentence vectors) keep `dense` instead, which is read faster.
 */
interface SparseRows {
  dims: number;
  starts: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  norms: Float64Array;
  dense: Float32Array | null;
}

/** Above this share of non-zero entries, rows are read densely. */
const DENSE_SHARE = 0.5;

/** Dense centres and their squared norms. */
interface Centres {
  data: Float64Array;
  norms: Float64Array;
}

/**
 * Lloyd's k-means on the rows of `points` (squared Euclidean distance), seeded by k-means++ and
 * restarted, keeping the run with the least inertia. A cluster left empty takes the point
 * farthest from its centre. Returns labels 0..k-1 (all -1 when k < 1).
 */
export function kMeans(
  points: Matrix,
  k: number,
  random: () => number,
  options: KMeansOptions = {},
): Int32Array {
  let best = { labels: new Int32Array(points.rows).fill(-1), inertia: Number.POSITIVE_INFINITY };
  if (points.rows === 0 || k < 1) return best.labels;
  const rows = sparseRowsOf(points);
  for (let run = 0; run < (options.restarts ?? 10); run++) {
    const centres = seedCentres(rows, k, random);
    const result = runLloyd(rows, centres, options.maxIterations ?? 300);
    if (result.inertia < best.inertia) best = result;
  }
  return best.labels;
}

function sparseRowsOf(points: Matrix): SparseRows {
  const starts = new Int32Array(points.rows + 1);
  const columns: number[] = [];
  const values: number[] = [];
  const norms = new Float64Array(points.rows);
  for (let i = 0; i < points.rows; i++) {
    for (let d = 0; d < points.dims; d++) {
      const value = points.data[i * points.dims + d] as number;
      if (value === 0) continue;
      columns.push(d);
      values.push(value);
      norms[i] = (norms[i] as number) + value * value;
    }
    starts[i + 1] = columns.length;
  }
  const dense = columns.length > DENSE_SHARE * points.rows * points.dims;
  return {
    dims: points.dims,
    starts,
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    norms,
    dense: dense ? points.data : null,
  };
}

function rowCount(rows: SparseRows): number {
  return rows.starts.length - 1;
}

/** Squared distance of row i to centre c: |x|² + |c|² - 2 x·c, over x's non-zero entries. */
function distance(rows: SparseRows, i: number, centres: Centres, c: number): number {
  let product = 0;
  const base = c * rows.dims;
  const { dense, dims } = rows;
  if (dense !== null) {
    for (let d = 0, at = i * dims; d < dims; d++, at++) {
      product += (dense[at] as number) * (centres.data[base + d] as number);
    }
    return Math.max(0, (rows.norms[i] as number) + (centres.norms[c] as number) - 2 * product);
  }
  for (let e = rows.starts[i] as number; e < (rows.starts[i + 1] as number); e++) {
    product +=
      (rows.values[e] as number) * (centres.data[base + (rows.columns[e] as number)] as number);
  }
  return Math.max(0, (rows.norms[i] as number) + (centres.norms[c] as number) - 2 * product);
}

/** Sets centre c to row i. */
function placeCentre(rows: SparseRows, i: number, centres: Centres, c: number): void {
  const base = c * rows.dims;
  centres.data.fill(0, base, base + rows.dims);
  for (let e = rows.starts[i] as number; e < (rows.starts[i + 1] as number); e++) {
    centres.data[base + (rows.columns[e] as number)] = rows.values[e] as number;
  }
  centres.norms[c] = rows.norms[i] as number;
}

/** k-means++: each next centre is a point drawn with probability proportional to D². */
function seedCentres(rows: SparseRows, k: number, random: () => number): Centres {
  const n = rowCount(rows);
  const centres = { data: new Float64Array(k * rows.dims), norms: new Float64Array(k) };
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    placeCentre(rows, chosen, centres, c);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = distance(rows, i, centres, c);
      if (d < (nearest[i] as number)) nearest[i] = d;
      total += nearest[i] as number;
    }
    chosen = total > 0 ? drawWeighted(nearest, total, random) : Math.floor(random() * n);
  }
  return centres;
}

function drawWeighted(weights: Float64Array, total: number, random: () => number): number {
  let target = random() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function runLloyd(rows: SparseRows, centres: Centres, maxIterations: number) {
  const labels = new Int32Array(rowCount(rows)).fill(-1);
  let { changed, distances } = assignNearest(rows, centres, labels);
  for (let iteration = 0; changed && iteration < maxIterations; iteration++) {
    updateCentres(rows, centres, labels, distances);
    ({ changed, distances } = assignNearest(rows, centres, labels));
  }
  return { labels, inertia: distances.reduce((sum, d) => sum + d, 0) };
}

/**
 * Moves every point to its nearest centre (the first on a tie). Returns each point's squared
 * distance to its centre, and whether any point changed cluster.
 */
function assignNearest(rows: SparseRows, centres: Centres, labels: Int32Array) {
  const distances = new Float64Array(labels.length);
  let changed = false;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < centres.norms.length; c++) {
      const d = distance(rows, i, centres, c);
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    if (labels[i] !== best) changed = true;
    labels[i] = best;
    distances[i] = bestDistance;
  }
  return { changed, distances };
}

/** Each centre becomes its points' mean; an empty one takes the farthest point not yet taken. */
function updateCentres(
  rows: SparseRows,
  centres: Centres,
  labels: Int32Array,
  distances: Float64Array,
) {
  const k = centres.norms.length;
  centres.data.fill(0);
  const sizes = new Int32Array(k);
  labels.forEach((c, i) => {
    sizes[c] = (sizes[c] as number) + 1;
    for (let e = rows.starts[i] as number; e < (rows.starts[i + 1] as number); e++) {
      const at = c * rows.dims + (rows.columns[e] as number);
      centres.data[at] = (centres.data[at] as number) + (rows.values[e] as number);
    }
  });
  for (let c = 0; c < k; c++) {
    const size = sizes[c] as number;
    if (size === 0) {
      const farthest = farthestPoint(distances);
      placeCentre(rows, farthest, centres, c);
      distances[farthest] = -1;
      continue;
    }
    let norm = 0;
    for (let d = c * rows.dims; d < (c + 1) * rows.dims; d++) {
      const value = (centres.data[d] as number) / size;
      centres.data[d] = value;
      norm += value * value;
    }
    centres.norms[c] = norm;
  }
}

function farthestPoint(distances: Float64Array): number {
  let farthest = 0;
  for (let i = 1; i < distances.length; i++) {
    if ((distances[i] as number) > (distances[farthest] as number)) farthest = i;
  }
  return farthest;
}
