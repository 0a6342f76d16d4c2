import { appendAll } from '../pipeline/arrays.js';
import { CONTRIBUTIONS_PER_PASSAGE, formatStages, runOnCorpus } from './run-corpus.js';

/**
 * Embed and themes on about `passages` passages and on a tenth of that, to show how the time
 * grows: the target is under 60 s and 1.5 GB for 100,000, growing no faster than n log n.
 */
export async function benchThemes(passages: number): Promise<string> {
  const lines: string[] = [];
  const sizes = [Math.round(passages / 10), passages];
  const times: number[] = [];
  for (const size of sizes) {
    const report = await runOnCorpus(Math.round(size * CONTRIBUTIONS_PER_PASSAGE), 'themes');
    const stage = (name: string) => report.stages.find((s) => s.name === name);
    const themed = stage('embed')?.counts.passages ?? 0;
    const ms = (stage('embed')?.ms ?? 0) + (stage('themes')?.ms ?? 0);
    times.push(ms / (themed * Math.log(themed)));
    appendAll(lines, [
      `embed + themes of ${themed.toLocaleString('en')} passages`,
      ...formatStages(report).filter((line) => /embed|themes/.test(line)),
      `  embed + themes ${(ms / 1000).toFixed(2)} s  (target < 60 s at 100,000)`,
      `  peak RSS ${Math.round(report.maxRssMb)} MB for the whole run (target < 1,500 MB)`,
    ]);
  }
  const [small, large] = times;
  if (small && large)
    lines.push(
      `time / (n log n), large vs small: ${(large / small).toFixed(2)} (<= 1 means n log n or better)`,
    );
  return lines.join('\n');
}
