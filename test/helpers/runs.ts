import { join } from 'node:path';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { loadWordVectors } from '../../pipeline/nlp/word-vectors.js';
import { type RunSummary, runPipeline } from '../../pipeline/runner.js';
import type { StageName } from '../../pipeline/stages/index.js';
import { passageRows } from '../../pipeline/stages/themes.js';
import { buildCorpus, type SynthesisCorpus } from '../../pipeline/synthesis/findings/corpus.js';
import type { Themes } from '../../schemas/themes.js';
import { copyFixture } from './cli.js';
import { createCollectingLogger } from './context.js';

/** The production date of briefs rendered in tests. */
export const FIXED_DATE = '2024-06-01';

/** A copy of a fixture run up to a stage (default: synthesise), and its run folder. */
export async function runFixture(
  name: string,
  to: StageName = 'synthesise',
): Promise<{ summary: RunSummary; out: string }> {
  return runCopy(await copyFixture(name), to);
}

/** Runs `consultation.yaml` in a folder up to a stage, into `out` there. */
export async function runCopy(
  dir: string,
  to: StageName = 'synthesise',
): Promise<{ summary: RunSummary; out: string }> {
  const out = join(dir, 'out');
  const summary = await runPipeline({
    configPath: join(dir, 'consultation.yaml'),
    outDir: out,
    to,
    cacheDir: defaultCacheDir(process.env),
    logger: createCollectingLogger(),
    // A fixed production date, so that rendered briefs can be compared with golden files.
    date: FIXED_DATE,
  });
  return { summary, out };
}

/**
 * The synthesis corpus of a run, with its own themes or the given ones (which must use the
 * run's passage ids).
 */
export async function corpusOf(summary: RunSummary, themes?: Themes): Promise<SynthesisCorpus> {
  const records = await summary.load('clean');
  const vectors = await summary.load('vectors');
  const rowOf = new Map(vectors.header.ids.map((id, row) => [id, row]));
  const ids = records.flatMap((r) => (r.status === 'kept' ? r.passages.map((p) => p.id) : []));
  return buildCorpus({
    config: summary.config.config,
    records,
    contributions: await summary.load('contributions'),
    themes: themes ?? (await summary.load('themes')),
    vectors: passageRows(
      vectors.matrix,
      ids.map((id) => rowOf.get(id) as number),
    ),
    words: await loadWordVectors(defaultCacheDir(process.env)),
    ballots: await summary.load('votes'),
  });
}
