import type { LlmService } from '../llm/llm-service.js';
import { createMatrix, normalise, rowOf } from '../matrix.js';
import type { EmbeddingProvider } from './embedding-provider.js';

/** Texts per embeddings request: well under OpenAI's 2,048 inputs and 300,000 tokens. */
const BATCH = 128;

/**
 * Embeddings from a model on the LLM provider's server (e.g. OpenAI's `text-embedding-3-small`
 * or an Ollama embedding model), through the `LlmService`: queued, retried, cached by batch and
 * costed like chat calls. Rows are scaled to unit length. In a dry run the model is not called:
 * tokens are counted and `fallback` (the offline provider) gives the vectors, so that the
 * later stages can estimate their own calls.
 */
export function createModelEmbeddings(
  llm: LlmService,
  model: string,
  fallback: () => Promise<EmbeddingProvider>,
): EmbeddingProvider {
  return {
    id: `model:${model}`,
    async embed(texts, options) {
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        // Servers reject empty inputs; a blank text gets a space (and so a near-empty vector).
        batches.push(texts.slice(i, i + BATCH).map((text) => (text.trim() ? text : ' ')));
      }
      let done = 0;
      options.onProgress?.({ unit: 'passages', done: 0, total: texts.length });
      const answers = await Promise.all(
        batches.map(async (batch) => {
          const vectors = await llm.embed(model, batch);
          done += batch.length;
          options.onProgress?.({ unit: 'passages', done, total: texts.length });
          return vectors;
        }),
      );
      if (answers.some((vectors) => vectors === null)) {
        return (await fallback()).embed(texts, options);
      }
      const rows = answers.flatMap((vectors) => vectors ?? []);
      const dims = rows[0]?.length ?? 0;
      const matrix = createMatrix(texts.length, dims);
      rows.forEach((vector, i) => {
        const row = rowOf(matrix, i);
        row.set(vector.slice(0, dims));
        normalise(row);
      });
      return matrix;
    },
  };
}
