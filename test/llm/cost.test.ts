import { describe, expect, it } from 'vitest';
import {
  addUsage,
  costOf,
  formatUsd,
  NO_USAGE,
  priceTable,
  type Usage,
  usageSince,
  usedModel,
} from '../../pipeline/llm/cost.js';

const usage = (overrides: Partial<Usage>): Usage => ({ ...NO_USAGE, ...overrides });

describe('costOf', () => {
  const prices = priceTable({});

  it('prices gpt-4o-mini at $0.15 in and $0.60 out per million tokens by default', () => {
    expect(costOf(prices, 'gpt-4o-mini', 1_000_000, 0)).toBe(0.15);
    expect(costOf(prices, 'gpt-4o-mini', 0, 1_000_000)).toBe(0.6);
    expect(costOf(prices, 'gpt-4o-mini', 1_000_000, 1_000_000)).toBe(0.75);
    // 2000 * 0.15 / 1e6 + 500 * 0.60 / 1e6 = 0.0003 + 0.0003
    expect(costOf(prices, 'gpt-4o-mini', 2000, 500)).toBe(0.0006);
    expect(costOf(prices, 'gpt-4o-mini', 0, 0)).toBe(0);
  });

  it('rounds to a millionth of a dollar', () => {
    // 1 * 0.15 / 1e6 = 0.00000015: below a millionth.
    expect(costOf(prices, 'gpt-4o-mini', 1, 0)).toBe(0);
    // 7 * 0.15 / 1e6 = 0.00000105 -> 0.000001
    expect(costOf(prices, 'gpt-4o-mini', 7, 0)).toBe(0.000001);
    expect(costOf(prices, 'gpt-4o-mini', 123_457, 0)).toBe(0.018519);
  });

  it('gives null for a model without a price', () => {
    expect(costOf(prices, 'my-local-llama', 1000, 1000)).toBeNull();
    expect(costOf(prices, 'GPT-4O-MINI', 1000, 1000)).toBeNull();
  });

  it('uses configured prices over the defaults and for new models', () => {
    const table = priceTable({
      'gpt-4o-mini': { input: 1, output: 2 },
      'my-local-llama': { input: 0, output: 0 },
    });
    expect(costOf(table, 'gpt-4o-mini', 1_000_000, 1_000_000)).toBe(3);
    expect(costOf(table, 'my-local-llama', 1_000_000, 1_000_000)).toBe(0);
    // Other defaults remain.
    expect(costOf(table, 'gpt-4o', 1_000_000, 0)).toBe(2.5);
    // The defaults themselves are not changed.
    expect(costOf(priceTable({}), 'gpt-4o-mini', 1_000_000, 0)).toBe(0.15);
  });
});

describe('addUsage', () => {
  it('adds every count and the cost, rounding the sum', () => {
    const a = usage({ requests: 2, cached: 1, promptTokens: 100, completionTokens: 20, cost: 0.1 });
    const b = usage({ requests: 3, cached: 4, promptTokens: 50, completionTokens: 5, cost: 0.2 });
    expect(addUsage(a, b)).toEqual({
      requests: 5,
      cached: 5,
      promptTokens: 150,
      completionTokens: 25,
      cost: 0.3,
    });
    expect(addUsage(NO_USAGE, a)).toEqual(a);
  });

  it('propagates an unknown (null) cost from either side, keeping the counts', () => {
    const priced = usage({ requests: 1, cost: 0.5 });
    const unpriced = usage({ requests: 1, promptTokens: 10, cost: null });
    expect(addUsage(priced, unpriced)).toEqual(
      usage({ requests: 2, promptTokens: 10, cost: null }),
    );
    expect(addUsage(unpriced, priced).cost).toBeNull();
    expect(addUsage(unpriced, unpriced).cost).toBeNull();
    // Once unknown, it stays unknown.
    expect(addUsage(addUsage(priced, unpriced), priced).cost).toBeNull();
  });
});

describe('usageSince', () => {
  it('subtracts the totals before from the totals after', () => {
    const before = usage({
      requests: 3,
      cached: 1,
      promptTokens: 300,
      completionTokens: 30,
      cost: 0.3,
    });
    const step = usage({
      requests: 2,
      cached: 5,
      promptTokens: 70,
      completionTokens: 7,
      cost: 0.1,
    });
    expect(usageSince(before, addUsage(before, step))).toEqual(step);
    expect(usageSince(before, before)).toEqual(NO_USAGE);
  });

  it('gives a null cost when either total has one', () => {
    expect(usageSince(usage({ cost: null }), usage({ requests: 1, cost: 1 })).cost).toBeNull();
    expect(usageSince(usage({ cost: 1 }), usage({ requests: 1, cost: null })).cost).toBeNull();
  });
});

describe('usedModel', () => {
  it('is true for requests or cached answers only', () => {
    expect(usedModel(NO_USAGE)).toBe(false);
    expect(usedModel(usage({ requests: 1 }))).toBe(true);
    expect(usedModel(usage({ cached: 1 }))).toBe(true);
    expect(usedModel(usage({ promptTokens: 100 }))).toBe(false);
  });
});

describe('formatUsd', () => {
  it('shows four decimals below a cent and two from a cent up', () => {
    expect(formatUsd(0)).toBe('$0.0000');
    expect(formatUsd(0.0006)).toBe('$0.0006');
    expect(formatUsd(0.0123)).toBe('$0.01');
    expect(formatUsd(0.00999)).toBe('$0.0100');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(1.234)).toBe('$1.23');
    expect(formatUsd(12)).toBe('$12.00');
  });

  it('says the cost is unknown, and how to fix it, for null', () => {
    const text = formatUsd(null);
    expect(text).toMatch(/^unknown/);
    expect(text).toContain('llm.prices');
    expect(text).not.toContain('$');
  });
});
