import { DEFAULT_PRICES, type ModelPrice } from '../../schemas/consultation.js';
import type { UsageRecord } from '../../schemas/manifest.js';

/** Requests, cached answers, tokens and cost (USD, null when a model has no price). */
export type Usage = UsageRecord;

export const NO_USAGE: Usage = {
  requests: 0,
  cached: 0,
  promptTokens: 0,
  completionTokens: 0,
  cost: 0,
};

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    requests: a.requests + b.requests,
    cached: a.cached + b.cached,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    cost: a.cost === null || b.cost === null ? null : roundUsd(a.cost + b.cost),
  };
}

/** What was used after `before`, given the totals `after`. */
export function usageSince(before: Usage, after: Usage): Usage {
  return {
    requests: after.requests - before.requests,
    cached: after.cached - before.cached,
    promptTokens: after.promptTokens - before.promptTokens,
    completionTokens: after.completionTokens - before.completionTokens,
    cost: after.cost === null || before.cost === null ? null : roundUsd(after.cost - before.cost),
  };
}

/** Whether any model call was made or answered from the cache. */
export function usedModel(usage: Usage): boolean {
  return usage.requests > 0 || usage.cached > 0;
}

/** The price table: the defaults with the config's prices over them. */
export function priceTable(configured: Record<string, ModelPrice>): Record<string, ModelPrice> {
  return { ...DEFAULT_PRICES, ...configured };
}

/** What the Batch API charges for the tokens of a request, against the live price. */
export const BATCH_PRICE_FACTOR = 0.5;

/** The price table of requests sent through the Batch API: half the live prices. */
export function batchPrices(live: Record<string, ModelPrice>): Record<string, ModelPrice> {
  return Object.fromEntries(
    Object.entries(live).map(([model, price]) => [
      model,
      { input: price.input * BATCH_PRICE_FACTOR, output: price.output * BATCH_PRICE_FACTOR },
    ]),
  );
}

/** USD for tokens of a model, or null when the model has no price. */
export function costOf(
  prices: Record<string, ModelPrice>,
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | null {
  const price = prices[model];
  if (!price) return null;
  return roundUsd((promptTokens * price.input + completionTokens * price.output) / 1e6);
}

/** Rounds to a millionth of a dollar, so sums print and compare cleanly. */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}

/** `$0.0123` with enough digits to show small amounts, or "unknown". */
export function formatUsd(usd: number | null): string {
  if (usd === null) return 'unknown (no price for a model; add it under llm.prices)';
  return `$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}`;
}
