import type { Matrix } from '../matrix.js';
import { cosineSimilarities } from './agglomerative.js';

/** A weighted undirected graph as neighbour lists (each edge appears in both lists). */
export interface Graph {
  neighbours: Int32Array[];
  weights: Float32Array[];
}

/**
 * Each row's `k` most similar rows by cosine, with positive similarity as the edge weight,
 * made symmetric (an edge exists if either end chose the other).
 */
export function nearestNeighbourGraph(
  vectors: Matrix,
  k: number,
  pairwise = cosineSimilarities(vectors),
): Graph {
  const n = vectors.rows;
  const edges = Array.from({ length: n }, () => new Map<number, number>());
  const similarity = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    similarity.set(pairwise.subarray(i * n, (i + 1) * n));
    similarity[i] = Number.NEGATIVE_INFINITY;
    for (const j of topIndices(similarity, Math.min(k, n - 1))) {
      const w = Math.max(0, similarity[j] as number);
      if (w <= 0) continue;
      edges[i]?.set(j, w);
      edges[j]?.set(i, w);
    }
  }
  return {
    neighbours: edges.map((m) => Int32Array.from([...m.keys()].sort((a, b) => a - b))),
    weights: edges.map((m) =>
      Float32Array.from(
        [...m.keys()].sort((a, b) => a - b),
        (j) => m.get(j) ?? 0,
      ),
    ),
  };
}

/** Indexes of the `k` largest values, largest first (lower index on a tie); O(n k). */
function topIndices(values: Float32Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (top.length === k && v <= (values[top[k - 1] as number] as number)) continue;
    let at = top.length;
    while (at > 0 && (values[top[at - 1] as number] as number) < v) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Newman's modularity of a partition at resolution `gamma`: the share of edge weight inside
 * clusters minus what a random graph with the same degrees would put there. Higher is better;
 * gamma above 1 favours more, smaller clusters.
 */
export function modularity(graph: Graph, labels: Int32Array, gamma: number): number {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  graph.neighbours.forEach((list, i) => {
    const ci = labels[i] as number;
    const ws = graph.weights[i] as Float32Array;
    list.forEach((j, e) => {
      const w = ws[e] as number;
      total += w;
      degree.set(ci, (degree.get(ci) ?? 0) + w);
      if (labels[j] === ci) inside.set(ci, (inside.get(ci) ?? 0) + w);
    });
  });
  if (total === 0) return 0;
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / total - gamma * (d / total) ** 2;
  return q;
}
