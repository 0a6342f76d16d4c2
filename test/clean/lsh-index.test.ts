import { describe, expect, it } from 'vitest';
import { LshIndex } from '../../pipeline/nlp/lsh-index.js';
import { HASHES } from '../../pipeline/nlp/minhash.js';

/** A signature equal to `base` in its first `shared` bins and unique elsewhere. */
function signature(base: number, shared: number, unique: number): Int32Array {
  return Int32Array.from({ length: HASHES }, (_, k) => (k < shared ? base + k : unique * 1000 + k));
}

describe('LshIndex.candidates', () => {
  it('gives each item sharing a band once, ascending', () => {
    const index = new LshIndex(0.8);
    index.insert(signature(1, 64, 1), 5);
    index.insert(signature(1, 16, 2), 2);
    index.insert(signature(1, 0, 3), 9);
    expect([...index.candidates(signature(1, 64, 4), 10)]).toEqual([2, 5]);
  });

  it('past the limit keeps the items sharing the most bands (the earlier on a tie), ascending', () => {
    const index = new LshIndex(0.8);
    // Item i shares (i + 1) bands of 4 rows with the query: items 3 and 4 share the most.
    for (let item = 0; item < 5; item++)
      index.insert(signature(1, 4 * (item + 1), item + 10), item);
    index.insert(signature(1, 20, 30), 7); // ties item 4 (5 bands), later
    expect([...index.candidates(signature(1, 64, 99), 2)]).toEqual([4, 7]);
    expect([...index.candidates(signature(1, 64, 99), 3)]).toEqual([3, 4, 7]);
    expect([...index.candidates(signature(1, 64, 99), 10)]).toEqual([0, 1, 2, 3, 4, 7]);
  });
});
