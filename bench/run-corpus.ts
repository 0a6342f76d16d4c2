import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { generateCorpus, loadSourceTexts } from './corpus.js';

/** Generated contributions per wanted passage: about 40% of the corpus merges as duplicates. */
export const CONTRIBUTIONS_PER_PASSAGE = 1.65;

/** What the worker process reports: total time, peak memory and each stage's figures. */
export interface WorkerReport {
  ms: number;
  maxRssMb: number;
  /** The stages, then `export` when the run reached `render`; `maxRssMb` is the peak so far. */
  stages: {
    name: string;
    status: string;
    ms: number;
    counts: Record<string, number>;
    maxRssMb: number;
  }[];
  /** The exported files' sizes in bytes, by name (report.html, brief.pdf, sources.csv...). */
  files?: Record<string, number>;
}

const WORKER = fileURLToPath(new URL('./pipeline-worker.js', import.meta.url));

/**
 * Runs the pipeline up to `to` (default: to the end, the export included) on `count` generated
 * contributions (the bundled real texts replicated with perturbations) in a fresh process, so
 * its peak memory is its own.
 */
export function runOnCorpus(count: number, to?: string): Promise<WorkerReport> {
  return runOnCsv(generateCorpus(count, 1, loadSourceTexts(PACKAGE_ROOT)), to);
}

/**
 * Runs the pipeline up to `to` (default: to the end) on a CSV of contributions
 * (`id,author,date,text`) in a fresh process, so its peak memory is its own.
 */
export async function runOnCsv(csv: string, to?: string): Promise<WorkerReport> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-'));
  try {
    await writeFile(join(dir, 'corpus.csv'), csv);
    const config = join(dir, 'consultation.yaml');
    await writeFile(config, await benchConfig());
    return runConfig(config, join(dir, 'out'), to);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the pipeline on a config up to `to` in a fresh process (its peak memory its own). */
export function runConfig(config: string, outDir: string, to?: string): WorkerReport {
  const output = execFileSync(process.execPath, [WORKER, config, outDir, ...(to ? [to] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output) as WorkerReport;
}

/**
 * The benchmark's config: the generated corpus, themed in guided mode with the rule-of-law
 * example's taxonomy (UNDP's seven thematic areas), so the bench times guided and emergent
 * theming together, as a programme team with a taxonomy would run it.
 */
export async function benchConfig(): Promise<string> {
  const example = join(PACKAGE_ROOT, 'examples', 'rule-of-law', 'consultation.yaml');
  const { themes } = parse(await readFile(example, 'utf8')) as { themes: unknown[] };
  return stringify({
    title: 'Benchmark',
    input: {
      files: ['corpus.csv'],
      fields: { id: 'id', text: 'text', author: 'author', date: 'date' },
    },
    themes,
  });
}

/** One line per stage: time, counts, and with `memory` the peak RSS as the stage finished. */
export function formatStages(report: WorkerReport, memory = false): string[] {
  return report.stages.map((s) => {
    const peak = memory ? `  peak ${Math.round(s.maxRssMb).toLocaleString('en')} MB` : '';
    return `  ${s.name.padEnd(10)} ${(s.ms / 1000).toFixed(2).padStart(7)} s${peak}  ${JSON.stringify(s.counts)}`;
  });
}
