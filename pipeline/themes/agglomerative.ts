import { dotRows, type Matrix } from '../matrix.js';

/** One merge of the dendrogram: clusters `a` and `b` joined at average cosine distance `distance`. */
export interface Merge {
  a: number;
  b: number;
  distance: number;
}

/**
 * Average-linkage agglomerative clustering of unit-length rows by cosine distance, with the
 * nearest-neighbour-chain algorithm: O(n^2) time and memory, so callers pass a sample of at
 * most a few thousand rows. Returns the n - 1 merges in order of distance. Deterministic: ties
 * go to the lower index. `similarity` may be passed when the caller has it already.
 */
export function averageLinkage(vectors: Matrix, similarity = cosineSimilarities(vectors)): Merge[] {
  const n = vectors.rows;
  const distance = new Float32Array(similarity.length);
  for (let i = 0; i < distance.length; i++) distance[i] = 1 - (similarity[i] as number);
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1] as number;
    const previous = chain[chain.length - 2];
    const b = nearestActive(distance, active, n, a, previous);
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.length -= 2;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    merges.push({ a: keep, b: drop, distance: distance[a * n + b] as number });
    joinInto(distance, active, size, n, keep, drop);
    remaining--;
  }
  return merges.sort((x, y) => x.distance - y.distance);
}

function nearestActive(
  distance: Float32Array,
  active: Uint8Array,
  n: number,
  a: number,
  prefer: number | undefined,
): number {
  // Preferring the chain's previous element on a tie is what guarantees the chain terminates.
  let best = prefer ?? -1;
  let bestDistance =
    prefer === undefined ? Number.POSITIVE_INFINITY : (distance[a * n + prefer] as number);
  for (let j = 0; j < n; j++) {
    if (j === a || !active[j]) continue;
    const d = distance[a * n + j] as number;
    if (d < bestDistance) {
      best = j;
      bestDistance = d;
    }
  }
  return best;
}

/** Lance-Williams update for average linkage: the joined cluster's distance is the size-weighted mean. */
function joinInto(
  distance: Float32Array,
  active: Uint8Array,
  size: Int32Array,
  n: number,
  keep: number,
  drop: number,
): void {
  const sk = size[keep] as number;
  const sd = size[drop] as number;
  for (let j = 0; j < n; j++) {
    if (!active[j] || j === keep || j === drop) continue;
    const d =
      (sk * (distance[keep * n + j] as number) + sd * (distance[drop * n + j] as number)) /
      (sk + sd);
    distance[keep * n + j] = d;
    distance[j * n + keep] = d;
  }
  size[keep] = sk + sd;
  active[drop] = 0;
}

/** All pairwise cosine similarities of unit-length rows, as an n x n row-major matrix. */
export function cosineSimilarities(vectors: Matrix): Float32Array {
  const n = vectors.rows;
  const similarity = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    similarity[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = dotRows(vectors, i, j);
      similarity[i * n + j] = s;
      similarity[j * n + i] = s;
    }
  }
  return similarity;
}

/** Cluster labels 0..k-1 (numbered by first appearance) after applying the first n - k merges. */
export function cutDendrogram(merges: readonly Merge[], n: number, k: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (const merge of merges.slice(0, Math.max(0, n - k))) parent[find(merge.b)] = find(merge.a);
  const labels = new Int32Array(n);
  const numbering = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (!numbering.has(root)) numbering.set(root, numbering.size);
    labels[i] = numbering.get(root) as number;
  }
  return labels;
}
