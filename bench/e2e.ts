// `npm run bench -- e2e [--size N] [--compare M]`: the whole pipeline, export included, on
// generated corpora, with each stage's growth between the two sizes.
import { appendAll } from '../pipeline/arrays.js';
import { formatStages, runOnCorpus, type WorkerReport } from './run-corpus.js';

/** The sizes run end to end by default. */
const SIZES = [10_000, 100_000];
const DEFAULT_COUNT = 100_000;

/**
 * Every stage and the export of generated corpora (the bundled real texts with perturbed
 * repeats), each in a fresh process: time and peak memory per stage, then each stage's growth
 * from the smaller size to the larger against linear growth (1.00x means time grows exactly as
 * the contributions do). By default 10,000 and 100,000; `count` alone when another size is
 * asked for, or `compare` then `count`. Targets: 100,000 under 40 s; 1,000,000 under 300 s and
 * 4,096 MB; every stage within 1.1x of linear from 300,000 to 1,000,000.
 */
export async function benchE2e(count: number, compare?: number): Promise<string> {
  const sizes =
    compare !== undefined ? [compare, count] : count === DEFAULT_COUNT ? SIZES : [count];
  const lines: string[] = [];
  const reports: WorkerReport[] = [];
  for (const size of sizes) {
    const report = await runOnCorpus(size);
    reports.push(report);
    appendAll(lines, [
      `end to end, ${size.toLocaleString('en')} contributions (peak RSS as each stage finished)`,
      ...formatStages(report, true),
      `  total    ${(report.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(report.maxRssMb).toLocaleString('en')} MB`,
      `  files    ${Object.entries(report.files ?? {})
        .map(([name, bytes]) => `${name} ${(bytes / 1e6).toFixed(1)} MB`)
        .join(', ')}`,
    ]);
  }
  const [small, large] = reports;
  const [from, to] = sizes;
  if (small && large && from && to) appendAll(lines, growthLines(small, large, to / from));
  return lines.join('\n');
}

/**
 * Each stage's time ratio between two runs over the ratio of their sizes: 1.00x is linear,
 * above it the stage grows faster than the input. Stages under a second at the smaller size
 * are timed too coarsely to judge and are marked so.
 */
export function growthLines(small: WorkerReport, large: WorkerReport, sizeRatio: number): string[] {
  const lines = [`growth against linear (size x${sizeRatio.toFixed(2)})`];
  for (const stage of large.stages) {
    const before = small.stages.find((s) => s.name === stage.name);
    if (!before) continue;
    const ratio = stage.ms / before.ms;
    const note = before.ms < 1000 ? '  (under 1 s: not judged)' : '';
    lines.push(
      `  ${stage.name.padEnd(10)} x${ratio.toFixed(2).padStart(6)} time, ${(ratio / sizeRatio).toFixed(2)}x linear${note}`,
    );
  }
  const total = large.ms / small.ms;
  lines.push(
    `  total      x${total.toFixed(2).padStart(6)} time, ${(total / sizeRatio).toFixed(2)}x linear`,
  );
  return lines;
}
