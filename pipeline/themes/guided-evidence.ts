// What guided themes are scored against: each taxonomy theme's label text and its examples.
import { createMatrix, type Matrix, normalise, rowOf } from '../matrix.js';
import { alignmentScores } from '../nlp/word-alignment.js';
import type { WordVectors } from '../nlp/word-vectors.js';

/** One example of a taxonomy theme: configured, or a passage the theme fits best. */
export interface ThemeExample {
  /** The taxonomy theme's index. */
  theme: number;
  vector: Float32Array;
  /** Its content words (as `contentWords` gives them). */
  words: readonly string[];
}

/** What a taxonomy theme is known by: its label text (vector and words) and its examples. */
export interface ThemeEvidence {
  /** One row per taxonomy theme: label, description and keywords embedded with the passages. */
  labelVectors: Matrix;
  labelWords: readonly (readonly string[])[];
  examples: readonly ThemeExample[];
}

/** Share of a theme's centre that comes from its examples' mean, when it has examples. */
export const EXAMPLE_SHARE = 0.5;

/**
 * Each theme's centre: its label vector mixed with the mean of its examples' vectors
 * (EXAMPLE_SHARE), each part unit length first so that neither outweighs the other by its norm.
 */
export function themeCentres(evidence: ThemeEvidence): Matrix {
  const { labelVectors, examples } = evidence;
  const sums = createMatrix(labelVectors.rows, labelVectors.dims);
  const counts = new Int32Array(labelVectors.rows);
  for (const example of examples) {
    const sum = rowOf(sums, example.theme);
    example.vector.forEach((x, k) => {
      sum[k] = (sum[k] as number) + x;
    });
    counts[example.theme] = (counts[example.theme] as number) + 1;
  }
  const centres = createMatrix(labelVectors.rows, labelVectors.dims);
  for (let t = 0; t < labelVectors.rows; t++) {
    const centre = rowOf(centres, t);
    centre.set(rowOf(labelVectors, t));
    if (counts[t] === 0) continue;
    normalise(centre);
    const mean = rowOf(sums, t);
    normalise(mean);
    for (let k = 0; k < centre.length; k++) {
      centre[k] = (1 - EXAMPLE_SHARE) * (centre[k] as number) + EXAMPLE_SHARE * (mean[k] as number);
    }
    normalise(centre);
  }
  return centres;
}

/**
 * How well each passage's words align with each theme (see `alignmentScores`): the label text
 * and every example are aligned apart, and a theme with examples takes the mean of its label's
 * alignment and its best example's, so a long example cannot drown a one-word label as it did
 * when joined to its text. A word a theme's label and examples share is not discounted; one
 * shared with other themes is. `onPassage` hears each passage aligned, for progress.
 */
export function themeAlignment(
  passageWords: readonly (readonly string[])[],
  evidence: ThemeEvidence,
  words: WordVectors,
  language: string,
  onPassage: () => void = () => {},
): Matrix {
  const themes = evidence.labelWords.length;
  const targets = [...evidence.labelWords, ...evidence.examples.map((e) => e.words)];
  const groupOf = [
    ...evidence.labelWords.map((_, t) => t),
    ...evidence.examples.map((e) => e.theme),
  ];
  const aligned = alignmentScores(passageWords, targets, words, language, groupOf, onPassage);
  const out = createMatrix(passageWords.length, themes);
  const examples = createMatrix(passageWords.length, themes);
  const hasExamples = new Uint8Array(themes);
  for (const example of evidence.examples) hasExamples[example.theme] = 1;
  for (let i = 0; i < passageWords.length; i++) {
    const scores = rowOf(aligned, i);
    const label = rowOf(out, i);
    const best = rowOf(examples, i);
    label.set(scores.subarray(0, themes));
    evidence.examples.forEach((example, e) => {
      best[example.theme] = Math.max(best[example.theme] as number, scores[themes + e] as number);
    });
    for (let t = 0; t < themes; t++) {
      if (hasExamples[t]) label[t] = ((label[t] as number) + (best[t] as number)) / 2;
    }
  }
  return out;
}
