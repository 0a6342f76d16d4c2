// Options that `brief run` and `brief eval synthesis` share: the model's provider and budget.
import { LlmProvider } from '../schemas/consultation.js';
import { UsageError } from './errors.js';

/** `--provider NAME`: a provider of `llm.provider`; a UsageError names the ones there are. */
export function providerOption(value: string | undefined): LlmProvider | undefined {
  if (value === undefined) return undefined;
  const parsed = LlmProvider.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`--provider "${value}": use ${LlmProvider.options.join(', ')}`);
}

/** `--max-cost USD`: an amount in US dollars (a leading `$` allowed), >= 0. */
export function costOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const usd = Number(value.replace(/^\$/, ''));
  if (value.trim() !== '' && Number.isFinite(usd) && usd >= 0) return usd;
  throw new UsageError(`--max-cost "${value}": give an amount in US dollars, e.g. 2.50`);
}

/** `--threads N`: worker threads for the work that parallelises, a whole number >= 1. */
export function threadsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threads = Number(value);
  if (/^\s*\d+\s*$/.test(value) && Number.isSafeInteger(threads) && threads >= 1) return threads;
  throw new UsageError(
    `--threads "${value}": give a whole number of worker threads, 1 or more (1 uses none)`,
  );
}
