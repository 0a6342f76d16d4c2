// `npm run bench -- e2e`: the whole pipeline, export included, at 10,000 and 100,000 contributions.
import { appendAll } from '../pipeline/arrays.js';
import { formatStages, runOnCorpus } from './run-corpus.js';

/** The sizes run end to end by default; `--n COUNT` runs that size alone. */
const SIZES = [10_000, 100_000];
const DEFAULT_COUNT = 100_000;

/**
 * Every stage and the PDF and HTML export of generated corpora (the bundled real texts with
 * perturbed repeats), each in a fresh process: time and peak memory per stage. Targets at
 * 100,000 contributions: under 300 s and under 2 GB peak.
 */
export async function benchE2e(count: number): Promise<string> {
  const sizes = count === DEFAULT_COUNT ? SIZES : [count];
  const lines: string[] = [];
  for (const size of sizes) {
    const report = await runOnCorpus(size);
    appendAll(lines, [
      `end to end, ${size.toLocaleString('en')} contributions (peak RSS as each stage finished)`,
      ...formatStages(report, true),
      `  total    ${(report.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(report.maxRssMb).toLocaleString('en')} MB  (target at 100,000: < 300 s, < 2,048 MB)`,
    ]);
  }
  return lines.join('\n');
}
