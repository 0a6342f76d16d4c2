/**
 * Asks about items in batches that fit a token budget, then asks again, one at a time, about
 * the items a batch's answer left out (or answered unusably). `ask` returns the usable answers
 * by item; an item still unanswered after its own request is absent from the result, for the
 * caller to fall back on.
 */
export async function askForEach<I, A>(
  items: readonly I[],
  options: {
    /** Most tokens of items in one request. */
    budget: number;
    /** Most items in one request. */
    maxItems: number;
    tokens(item: I): number;
    ask(batch: readonly I[]): Promise<ReadonlyMap<I, A>>;
  },
): Promise<Map<I, A>> {
  const batches = packBatches(items, options.budget, options.maxItems, options.tokens);
  const answered = new Map<I, A>();
  await Promise.all(
    batches.map(async (batch) => {
      const answers = await options.ask(batch);
      for (const [item, answer] of answers) answered.set(item, answer);
      const left = batch.filter((item) => !answers.has(item));
      if (batch.length === 1 || left.length === 0) return;
      await Promise.all(
        left.map(async (item) => {
          const again = (await options.ask([item])).get(item);
          if (again !== undefined) answered.set(item, again);
        }),
      );
    }),
  );
  return answered;
}

/** Consecutive items grouped so that each group stays within the budget (one item may exceed it). */
export function packBatches<I>(
  items: readonly I[],
  budget: number,
  maxItems: number,
  tokens: (item: I) => number,
): I[][] {
  const batches: I[][] = [];
  let current: I[] = [];
  let used = 0;
  for (const item of items) {
    const size = tokens(item);
    if (current.length > 0 && (used + size > budget || current.length >= maxItems)) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
