import type { CleanRecord } from '../../schemas/clean-record.js';
import { passageWeights } from '../contribution-weights.js';
import { stageProgress } from '../progress-counter.js';
import { type StageContext, type StageResult, throwIfAborted } from '../stage.js';
import { exampleRowId, taxonomyRowId, taxonomyText } from '../themes/guided.js';
import type { Vectors } from '../vectors-file.js';

/**
 * The embed stage: one vector per kept passage, then one per taxonomy theme (`theme:<id>`), then
 * one per theme example (`theme:<id>/example:<k>`), embedded together so they share one space.
 * A contribution of many passages weighs as a few in the corpus statistics (see `passageWeights`).
 */
export async function embedPassages(
  records: readonly CleanRecord[],
  ctx: StageContext,
): Promise<StageResult<Vectors>> {
  const kept = records.filter((r) => r.status === 'kept');
  const passages = kept.flatMap((r) =>
    r.passages.map((p) => ({ id: p.id, text: p.text, language: r.language, contribution: r.id })),
  );
  // One long contribution counts as a few passages in what the corpus fits (IDF, LSA, SIF).
  const weights = passageWeights(passages.map((p) => p.contribution));
  const taxonomy = ctx.config.themes.map((t) => ({
    id: taxonomyRowId(t.id),
    text: taxonomyText(t),
    language: ctx.config.language,
  }));
  const examples = ctx.config.themes.flatMap((t) =>
    t.examples.map((text, k) => ({
      id: exampleRowId(t.id, k),
      text,
      language: ctx.config.language,
    })),
  );
  const rows = [...passages, ...taxonomy, ...examples];
  const provider = await ctx.embeddings();
  throwIfAborted(ctx.signal, 'Embed');
  const matrix = await provider.embed(
    rows.map((r) => r.text),
    {
      signal: ctx.signal,
      languages: rows.map((r) => r.language),
      weights: rows.map((_, i) => weights[i] ?? 1),
      onWarning: (message) => ctx.logger.warn(message),
      onProgress: stageProgress(ctx, 'embed'),
    },
  );
  return {
    output: {
      header: { provider: provider.id, dims: matrix.dims, ids: rows.map((r) => r.id) },
      matrix,
    },
    counts: {
      passages: passages.length,
      taxonomyThemes: taxonomy.length,
      themeExamples: examples.length,
      dimensions: matrix.dims,
    },
  };
}
