import { describe, expect, it } from 'vitest';
import {
  accuracy,
  adjustedRandIndex,
  meanOf,
  medianOf,
  normalisedMutualInfo,
  shareOf,
} from '../../pipeline/eval/metrics.js';

// Expected values computed independently with numpy from the textbook formulas
// (MI / arithmetic mean of entropies; ARI as (index - expected) / (max - expected)).
const CASES: { truth: number[]; predicted: number[]; nmi: number; ari: number }[] = [
  { truth: [0, 0, 1, 1], predicted: [0, 0, 1, 1], nmi: 1, ari: 1 },
  { truth: [0, 0, 1, 1], predicted: [1, 1, 0, 0], nmi: 1, ari: 1 },
  { truth: [0, 0, 1, 1], predicted: [0, 1, 0, 1], nmi: 0, ari: -0.5 },
  // Hand check of the ARI: pairs together in both 2, in truth 6, predicted 3, of 15:
  // (2 - 6 * 3 / 15) / ((6 + 3) / 2 - 6 * 3 / 15) = 0.8 / 3.3 = 8 / 33.
  {
    truth: [0, 0, 0, 1, 1, 1],
    predicted: [0, 0, 1, 1, 2, 2],
    nmi: 0.5158037429793888,
    ari: 8 / 33,
  },
  { truth: [0, 0, 1, 1, 2, 2], predicted: [0, 0, 0, 0, 0, 0], nmi: 0, ari: 0 },
  {
    truth: [5, 5, 5, 7, 7, 9, 9, 9],
    predicted: [-1, 0, 0, 0, 1, 1, -1, 1],
    nmi: 0.3987478202411472,
    ari: 0.047619047619047616,
  },
  {
    truth: [0, 0, 0, 1, 1, 1, 2, 2, 2, 2],
    predicted: [0, 0, 1, 1, 1, 2, 2, 2, -1, -1],
    nmi: 0.5759466679735675,
    ari: 0.23728813559322032,
  },
];

describe('normalisedMutualInfo and adjustedRandIndex', () => {
  it.each(CASES)('score $predicted against $truth', ({ truth, predicted, nmi, ari }) => {
    expect(normalisedMutualInfo(truth, predicted)).toBeCloseTo(nmi, 12);
    expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(ari, 12);
  });

  it('are symmetric and ignore label names', () => {
    const truth = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2];
    const predicted = [0, 0, 1, 1, 1, 2, 2, 2, -1, -1];
    const renamed = predicted.map((label) => (label + 1) * 10);
    expect(normalisedMutualInfo(predicted, truth)).toBeCloseTo(
      normalisedMutualInfo(truth, predicted),
      12,
    );
    expect(adjustedRandIndex(predicted, truth)).toBeCloseTo(
      adjustedRandIndex(truth, predicted),
      12,
    );
    expect(normalisedMutualInfo(truth, renamed)).toBeCloseTo(
      normalisedMutualInfo(truth, predicted),
      12,
    );
    expect(adjustedRandIndex(truth, renamed)).toBeCloseTo(adjustedRandIndex(truth, predicted), 12);
  });

  it('treat two single-cluster labellings as a perfect match, as scikit-learn does', () => {
    expect(normalisedMutualInfo([3, 3, 3, 3], [0, 0, 0, 0])).toBe(1);
    expect(adjustedRandIndex([3, 3, 3, 3], [0, 0, 0, 0])).toBe(1);
    expect(normalisedMutualInfo([], [])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
  });

  it('score 0 when only one side is a single cluster', () => {
    expect(normalisedMutualInfo([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(normalisedMutualInfo([0, 1, 0, 1], [7, 7, 7, 7])).toBe(0);
  });

  it('give 1 for identical all-singleton labellings', () => {
    expect(normalisedMutualInfo([0, 1, 2, 3], [3, 2, 1, 0])).toBeCloseTo(1, 12);
    expect(adjustedRandIndex([0, 1, 2, 3], [3, 2, 1, 0])).toBe(1);
  });

  it('accept typed arrays', () => {
    const truth = Int32Array.from([0, 0, 1, 1]);
    expect(adjustedRandIndex(truth, Int32Array.from([0, 1, 0, 1]))).toBeCloseTo(-0.5, 12);
  });

  it('reject labellings of different lengths', () => {
    expect(() => normalisedMutualInfo([0, 1], [0])).toThrow('same length, got 2 and 1');
    expect(() => adjustedRandIndex([0], [0, 1])).toThrow(RangeError);
  });
});

describe('accuracy', () => {
  it('is the share of exact matches, -1 never matching a real label', () => {
    expect(accuracy([0, 1, 2, 1], [0, 1, -1, 2])).toBe(0.5);
    expect(accuracy([0, 1], [0, 1])).toBe(1);
    expect(accuracy([], [])).toBe(0);
  });
});

describe('meanOf, medianOf and shareOf', () => {
  it('summarise, and give null rather than 0 for nothing to summarise', () => {
    expect(meanOf([1, 2, 6])).toBe(3);
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([4, 1, 3, 10])).toBe(3.5);
    expect(shareOf(1, 4)).toBe(0.25);
    expect([meanOf([]), medianOf([]), shareOf(0, 0)]).toEqual([null, null, null]);
  });
});
