import { describe, expect, it } from 'vitest';
import { keyPointsOf } from '../../pipeline/synthesis/findings/key-points.js';
import { ownPassage } from '../helpers/passages.js';

const passage = ownPassage;

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
