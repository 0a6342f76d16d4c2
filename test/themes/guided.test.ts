import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../../pipeline/matrix.js';
import { assignGuided, guidedScores, outlierFloor } from '../../pipeline/themes/guided.js';
import { unitRows } from '../helpers/themes.js';

const OPTIONS = {
  threshold: 0.15,
  outlierDeviations: Number.POSITIVE_INFINITY,
  secondMargin: 0.05,
};

/** A passages x themes score matrix from plain rows (not normalised). */
function scoreRows(rows: readonly (readonly number[])[]): Matrix {
  const matrix = createMatrix(rows.length, rows[0]?.length ?? 0);
  matrix.data.set(rows.flat());
  return matrix;
}

describe('assignGuided', () => {
  it('assigns the best theme, and a second one only within the margin', () => {
    const scores = scoreRows([
      [1, 0, 0], // 0: squarely theme 0
      [0.7, 0.7, 0], // 1: equally close to 0 and 1
      [0.8, 0.6, 0], // 2: theme 0 by 0.2, more than the margin
      [0, 0.6, 0.62], // 3: theme 2 by 0.02, within the margin
    ]);
    const { primary, secondary, scores: best } = assignGuided(scores, OPTIONS);
    expect([...primary]).toEqual([0, 0, 0, 2]);
    expect([...secondary]).toEqual([-1, 1, -1, 1]);
    expect([...best].map((s) => Math.round(s * 100) / 100)).toEqual([1, 0.7, 0.8, 0.62]);
  });

  it('widening the margin adds the second theme', () => {
    const wide = assignGuided(scoreRows([[0.8, 0.6, 0]]), { ...OPTIONS, secondMargin: 0.25 });
    expect([...wide.secondary]).toEqual([1]);
  });

  it('leaves passages under the threshold unassigned, and needs the second above it too', () => {
    const scores = scoreRows([
      [0.1, 0.05, 0], // 0: about something else
      [-0.2, -0.1, -0.3], // 1: unlike every theme
      [0.5, 0.47, 0], // 2: within the margin of theme 1, but 0.47 is under the threshold
    ]);
    const {
      primary,
      secondary,
      scores: best,
    } = assignGuided(scores, {
      ...OPTIONS,
      threshold: 0.48,
    });
    expect([...primary]).toEqual([-1, -1, 0]);
    expect([...secondary]).toEqual([-1, -1, -1]);
    expect(best[0]).toBeCloseTo(0.1, 5);
    expect(best[1]).toBe(0);
  });

  it("sends only passages far under the corpus's best scores to discovery", () => {
    // Best scores 0.3 to 0.34 and one 0.05: the floor lies between them.
    const tops = [0.3, 0.31, 0.32, 0.33, 0.34, 0.3, 0.31, 0.33, 0.34];
    const scores = scoreRows([[0.05, 0.01], ...tops.map((top) => [top, 0.1])]);
    const relative = { ...OPTIONS, threshold: 0, outlierDeviations: 2 };
    expect(outlierFloor(scores, 2)).toBeGreaterThan(0.05);
    expect(outlierFloor(scores, 2)).toBeLessThan(0.3);
    expect([...assignGuided(scores, relative).primary]).toEqual([-1, ...Array(9).fill(0)]);
    // The same scores a tenth as large: a fixed cut-off of 0.1 would drop all, the relative not.
    const small = scoreRows([[0.005, 0.001], ...tops.map((top) => [top / 10, 0.01])]);
    expect([...assignGuided(small, relative).primary]).toEqual([-1, ...Array(9).fill(0)]);
  });

  it('assigns nothing without taxonomy themes', () => {
    const none = assignGuided(createMatrix(1, 0), OPTIONS);
    expect([...none.primary]).toEqual([-1]);
    expect([...none.secondary]).toEqual([-1]);
  });
});

describe('guidedScores', () => {
  // Two taxonomy themes along the first two axes.
  const themes = unitRows([
    [1, 0, 0],
    [0, 1, 0],
  ]);

  it('weighs word alignment three times the cosine of the vectors', () => {
    const passages = unitRows([[1, 0, 0]]);
    const alignment = scoreRows([[0, 1]]);
    const scores = guidedScores(passages, themes, alignment);
    expect(scores.data[0]).toBeCloseTo(0.25, 5);
    expect(scores.data[1]).toBeCloseTo(0.75, 5);
  });

  it('pulls a passage towards the theme of the passages nearest to it', () => {
    // Passages 0-4 sit together and fit theme 1; passage 5, beside them, scores a tie alone.
    const passages = unitRows([
      [0.1, 0.2, 1],
      [0.12, 0.2, 1],
      [0.1, 0.22, 1],
      [0.11, 0.21, 1],
      [0.1, 0.19, 1],
      [0.1, 0.1, 1],
    ]);
    const alignment = scoreRows([
      [0.1, 0.6],
      [0.1, 0.6],
      [0.1, 0.6],
      [0.1, 0.6],
      [0.1, 0.6],
      [0.3, 0.3],
    ]);
    const scores = guidedScores(passages, themes, alignment);
    const [first, second] = [scores.data[10] as number, scores.data[11] as number];
    expect(second).toBeGreaterThan(first + 0.05);
    expect(assignGuided(scores, OPTIONS).primary[5]).toBe(1);
  });

  it('scores an empty corpus and a single passage', () => {
    expect(guidedScores(createMatrix(0, 3), themes, createMatrix(0, 2)).rows).toBe(0);
    const one = guidedScores(unitRows([[0, 1, 0]]), themes, scoreRows([[0, 1]]));
    expect([...one.data]).toEqual([0, 1]);
  });
});
