import { contentHash, hashSample } from '../hash-sample.js';
import { createMatrix, dot, type Matrix, normalise, rowOf } from '../matrix.js';
import { averageLinkage, cosineSimilarities, cutDendrogram } from './agglomerative.js';
import { modularity, nearestNeighbourGraph } from './knn-graph.js';

export interface ClusterOptions {
  /** Most clusters to return (default 12). */
  maxClusters: number;
  /** Smallest cluster kept; members of smaller ones join their nearest cluster. */
  minClusterSize: number;
  /** Rows clustered exactly; larger inputs are clustered on a hash-chosen sample of this size. */
  sampleSize?: number;
  /** Neighbours per row in the graph whose modularity picks the number of clusters. */
  neighbours?: number;
  /** Modularity resolution: above 1 favours more, smaller clusters. */
  resolution?: number;
  /**
   * Clusters wanted: the dendrogram is cut where it first yields this many (after small clusters
   * are absorbed), or as near as it comes, instead of at the best modularity; `maxClusters` is
   * then ignored. Default: unset.
   */
  count?: number | undefined;
  /**
   * The rows the clusters are found on (see `fittingPositions`); the other rows join the
   * nearest cluster found. Default: every row.
   */
  fitRows?: readonly number[] | undefined;
}

/** A partition of the rows: `labels[i]` in 0..k-1, or -1 for a row with nothing to cluster on. */
export interface Clustering {
  labels: Int32Array;
  k: number;
  /** Unit-length mean of each cluster's rows. */
  centroids: Matrix;
  /** The criterion for each number of clusters tried. */
  scores: { k: number; score: number }[];
}

const DEFAULTS = { sampleSize: 1500, neighbours: 8, resolution: 1 };

/**
 * Finds clusters and their number: average-linkage agglomerative clustering, cut at the level
 * whose partition (after small clusters join their nearest large one) has the highest modularity
 * on the nearest-neighbour graph. Seed-free: a larger input is clustered on the rows whose vectors
 * hash lowest (the same for any seed or row order). Zero rows (texts with no known words) get -1.
 */
export function clusterVectors(vectors: Matrix, options: ClusterOptions): Clustering {
  const settings = { ...DEFAULTS, ...options };
  const valid = nonZeroRows(vectors);
  const fitting = fittingRows(valid, options.fitRows);
  const sample = hashSample(fitting, settings.sampleSize, (row) =>
    contentHash(rowOf(vectors, row)),
  );
  const sampled = selectRows(vectors, sample);
  // The minimum size is in rows of the input; on a sample it shrinks in proportion.
  const scale = sample.length / Math.max(1, fitting.length);
  const minClusterSize = Math.max(2, Math.round(settings.minClusterSize * scale));
  const candidates =
    settings.count === undefined
      ? candidatePartitions(sampled, { ...settings, minClusterSize })
      : [partitionWithCount(sampled, settings.count, { ...settings, minClusterSize })];
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const centroids = centroidsOf(sampled, best.labels, best.k);
  const labels = new Int32Array(vectors.rows).fill(-1);
  if (sample.length === valid.length)
    for (const [i, row] of sample.entries()) labels[row] = best.labels[i] as number;
  else for (const row of valid) labels[row] = nearestCentroid(rowOf(vectors, row), centroids);
  return {
    labels,
    k: best.k,
    centroids: centroidsOf(vectors, labels, best.k),
    scores: candidates.map(({ k, score }) => ({ k, score })),
  };
}

interface Candidate {
  k: number;
  labels: Int32Array;
  score: number;
}

type Settings = typeof DEFAULTS & Omit<ClusterOptions, 'count'>;

/** Every row in one cluster (none for no rows). */
function singleCluster(rows: Matrix): Candidate {
  return { k: rows.rows > 0 ? 1 : 0, labels: new Int32Array(rows.rows), score: 0 };
}

/** One partition per dendrogram level that yields 1..maxClusters clusters of the minimum size. */
function candidatePartitions(rows: Matrix, settings: Settings): Candidate[] {
  const single = singleCluster(rows);
  if (rows.rows < 2 * settings.minClusterSize) return [single];
  // One similarity matrix serves both the dendrogram and the graph that judges its cuts.
  const similarity = cosineSimilarities(rows);
  const merges = averageLinkage(rows, similarity);
  const graph = nearestNeighbourGraph(rows, settings.neighbours, similarity);
  const byK = new Map<number, Candidate>([[1, single]]);
  for (let cut = 2; cut <= Math.min(rows.rows, settings.maxClusters * 4); cut++) {
    const { labels, k } = absorbSmallClusters(
      rows,
      cutDendrogram(merges, rows.rows, cut),
      settings.minClusterSize,
    );
    if (k > settings.maxClusters) break;
    if (byK.has(k)) continue;
    byK.set(k, { k, labels, score: modularity(graph, labels, settings.resolution) });
  }
  return [...byK.values()];
}

