import { describe, expect, it } from 'vitest';
import { createRandom } from '../../pipeline/random.js';
import { modularity, nearestNeighbourGraph } from '../../pipeline/themes/knn-graph.js';
import { unitRows } from '../helpers/themes.js';

// Two cliques of five: rows 0-4 near the x axis, rows 5-9 near the orthogonal y axis.
const VECTORS = unitRows(
  Array.from({ length: 10 }, (_, i) => (i < 5 ? [1, 0, 0.1 * i, 0] : [0, 1, 0, 0.1 * (i - 5)])),
);
const PERFECT = Int32Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : 1));

describe('nearestNeighbourGraph', () => {
  const graph = nearestNeighbourGraph(VECTORS, 4);

  it('links each row to its clique and never across orthogonal rows', () => {
    graph.neighbours.forEach((list, i) => {
      expect([...list].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 10 }, (_, j) => j).filter((j) => j !== i && PERFECT[j] === PERFECT[i]),
      );
    });
  });

  it('is symmetric, with the same positive weight both ways', () => {
    graph.neighbours.forEach((list, i) => {
      list.forEach((j, e) => {
        const back = graph.neighbours[j]?.indexOf(i) ?? -1;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(graph.weights[j]?.[back]).toBe(graph.weights[i]?.[e]);
        expect(graph.weights[i]?.[e]).toBeGreaterThan(0);
      });
    });
  });
});

describe('modularity', () => {
  const graph = nearestNeighbourGraph(VECTORS, 4);

  it('scores the perfect split of two equal disconnected cliques at 1/2', () => {
    expect(modularity(graph, PERFECT, 1)).toBeCloseTo(0.5, 5);
    expect(modularity(graph, new Int32Array(10), 1)).toBeCloseTo(0, 5);
  });

  it('scores the perfect split above every random split', () => {
    const best = modularity(graph, PERFECT, 1.2);
    const random = createRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const labels = Int32Array.from({ length: 10 }, () => Math.floor(random() * 3));
      const a = new Set(labels.subarray(0, 5));
      const b = new Set(labels.subarray(5));
      const isPerfect = a.size === 1 && b.size === 1 && labels[0] !== labels[5];
      if (isPerfect) continue;
      expect(modularity(graph, labels, 1.2)).toBeLessThan(best);
    }
  });

  it('is zero for a graph without edges', () => {
    const empty = nearestNeighbourGraph(
      unitRows([
        [1, 0],
        [0, 1],
      ]),
      1,
    );
    expect(empty.neighbours.every((list) => list.length === 0)).toBe(true);
    expect(modularity(empty, Int32Array.from([0, 1]), 1)).toBe(0);
  });
});
