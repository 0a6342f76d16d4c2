import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { csvField, loadSourceTexts } from './corpus.js';
import { LONG_SHAPES, longContribution } from './long-contribution.js';
import { formatStages, runOnCorpus, runOnCsv } from './run-corpus.js';

/** Sizes of the single long contributions, in characters. */
const LONG_SIZES = [400_000, 1_600_000, 5_000_000];

/**
 * Ingest and clean of `count` contributions (contributions per second and peak memory), then of
 * single long contributions in each layout (time and peak memory; target: 5 MB under 5 s).
 */
export async function benchClean(count: number): Promise<string> {
  const report = await runOnCorpus(count, 'clean');
  const rate = count / (report.ms / 1000);
  return [
    `ingest + clean of ${count.toLocaleString('en')} contributions`,
    ...formatStages(report),
    `  total    ${(report.ms / 1000).toFixed(2)} s  (${Math.round(rate).toLocaleString('en')} contributions/s; target >= 5,000)`,
    `  peak RSS ${Math.round(report.maxRssMb)} MB  (target < 500 MB)`,
    'ingest + clean of one long contribution (clean target: 5 MB under 5 s)',
    ...(await benchLong()),
  ].join('\n');
}

/** One line per size and layout: clean time, ingest time, peak memory and passages. */
async function benchLong(): Promise<string[]> {
  const sources = loadSourceTexts(PACKAGE_ROOT);
  const lines: string[] = [];
  for (const size of LONG_SIZES) {
    for (const shape of LONG_SHAPES) {
      const text = longContribution(size, shape, sources);
      const csv = `id,author,date,text\nlong,p1,2024-03-04T00:00:00.000Z,${csvField(text)}\n`;
      const report = await runOnCsv(csv, 'clean');
      const stage = (name: string) => report.stages.find((s) => s.name === name);
      const seconds = (name: string) => `${((stage(name)?.ms ?? 0) / 1000).toFixed(2)} s`;
      const passages = stage('clean')?.counts.passages ?? 0;
      lines.push(
        `  ${`${size / 1_000_000} MB`.padEnd(7)} ${shape.padEnd(14)} clean ${seconds('clean').padStart(8)}` +
          `  ingest ${seconds('ingest')}  peak RSS ${Math.round(report.maxRssMb)} MB  ${passages.toLocaleString('en')} passages`,
      );
    }
  }
  return lines;
}
