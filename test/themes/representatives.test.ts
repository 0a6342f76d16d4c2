import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatrix, dot, type Matrix, normalise, rowOf } from '../../pipeline/matrix.js';
import { chooseRepresentatives } from '../../pipeline/themes/representatives.js';

function matrixOf(rows: readonly number[][]): Matrix {
  const matrix = createMatrix(rows.length, rows[0]?.length ?? 0);
  rows.forEach((row, i) => {
    rowOf(matrix, i).set(row);
  });
  return matrix;
}

function cosine(a: Float32Array, b: Float32Array): number {
  return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
}

const CENTRE = new Float32Array([1, 0, 0]);

describe('chooseRepresentatives', () => {
  it('starts with the most central passage, then prefers variety to a second near-central one', () => {
    const vectors = matrixOf([
      [0.2, 1, 0], // 0: off-centre
      [1, 0.05, 0], // 1: most central
      [1, 0.06, 0.01], // 2: as central, nearly the same as 1
      [0.8, 0, 0.6], // 3: central enough, different direction
      [0.8, -0.6, 0], // 4: central enough, another direction
    ]);
    const chosen = chooseRepresentatives(vectors, [0, 1, 2, 3, 4], CENTRE, 3);
    expect(chosen[0]).toBe(1);
    expect(chosen).not.toContain(2);
    expect([...chosen].sort()).toEqual([1, 3, 4]);
  });

  it('never returns a duplicate twice, so a theme of copies returns fewer', () => {
    const vectors = matrixOf([
      [1, 0.1, 0],
      [1, 0.1, 0],
      [1, 0.1, 0],
      [0.5, 0.5, 0],
      [0.5, 0.5, 0],
    ]);
    expect(chooseRepresentatives(vectors, [0, 1, 2, 3, 4], CENTRE)).toEqual([0, 3]);
    expect(chooseRepresentatives(vectors, [2, 1, 0], CENTRE)).toEqual([0]);
  });

  it('returns all members of a small theme and nothing for an empty one', () => {
    const vectors = matrixOf([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(chooseRepresentatives(vectors, [1], CENTRE)).toEqual([1]);
    expect(chooseRepresentatives(vectors, [], CENTRE)).toEqual([]);
    expect(chooseRepresentatives(vectors, [1, 0, 1], CENTRE)).toEqual([0, 1]);
  });

  it('breaks ties by the lower row index and copes with zero vectors', () => {
    const vectors = matrixOf([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(chooseRepresentatives(vectors, [2, 1, 0], CENTRE, 2)).toEqual([0, 1]);
  });

  it('chooses 3-5 distinct members, the first the most central, whatever the order given', () => {
    const rowsArb = fc.array(
      fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      {
        minLength: 1,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 3, max: 5 }), (rows, count) => {
        const vectors = matrixOf(rows);
        const centre = new Float32Array([0.5, 0.5, 0, 0.1]);
        normalise(centre);
        const members = rows.map((_, i) => i);
        const chosen = chooseRepresentatives(vectors, members, centre, count);
        expect(new Set(chosen).size).toBe(chosen.length);
        const nearCopies = members.some((i) =>
          members.some((j) => {
            const [a, b] = [rowOf(vectors, i), rowOf(vectors, j)];
            return i < j && dot(a, a) > 0 && dot(b, b) > 0 && cosine(a, b) >= 0.98;
          }),
        );
        if (nearCopies) expect(chosen.length).toBeLessThanOrEqual(Math.min(count, rows.length));
        else expect(chosen).toHaveLength(Math.min(count, rows.length));
        expect(chooseRepresentatives(vectors, [...members].reverse(), centre, count)).toEqual(
          chosen,
        );
        const first = chosen[0] as number;
        const central = (i: number) => {
          const row = rowOf(vectors, i);
          return dot(row, row) > 0 ? cosine(row, centre) : 0;
        };
        for (const i of members) expect(central(i)).toBeLessThanOrEqual(central(first) + 1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
