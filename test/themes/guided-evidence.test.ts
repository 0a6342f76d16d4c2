import { describe, expect, it } from 'vitest';
import { dot, rowOf } from '../../pipeline/matrix.js';
import { contentWords } from '../../pipeline/nlp/tokenise.js';
import { alignmentScores } from '../../pipeline/nlp/word-alignment.js';
import {
  type ThemeEvidence,
  themeAlignment,
  themeCentres,
} from '../../pipeline/themes/guided-evidence.js';
import { NO_WORD_VECTORS, unitRows } from '../helpers/themes.js';

const words = (text: string) => contentWords(text, 'en');

const LONG_EXAMPLE =
  'The council should plant more trees along the river, repair the benches in the square, ' +
  'open the library on Sundays and paint the old bridge before the summer festival begins.';

function evidenceOf(labels: string[], examples: [number, string][]): ThemeEvidence {
  return {
    labelVectors: unitRows(labels.map((_, t) => labels.map((__, u) => (u === t ? 1 : 0)))),
    labelWords: labels.map(words),
    examples: examples.map(([theme, text]) => ({
      theme,
      vector: new Float32Array(labels.length).fill(1),
      words: words(text),
    })),
  };
}

describe('themeAlignment', () => {
  it('does not let a long example drown a one-word label', () => {
    const passages = ['Parking near the station is impossible'].map(words);
    const labelOnly = themeAlignment(
      passages,
      evidenceOf(['Parking', 'Noise'], []),
      NO_WORD_VECTORS,
      'en',
    );
    const withExample = themeAlignment(
      passages,
      evidenceOf(['Parking', 'Noise'], [[0, LONG_EXAMPLE]]),
      NO_WORD_VECTORS,
      'en',
    );
    // The old way: the example joined to the label's text.
    const joined = alignmentScores(
      passages,
      [words(`Parking. ${LONG_EXAMPLE}`), words('Noise')],
      NO_WORD_VECTORS,
      'en',
    );
    const label = rowOf(labelOnly, 0)[0] as number;
    expect(label).toBeGreaterThan(0.3);
    // Half the label's alignment (the example shares no word), give or take the IDF it shifts.
    expect(rowOf(withExample, 0)[0]).toBeGreaterThan(0.45 * label);
    expect(rowOf(withExample, 0)[0]).toBeGreaterThan(2 * (joined.data[0] as number));
  });

  it('lets an example carry a theme its label does not name', () => {
    const passages = ['Please open the library on Sundays'].map(words);
    const scores = themeAlignment(
      passages,
      evidenceOf(['Culture', 'Noise'], [[0, 'The library should open on Sundays']]),
      NO_WORD_VECTORS,
      'en',
    );
    const [culture, noise] = rowOf(scores, 0);
    expect(culture).toBeGreaterThan(0.2);
    expect(noise).toBe(0);
  });
});

describe('alignmentScores with groups', () => {
  it('discounts a word shared with other groups, not one shared within its own', () => {
    const passages = [words('Bus fares')];
    const targets = [words('Bus fares'), words('Bus fares are too high'), words('Bus stops')];
    const apart = alignmentScores(passages, targets, NO_WORD_VECTORS, 'en');
    const grouped = alignmentScores(passages, targets, NO_WORD_VECTORS, 'en', [0, 0, 1]);
    // "fares" is shared by targets 0 and 1: discounted apart, not when they are one group.
    expect(grouped.data[0]).toBeGreaterThan(apart.data[0] as number);
  });
});

describe('themeCentres', () => {
  it('keeps the label vector without examples and mixes in the examples half and half', () => {
    const evidence = evidenceOf(['Parking', 'Noise'], [[1, 'Loud bars at night']]);
    const centres = themeCentres(evidence);
    expect([...rowOf(centres, 0)]).toEqual([1, 0]);
    const mixed = rowOf(centres, 1);
    expect(dot(mixed, mixed)).toBeCloseTo(1, 5);
    // Half the unit label [0, 1] and half the unit mean [0.71, 0.71], normalised.
    expect(mixed[1]).toBeGreaterThan(mixed[0] as number);
    expect(mixed[0]).toBeGreaterThan(0.3);
  });
});
