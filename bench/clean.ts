import { formatStages, runOnCorpus } from './run-corpus.js';

/** Ingest and clean of `count` contributions: contributions per second and peak memory. */
export async function benchClean(count: number): Promise<string> {
  const report = await runOnCorpus(count, 'clean');
  const rate = count / (report.ms / 1000);
  return [
    `ingest + clean of ${count.toLocaleString('en')} contributions`,
    ...formatStages(report),
    `  total    ${(report.ms / 1000).toFixed(2)} s  (${Math.round(rate).toLocaleString('en')} contributions/s; target >= 5,000)`,
    `  peak RSS ${Math.round(report.maxRssMb)} MB  (target < 500 MB)`,
  ].join('\n');
}
