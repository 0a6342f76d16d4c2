import { describe, expect, it } from 'vitest';
import { createMatrix } from '../../pipeline/matrix.js';
import { assignGuided } from '../../pipeline/themes/guided.js';
import { unitRows } from '../helpers/themes.js';

// Three taxonomy themes along the first three axes; the fourth axis is "about something else".
const THEMES = unitRows([
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
]);
const OPTIONS = { threshold: 0.15, secondMargin: 0.05 };

describe('assignGuided', () => {
  it('assigns the most similar theme, and a second one only within the margin', () => {
    const passages = unitRows([
      [1, 0, 0, 0], // 0: squarely theme 0
      [1, 1, 0, 0], // 1: equally close to 0 and 1
      [0.8, 0.6, 0, 0], // 2: theme 0 by 0.2, more than the margin
      [0, 0.6, 0.62, 0], // 3: theme 2 by 0.02, within the margin
    ]);
    const { primary, secondary, scores } = assignGuided(passages, THEMES, OPTIONS);
    expect([...primary]).toEqual([0, 0, 0, 2]);
    expect([...secondary]).toEqual([-1, 1, -1, 1]);
    expect(scores[0]).toBeCloseTo(1, 5);
    expect(scores[1]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(scores[2]).toBeCloseTo(0.8, 5);
  });

  it('widening the margin adds the second theme', () => {
    const passages = unitRows([[0.8, 0.6, 0, 0]]);
    const wide = assignGuided(passages, THEMES, { ...OPTIONS, secondMargin: 0.25 });
    expect([...wide.secondary]).toEqual([1]);
  });

  it('leaves passages under the threshold unassigned, and needs the second above it too', () => {
    const passages = unitRows([
      [0.1, 0.05, 0, 1], // 0: about something else
      [0, 0, 0, 1], // 1: orthogonal to every theme
      [0, 0, 0, 0], // 2: no known words
      [0.5, 0.47, 0, 0.73], // 3: 0.50 to theme 0, 0.47 to theme 1: within the margin, under 0.48
    ]);
    const { primary, secondary, scores } = assignGuided(passages, THEMES, {
      threshold: 0.48,
      secondMargin: 0.05,
    });
    expect([...primary]).toEqual([-1, -1, -1, 0]);
    expect([...secondary]).toEqual([-1, -1, -1, -1]);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[2]).toBe(0);
  });

  it('assigns nothing without taxonomy themes', () => {
    const passages = unitRows([[1, 0, 0, 0]]);
    const none = assignGuided(passages, createMatrix(0, 4), OPTIONS);
    expect([...none.primary]).toEqual([-1]);
    expect([...none.secondary]).toEqual([-1]);
  });
});
