import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { generateCorpus, loadSourceTexts } from './corpus.js';

/** What the worker process reports: total time, peak memory and each stage's figures. */
export interface WorkerReport {
  ms: number;
  maxRssMb: number;
  stages: { name: string; status: string; ms: number; counts: Record<string, number> }[];
}

const WORKER = fileURLToPath(new URL('./pipeline-worker.js', import.meta.url));

/**
 * Runs the pipeline up to `to` on `count` generated contributions (the bundled real texts
 * replicated with perturbations) in a fresh process, so its peak memory is its own.
 */
export async function runOnCorpus(count: number, to: string): Promise<WorkerReport> {
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
    const output = execFileSync(process.execPath, [WORKER, config, join(dir, 'out'), to], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(output) as WorkerReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per stage: time and counts. */
export function formatStages(report: WorkerReport): string[] {
  return report.stages.map(
    (s) => `  ${s.name.padEnd(8)} ${(s.ms / 1000).toFixed(2)} s  ${JSON.stringify(s.counts)}`,
  );
}
