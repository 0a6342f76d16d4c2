import { maxOf } from '../arrays.js';
import { createMatrix, dot, type Matrix, normalise, rowOf } from '../matrix.js';
import { contentWords } from '../nlp/tokenise.js';
import { createRandom } from '../random.js';
import type { ThemeMethod } from './theme-method.js';

/** The name the eval knows the baseline by. */
export const BASELINE_NAME = 'tfidf-kmeans';

/** Options of the baseline. */
export interface BaselineOptions {
  /** Use 1 + ln(tf) instead of the raw term count. Default: false. */
  sublinearTf?: boolean;
  /** k-means runs from different seedings; the one with the least inertia wins. Default: 10. */
  restarts?: number;
  /** Lloyd iterations per run at most, stopping when no text changes cluster. Default: 300. */
  maxIterations?: number;
}

/**
 * The reference method the project's themes must beat: plain TF-IDF over the texts' own
 * vocabulary, k-means with the true k (k-means++ seeding) for emergent themes, and the nearest
 * taxonomy entry by TF-IDF cosine for guided ones (-1 when a text shares no word with any).
 */
export function createBaselineMethod(options: BaselineOptions = {}): ThemeMethod {
  const sublinear = options.sublinearTf ?? false;
  return {
    name: BASELINE_NAME,
    async cluster(texts, k, seed) {
      const vectors = tfidfVectors(texts.map(englishWords), sublinear);
      return kMeans(vectors, Math.min(k, texts.length), createRandom(seed), options);
    },
    async assign(texts, taxonomy) {
      const vectors = tfidfVectors([...texts, ...taxonomy].map(englishWords), sublinear);
      const choices = new Int32Array(texts.length);
      for (let i = 0; i < texts.length; i++) {
        let best = -1;
        let bestScore = 0;
        for (let j = 0; j < taxonomy.length; j++) {
          const score = dot(rowOf(vectors, i), rowOf(vectors, texts.length + j));
          if (score > bestScore) [best, bestScore] = [j, score];
        }
        choices[i] = best;
      }
      return choices;
    },
  };
}

const englishWords = (text: string) => contentWords(text, 'en');

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

/**
 * Lloyd's k-means on the rows of `points` (squared Euclidean distance), seeded by k-means++ and
 * restarted, keeping the run with the least inertia. A cluster left empty takes the point
 * farthest from its centre. Returns labels 0..k-1 (all -1 when k < 1).
 */
export function kMeans(
  points: Matrix,
  k: number,
  random: () => number,
  options: Pick<BaselineOptions, 'restarts' | 'maxIterations'> = {},
): Int32Array {
  let best = { labels: new Int32Array(points.rows).fill(-1), inertia: Number.POSITIVE_INFINITY };
  if (points.rows === 0 || k < 1) return best.labels;
  for (let run = 0; run < (options.restarts ?? 10); run++) {
    const centres = seedCentres(points, k, random);
    const result = runLloyd(points, centres, options.maxIterations ?? 300);
    if (result.inertia < best.inertia) best = result;
  }
  return best.labels;
}

function runLloyd(points: Matrix, centres: Matrix, maxIterations: number) {
  const labels = new Int32Array(points.rows).fill(-1);
  let { changed, distances } = assignNearest(points, centres, labels);
  for (let iteration = 0; changed && iteration < maxIterations; iteration++) {
    updateCentres(points, centres, labels, distances);
    ({ changed, distances } = assignNearest(points, centres, labels));
  }
  return { labels, inertia: distances.reduce((sum, d) => sum + d, 0) };
}

/** k-means++: each next centre is a point drawn with probability proportional to D². */
function seedCentres(points: Matrix, k: number, random: () => number): Matrix {
  const centres = createMatrix(k, points.dims);
  const nearest = new Float64Array(points.rows).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * points.rows);
  for (let c = 0; c < k; c++) {
    rowOf(centres, c).set(rowOf(points, chosen));
    let total = 0;
    for (let i = 0; i < points.rows; i++) {
      const d = squaredDistance(rowOf(points, i), rowOf(centres, c));
      if (d < (nearest[i] as number)) nearest[i] = d;
      total += nearest[i] as number;
    }
    chosen = total > 0 ? drawWeighted(nearest, total, random) : Math.floor(random() * points.rows);
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

/**
 * Moves every point to its nearest centre (the first on a tie). Returns each point's squared
 * distance to its centre, and whether any point changed cluster.
 */
function assignNearest(points: Matrix, centres: Matrix, labels: Int32Array) {
  const distances = new Float64Array(points.rows);
  let changed = false;
  for (let i = 0; i < points.rows; i++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < centres.rows; c++) {
      const d = squaredDistance(rowOf(points, i), rowOf(centres, c));
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    if (labels[i] !== best) changed = true;
    labels[i] = best;
    distances[i] = bestDistance;
  }
  return { changed, distances };
}

function updateCentres(
  points: Matrix,
  centres: Matrix,
  labels: Int32Array,
  distances: Float64Array,
) {
  centres.data.fill(0);
  const sizes = new Int32Array(centres.rows);
  for (let i = 0; i < points.rows; i++) {
    const c = labels[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
    const centre = rowOf(centres, c);
    const point = rowOf(points, i);
    for (let d = 0; d < point.length; d++) centre[d] = (centre[d] as number) + (point[d] as number);
  }
  for (let c = 0; c < centres.rows; c++) {
    const size = sizes[c] as number;
    if (size > 0) {
      const centre = rowOf(centres, c);
      for (let d = 0; d < centre.length; d++) centre[d] = (centre[d] as number) / size;
      continue;
    }
    const farthest = distances.indexOf(maxOf([...distances]));
    rowOf(centres, c).set(rowOf(points, farthest));
    distances[farthest] = -1;
  }
}

function squaredDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) {
    const diff = (a[d] as number) - (b[d] as number);
    sum += diff * diff;
  }
  return sum;
}
