import { dot, type Matrix, rowOf } from '../matrix.js';

export interface GuidedOptions {
  /** Least cosine similarity for a passage to join a taxonomy theme; below it goes to discovery. */
  threshold: number;
  /** A second theme is added when its similarity is within this margin of the first's. */
  secondMargin: number;
}

/** Each passage's best and second taxonomy theme (-1 for none) and its similarity to the best. */
export interface GuidedAssignment {
  primary: Int32Array;
  secondary: Int32Array;
  scores: Float32Array;
}

/**
 * Matches passages to the consultation's own themes by cosine similarity between the passage
 * vectors and the themes' vectors (label, description, keywords and examples embedded with the
 * passages). Multi-label: a passage close to two themes belongs to both.
 */
export function assignGuided(
  passages: Matrix,
  themes: Matrix,
  options: GuidedOptions,
): GuidedAssignment {
  const primary = new Int32Array(passages.rows).fill(-1);
  const secondary = new Int32Array(passages.rows).fill(-1);
  const scores = new Float32Array(passages.rows);
  for (let i = 0; i < passages.rows; i++) {
    const v = rowOf(passages, i);
    let best = -1;
    let second = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let secondScore = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < themes.rows; t++) {
      const score = dot(v, rowOf(themes, t));
      if (score > bestScore) {
        [second, secondScore] = [best, bestScore];
        [best, bestScore] = [t, score];
      } else if (score > secondScore) {
        [second, secondScore] = [t, score];
      }
    }
    scores[i] = Math.max(0, bestScore);
    if (best < 0 || bestScore < options.threshold) continue;
    primary[i] = best;
    if (
      second >= 0 &&
      secondScore >= options.threshold &&
      bestScore - secondScore <= options.secondMargin
    ) {
      secondary[i] = second;
    }
  }
  return { primary, secondary, scores };
}
