import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askForEach, packBatches } from '../../pipeline/llm/ask-for-each.js';

interface Item {
  name: string;
  size: number;
}

const item = (name: string, size = 1): Item => ({ name, size });
const names = (batches: Item[][]) => batches.map((batch) => batch.map((i) => i.name));
const size = (i: Item) => i.size;

describe('packBatches', () => {
  it('fills a batch up to the budget and keeps the order', () => {
    const items = [item('a', 4), item('b', 3), item('c', 3), item('d', 5), item('e', 5)];
    expect(names(packBatches(items, 10, 10, size))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('starts a new batch when the next item would pass the budget', () => {
    const items = [item('a', 6), item('b', 5), item('c', 4)];
    expect(names(packBatches(items, 10, 10, size))).toEqual([['a'], ['b', 'c']]);
  });

  it('caps the items per batch', () => {
    const items = 'abcdefg'.split('').map((n) => item(n));
    expect(names(packBatches(items, 1000, 3, size))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g'],
    ]);
  });

  it('sends an oversized item alone', () => {
    const items = [item('a', 2), item('big', 50), item('b', 2), item('c', 2)];
    expect(names(packBatches(items, 10, 10, size))).toEqual([['a'], ['big'], ['b', 'c']]);
    expect(names(packBatches([item('big', 50), item('b', 1)], 10, 10, size))).toEqual([
      ['big'],
      ['b'],
    ]);
  });

  it('gives no batches for no items and counts each item once', () => {
    expect(packBatches([], 10, 10, size)).toEqual([]);
    let calls = 0;
    const items = [item('a'), item('b'), item('c')];
    packBatches(items, 2, 10, (i) => {
      calls++;
      return i.size;
    });
    expect(calls).toBe(items.length);
  });

  it('always keeps all items in order, within the limits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 8 }),
        (sizes, budget, maxItems) => {
          const items = sizes.map((s, i) => item(String(i), s));
          const batches = packBatches(items, budget, maxItems, size);
          expect(batches.flat()).toEqual(items);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxItems);
            const total = batch.reduce((sum, i) => sum + i.size, 0);
            if (batch.length > 1) expect(total).toBeLessThanOrEqual(budget);
          }
          // Greedy: a batch is closed only when the next item does not fit.
          for (const [b, batch] of batches.entries()) {
            const next = batches[b + 1]?.[0];
            if (!next) continue;
            const total = batch.reduce((sum, i) => sum + i.size, 0);
            expect(batch.length >= maxItems || total + next.size > budget).toBe(true);
          }
        },
      ),
    );
  });
});

describe('askForEach', () => {
  /**
   * A fake model: in a batch of several items it leaves out `omitInBatch`; asked about one item
   * alone it answers unless the item is in `neverAlone`. Answers say how they were obtained.
   */
  function fakeAsk(omitInBatch: Set<string>, neverAlone: Set<string>) {
    const calls: string[][] = [];
    const ask = async (batch: readonly Item[]): Promise<ReadonlyMap<Item, string>> => {
      calls.push(batch.map((i) => i.name));
      await new Promise((resolve) => setTimeout(resolve, 1));
      const answers = new Map<Item, string>();
      for (const i of batch) {
        if (batch.length > 1 && omitInBatch.has(i.name)) continue;
        if (batch.length === 1 && neverAlone.has(i.name)) continue;
        answers.set(i, `${i.name}:${batch.length > 1 ? 'batch' : 'alone'}`);
      }
      return answers;
    };
    return { ask, calls };
  }

  it('re-asks omitted items one at a time and returns only the answered ones', async () => {
    const items = 'abcdef'.split('').map((n) => item(n));
    const { ask, calls } = fakeAsk(new Set(['b', 'e', 'f']), new Set(['e']));
    const answers = await askForEach(items, { budget: 100, maxItems: 3, tokens: size, ask });

    expect(Object.fromEntries([...answers].map(([i, a]) => [i.name, a]))).toEqual({
      a: 'a:batch',
      b: 'b:alone',
      c: 'c:batch',
      d: 'd:batch',
      f: 'f:alone',
    });
    expect([...answers.keys()].every((k) => items.includes(k))).toBe(true);

    const batches = calls.filter((c) => c.length > 1);
    const singles = calls.filter((c) => c.length === 1).map((c) => c[0]);
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(singles.sort()).toEqual(['b', 'e', 'f']);
    // Each omitted item gets exactly one second chance.
    expect(calls.filter((c) => c.includes('e'))).toHaveLength(2);
  });

  it('asks each batch once when every item is answered', async () => {
    const items = 'abcde'.split('').map((n) => item(n));
    const { ask, calls } = fakeAsk(new Set(), new Set());
    const answers = await askForEach(items, { budget: 2, maxItems: 10, tokens: size, ask });
    expect(calls).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect([...answers.values()].sort()).toEqual([
      'a:batch',
      'b:batch',
      'c:batch',
      'd:batch',
      'e:alone',
    ]);
  });

  it('does not ask again about an item that was already asked alone', async () => {
    const items = [item('small1'), item('huge', 99), item('small2')];
    const { ask, calls } = fakeAsk(new Set(['small2']), new Set(['huge', 'small2']));
    const answers = await askForEach(items, { budget: 10, maxItems: 10, tokens: size, ask });
    expect(calls).toEqual([['small1'], ['huge'], ['small2']]);
    expect([...answers.keys()].map((i) => i.name)).toEqual(['small1']);
  });

  it('returns an empty map when nothing is ever answered, after one retry each', async () => {
    const items = 'abcd'.split('').map((n) => item(n));
    const all = new Set(items.map((i) => i.name));
    const { ask, calls } = fakeAsk(all, all);
    const answers = await askForEach(items, { budget: 100, maxItems: 4, tokens: size, ask });
    expect(answers.size).toBe(0);
    expect(calls).toHaveLength(1 + items.length);
  });

  it('asks nothing for no items', async () => {
    const { ask, calls } = fakeAsk(new Set(), new Set());
    const answers = await askForEach([], { budget: 10, maxItems: 3, tokens: size, ask });
    expect(answers.size).toBe(0);
    expect(calls).toEqual([]);
  });

  it('propagates a failing request', async () => {
    const items = [item('a'), item('b')];
    await expect(
      askForEach(items, {
        budget: 10,
        maxItems: 10,
        tokens: size,
        ask: async () => {
          throw new Error('server down');
        },
      }),
    ).rejects.toThrow('server down');
  });
});
