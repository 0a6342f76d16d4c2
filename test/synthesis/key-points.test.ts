import { describe, expect, it } from 'vitest';
import type { SynthesisPassage } from '../../pipeline/synthesis/findings/corpus.js';
import { keyPointsOf } from '../../pipeline/synthesis/findings/key-points.js';

let next = 0;
function passage(text: string): SynthesisPassage {
  next++;
  return {
    id: `c${next}#1`,
    index: next,
    text,
    language: 'en',
    translation: null,
    contributionId: `c${next}`,
    voices: [`c${next}`],
    participants: [`a${next}`],
    date: null,
    week: -1,
    voiceWeeks: [],
    questionId: null,
    votes: null,
  };
}

describe('keyPointsOf', () => {
  it('makes no key point of self-descriptions, nor takes one as an example', () => {
    const group = (label: string, texts: string[]) => ({
      passages: texts.map(passage),
      centre: new Float32Array(1),
      label,
    });
    const points = keyPointsOf([
      group('who took part', ['I am a retired bus driver.', 'I live on the east side of town']),
      group('late buses', [
        'I am 65 years of age or older',
        'The town needs a late-night bus service.',
      ]),
    ]);
    expect(points).toHaveLength(1);
    expect(points[0]?.text).toContain('The town needs a late-night bus service.');
  });
});
