import { describe, expect, it } from 'vitest';
import { createRandom } from '../pipeline/random.js';

describe('createRandom', () => {
  it('gives the mulberry32 sequence for a seed', () => {
    const random = createRandom(1);
    expect([random(), random(), random()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it('repeats for the same seed, differs for another, and stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, createRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const values = draw(7);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
