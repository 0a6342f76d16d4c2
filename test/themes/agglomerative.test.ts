import { describe, expect, it } from 'vitest';
import { dot, rowOf } from '../../pipeline/matrix.js';
import { averageLinkage, cutDendrogram } from '../../pipeline/themes/agglomerative.js';
import { unitRows } from '../helpers/themes.js';

// Two obvious groups, interleaved so that numbering by first appearance is visible:
// rows 0, 2, 4 point along x; rows 1, 3, 5 along y.
const VECTORS = unitRows([
  [1, 0.1, 0],
  [0.1, 1, 0],
  [1, 0, 0.1],
  [0, 1, 0.2],
  [1, 0.2, 0.1],
  [0.1, 1, 0.1],
]);
const X = [0, 2, 4];
const Y = [1, 3, 5];

describe('averageLinkage', () => {
  it('returns n - 1 merges in order of distance, joining the two groups last', () => {
    const merges = averageLinkage(VECTORS);
    expect(merges).toHaveLength(5);
    const distances = merges.map((m) => m.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const merge of merges) expect(merge.a).toBeLessThan(merge.b);
    // The last merge joins the groups at their average pairwise cosine distance.
    const across = X.flatMap((i) => Y.map((j) => 1 - dot(rowOf(VECTORS, i), rowOf(VECTORS, j))));
    const average = across.reduce((a, b) => a + b, 0) / across.length;
    expect(merges[4]?.distance).toBeCloseTo(average, 5);
    expect(merges[3]?.distance).toBeLessThan(0.1);
  });

  it('returns no merges for zero or one row', () => {
    expect(averageLinkage(unitRows([]))).toEqual([]);
    expect(averageLinkage(unitRows([[1, 0]]))).toEqual([]);
  });
});

describe('cutDendrogram', () => {
  const merges = averageLinkage(VECTORS);

  it('splits the two groups at k = 2, numbering labels by first appearance', () => {
    expect([...cutDendrogram(merges, 6, 2)]).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('gives one cluster at k = 1 and singletons at k = n', () => {
    expect([...cutDendrogram(merges, 6, 1)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...cutDendrogram(merges, 6, 6)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...cutDendrogram(merges, 6, 10)]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refines the partition as k grows, each cut keeping labels in order of appearance', () => {
    for (let k = 1; k <= 6; k++) {
      const labels = [...cutDendrogram(merges, 6, k)];
      expect(new Set(labels).size).toBe(k);
      let seen = -1;
      for (const label of labels) {
        expect(label).toBeLessThanOrEqual(seen + 1);
        seen = Math.max(seen, label);
      }
      if (k >= 2) {
        // Never a cluster mixing the x and y groups once they are split.
        const xs = new Set(X.map((i) => labels[i]));
        for (const i of Y) expect(xs.has(labels[i])).toBe(false);
      }
    }
  });
});
