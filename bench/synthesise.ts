import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import {
  CONTRIBUTIONS_PER_PASSAGE,
  runConfig,
  runOnCorpus,
  type WorkerReport,
} from './run-corpus.js';

/**
 * Synthesis of the Bowling Green example (target under 5 s) and of about `passages` generated
 * passages (target under 60 s at 100,000), each after the stages before it.
 */
export async function benchSynthesise(passages: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-'));
  try {
    const example = join(PACKAGE_ROOT, 'examples', 'bowling-green', 'consultation.yaml');
    const bowlingGreen = runConfig(example, join(dir, 'bg'), 'synthesise');
    const large = await runOnCorpus(Math.round(passages * CONTRIBUTIONS_PER_PASSAGE), 'synthesise');
    return [
      ...describe('Bowling Green', bowlingGreen, 5),
      ...describe('generated corpus', large, 60),
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function describe(name: string, report: WorkerReport, targetSeconds: number): string[] {
  const synthesise = report.stages.find((s) => s.name === 'synthesise');
  const passages = report.stages.find((s) => s.name === 'embed')?.counts.passages ?? 0;
  return [
    `synthesis of ${name} (${passages.toLocaleString('en')} passages)`,
    `  synthesise ${((synthesise?.ms ?? 0) / 1000).toFixed(2)} s  (target < ${targetSeconds} s)  ${JSON.stringify(synthesise?.counts ?? {})}`,
    `  peak RSS ${Math.round(report.maxRssMb)} MB for the whole run`,
  ];
}
