import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../pipeline/eval/metrics.js';
import { createMatrix, type Matrix, normalise, rowOf } from '../../pipeline/matrix.js';
import { createRandom, gaussian } from '../../pipeline/random.js';
import { clusterVectors, selectRows } from '../../pipeline/themes/emergent.js';

const DIMS = 20;
const PER_GROUP = 30;

/**
 * `groups` random unit directions in 20 dimensions, and `PER_GROUP` unit vectors scattered
 * around each (rows grouped in order: group g is rows g*30..g*30+29).
 */
function syntheticGroups(groups: number, seed: number, noise = 0.05): Matrix {
  const random = createRandom(seed);
  const centres = Array.from({ length: groups }, () =>
    Float32Array.from({ length: DIMS }, () => gaussian(random)),
  );
  const out = createMatrix(groups * PER_GROUP, DIMS);
  centres.forEach((centre, g) => {
    normalise(centre);
    for (let i = 0; i < PER_GROUP; i++) {
      const row = rowOf(out, g * PER_GROUP + i);
      for (let d = 0; d < DIMS; d++) row[d] = (centre[d] as number) + noise * gaussian(random);
      normalise(row);
    }
  });
  return out;
}

/** Whether `labels` put each group of 30 rows in one cluster and different groups apart. */
function recoversGroups(labels: Int32Array, groups: number): boolean {
  const byGroup = Array.from(
    { length: groups },
    (_, g) => new Set(labels.subarray(g * PER_GROUP, (g + 1) * PER_GROUP)),
  );
  const firsts = byGroup.map((set) => [...set][0]);
  return byGroup.every((set) => set.size === 1) && new Set(firsts).size === groups;
}

/** The rows of `m` in reverse order. */
function reversed(m: Matrix): Matrix {
  return selectRows(
    m,
    Array.from({ length: m.rows }, (_, i) => m.rows - 1 - i),
  );
}

const OPTIONS = { maxClusters: 12, minClusterSize: 3 };

describe('clusterVectors', () => {
  it('finds three clusters in three well-separated groups', () => {
    const vectors = syntheticGroups(3, 42);
    const clustering = clusterVectors(vectors, OPTIONS);
    expect(clustering.k).toBe(3);
    expect(recoversGroups(clustering.labels, 3)).toBe(true);
    const best = clustering.scores.reduce((a, b) => (b.score > a.score ? b : a));
    expect(best.k).toBe(3);
    expect(clustering.centroids.rows).toBe(3);
  });

  it('is deterministic, on the exact and the sampled path, whatever the row order', () => {
    const vectors = syntheticGroups(3, 7);
    for (const sampleSize of [2000, 45]) {
      const a = clusterVectors(vectors, { ...OPTIONS, sampleSize });
      const b = clusterVectors(reversed(vectors), { ...OPTIONS, sampleSize });
      // The sample is chosen by content, so reversed rows give the same partition, reversed.
      expect(adjustedRandIndex([...a.labels], [...b.labels].reverse())).toBe(1);
      expect(b.scores.map((s) => s.k)).toEqual(a.scores.map((s) => s.k));
      expect(a.k).toBe(3);
      expect(recoversGroups(a.labels, 3)).toBe(true);
    }
  });

  it('never returns more than maxClusters', () => {
    const clustering = clusterVectors(syntheticGroups(3, 11), { ...OPTIONS, maxClusters: 2 });
    expect(clustering.k).toBeLessThanOrEqual(2);
    expect(Math.max(...clustering.labels)).toBeLessThan(clustering.k);
  });

  it('cuts at the count asked for, beyond maxClusters, or as near as the data allows', () => {
    const vectors = syntheticGroups(6, 3);
    const natural = clusterVectors(vectors, OPTIONS);
    expect(natural.k).toBe(6);
    const three = clusterVectors(vectors, { ...OPTIONS, count: 3 });
    expect(three.k).toBe(3);
    expect(three.scores.map((s) => s.k)).toEqual([3]);
    // Each group stays whole: three clusters are unions of the six groups.
    const merged = clusterVectors(vectors, { ...OPTIONS, count: 5, maxClusters: 2 });
    expect(merged.k).toBe(5);
    // 180 rows in clusters of at least 40 cannot make 8: the most the dendrogram gives.
    const most = clusterVectors(vectors, { ...OPTIONS, count: 8, minClusterSize: 40 });
    expect(most.k).toBeLessThanOrEqual(4);
    expect(most.k).toBeGreaterThanOrEqual(1);
  });

  it('labels zero rows -1 and clusters the rest', () => {
    const vectors = syntheticGroups(2, 5);
    rowOf(vectors, 0).fill(0);
    rowOf(vectors, 45).fill(0);
    const clustering = clusterVectors(vectors, OPTIONS);
    expect(clustering.labels[0]).toBe(-1);
    expect(clustering.labels[45]).toBe(-1);
    expect(clustering.labels.filter((c) => c < 0)).toHaveLength(2);
    expect(clustering.k).toBe(2);
  });

  it('returns one cluster for too few rows and none for no rows', () => {
    const few = clusterVectors(firstRows(syntheticGroups(1, 2), 5), OPTIONS);
    expect(few.k).toBe(1);
    expect([...few.labels]).toEqual([0, 0, 0, 0, 0]);
    const none = clusterVectors(createMatrix(0, DIMS), OPTIONS);
    expect(none.k).toBe(0);
    expect(none.labels).toHaveLength(0);
  });
});

/** The first `rows` rows of a matrix. */
function firstRows(matrix: Matrix, rows: number): Matrix {
  return { rows, dims: matrix.dims, data: matrix.data.slice(0, rows * matrix.dims) };
}

describe('clusterVectors on a sample', () => {
  it('applies the minimum cluster size in proportion to the sample, not to its rows', () => {
    // 90 rows clustered on a sample of 30: a minimum of 20 input rows is about 7 sampled ones.
    const vectors = syntheticGroups(3, 4);
    const clustering = clusterVectors(vectors, { ...OPTIONS, minClusterSize: 20, sampleSize: 30 });
    expect(clustering.k).toBe(3);
    expect(recoversGroups(clustering.labels, 3)).toBe(true);
  });
});
