// Seed stability: the tool's default emergent themes with two seeds on large corpora, compared.
import { performance } from 'node:perf_hooks';
import type { SeedStabilityReport } from '../../schemas/theme-eval.js';
import { AbortError } from '../errors.js';
import { createRandom } from '../random.js';
import type { EvalKit } from './group-runs.js';
import { adjustedRandIndex } from './metrics.js';

/** The corpus to sample from and the sample sizes to compare seeds at. */
export interface StabilitySpec {
  corpus: string;
  texts: readonly string[];
  language: string;
  sizes: readonly number[];
}

/** Which texts the sample of `size` holds: a fixed shuffle's first `size`, in corpus order. */
export function sampleIndexes(total: number, size: number, seed = 12): number[] {
  const random = createRandom(seed);
  const order = [...Array(total).keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order.slice(0, Math.min(size, total)).sort((a, b) => a - b);
}

/**
 * For each size, themes a fixed sample of the corpus with both seeds (embedding and clustering,
 * as a run with `seed: 1` and one with `seed: 2` would) and compares the emergent themes by ARI.
 */
export async function evaluateSeedStability(
  spec: StabilitySpec,
  kit: EvalKit,
  signal?: AbortSignal,
): Promise<Omit<SeedStabilityReport, 'targets'>> {
  const runs: SeedStabilityReport['runs'] = [];
  for (const size of spec.sizes) {
    if (signal?.aborted) throw new AbortError('brief eval: interrupted in the stability check');
    const texts = sampleIndexes(spec.texts.length, size).map((i) => spec.texts[i] as string);
    const corpus = { texts, language: spec.language, taxonomy: [] };
    const start = performance.now();
    const [first, second] = [
      await kit.tool.themes(corpus, kit.seeds[0]),
      await kit.tool.themes(corpus, kit.seeds[1]),
    ];
    kit.step?.();
    runs.push({
      passages: texts.length,
      ari: adjustedRandIndex(first.emergent, second.emergent),
      themes: [first.emergentCount, second.emergentCount],
      seconds: (performance.now() - start) / 1000,
    });
  }
  return { corpus: spec.corpus, runs };
}
