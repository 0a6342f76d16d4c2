import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { generateCorpus, loadSourceTexts } from './corpus.js';

interface WorkerReport {
  ms: number;
  maxRssMb: number;
  stages: { name: string; ms: number; counts: Record<string, number> }[];
}

const WORKER = fileURLToPath(new URL('./pipeline-worker.js', import.meta.url));

/**
 * Ingest and clean of `count` contributions (the bundled real texts replicated with
 * perturbations), in a fresh process: contributions per second and peak memory.
 */
export async function benchClean(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-'));
  try {
    await writeFile(
      join(dir, 'corpus.csv'),
      generateCorpus(count, 1, loadSourceTexts(PACKAGE_ROOT)),
    );
    const config = join(dir, 'consultation.yaml');
    await writeFile(
      config,
      'title: Benchmark\ninput:\n  files: [corpus.csv]\n  fields: { id: id, text: text, author: author, date: date }\n',
    );
    const output = execFileSync(process.execPath, [WORKER, config, join(dir, 'out'), 'clean'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const report = JSON.parse(output) as WorkerReport;
    const rate = count / (report.ms / 1000);
    return [
      `ingest + clean of ${count.toLocaleString('en')} contributions`,
      ...report.stages.map(
        (s) => `  ${s.name.padEnd(8)} ${(s.ms / 1000).toFixed(2)} s  ${JSON.stringify(s.counts)}`,
      ),
      `  total    ${(report.ms / 1000).toFixed(2)} s  (${Math.round(rate).toLocaleString('en')} contributions/s; target >= 5,000)`,
      `  peak RSS ${Math.round(report.maxRssMb)} MB  (target < 500 MB)`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