/**
 * The first dendrogram level with `count` clusters of the minimum size (smaller ones absorbed),
 * or the level with the most such clusters when none has that many. Scored by modularity too.
 */
function partitionWithCount(rows: Matrix, count: number, settings: Settings): Candidate {
  if (rows.rows < 2 * settings.minClusterSize || count <= 1) return singleCluster(rows);
  const similarity = cosineSimilarities(rows);
  const merges = averageLinkage(rows, similarity);
  let best = { cut: 1, k: 1 };
  // One more cut splits one cluster, so the count of large clusters moves by at most one.
  for (let cut = Math.min(count, rows.rows); cut <= rows.rows && best.k < count; cut++) {
    const k = countLarge(cutDendrogram(merges, rows.rows, cut), settings.minClusterSize);
    if (k > best.k) best = { cut, k };
  }
  const cut = cutDendrogram(merges, rows.rows, best.cut);
  const { labels, k } = absorbSmallClusters(rows, cut, settings.minClusterSize);
  const graph = nearestNeighbourGraph(rows, settings.neighbours, similarity);
  return { k, labels, score: modularity(graph, labels, settings.resolution) };
}

function countLarge(labels: Int32Array, minSize: number): number {
  const sizes = new Map<number, number>();
  for (const c of labels) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let large = 0;
  for (const size of sizes.values()) if (size >= minSize) large++;
  return large;
}

/** Moves the members of clusters under `minSize` to the nearest large cluster; renumbers. */
function absorbSmallClusters(
  rows: Matrix,
  labels: Int32Array,
  minSize: number,
): { labels: Int32Array; k: number } {
  const sizes = new Map<number, number>();
  for (const c of labels) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const large = [...sizes].filter(([, size]) => size >= minSize).map(([c]) => c);
  if (large.length === 0) return { labels: new Int32Array(labels.length), k: 1 };
  const renumber = new Map(large.map((c, i) => [c, i]));
  const kept = Int32Array.from(labels, (c) => renumber.get(c) ?? -1);
  const centroids = centroidsOf(rows, kept, large.length);
  const out = Int32Array.from(kept, (c, i) =>
    c >= 0 ? c : nearestCentroid(rowOf(rows, i), centroids),
  );
  return { labels: out, k: large.length };
}

/** Unit-length means of each cluster's rows (rows labelled -1 are ignored). */
export function centroidsOf(rows: Matrix, labels: Int32Array, k: number): Matrix {
  const centroids = createMatrix(k, rows.dims);
  labels.forEach((c, i) => {
    if (c < 0) return;
    const target = rowOf(centroids, c);
    const source = rowOf(rows, i);
    for (let d = 0; d < rows.dims; d++) target[d] = (target[d] as number) + (source[d] as number);
  });
  for (let c = 0; c < k; c++) normalise(rowOf(centroids, c));
  return centroids;
}

/** Index of the centroid most similar to `v` (lowest index on a tie). */
export function nearestCentroid(v: Float32Array, centroids: Matrix): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < centroids.rows; c++) {
    const score = dot(v, rowOf(centroids, c));
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The valid rows among `fitRows` (all valid rows when none are given, or none of them is). */
function fittingRows(valid: readonly number[], fitRows: readonly number[] | undefined): number[] {
  if (fitRows === undefined) return [...valid];
  const wanted = new Set(fitRows);
  const fitting = valid.filter((row) => wanted.has(row));
  return fitting.length > 0 ? fitting : [...valid];
}

function nonZeroRows(vectors: Matrix): number[] {
  const rows: number[] = [];
  for (let i = 0; i < vectors.rows; i++) {
    const v = rowOf(vectors, i);
    if (dot(v, v) > 0) rows.push(i);
  }
  return rows;
}

/** The given rows as a new matrix. */
export function selectRows(vectors: Matrix, rows: readonly number[]): Matrix {
  const out = createMatrix(rows.length, vectors.dims);
  for (const [i, row] of rows.entries()) out.data.set(rowOf(vectors, row), i * vectors.dims);
  return out;
}
