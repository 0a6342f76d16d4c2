import type { Matrix } from '../matrix.js';
import type { PhaseProgress } from '../progress-counter.js';

/**
 * Turns texts into vectors. Implementations: `offline` (bundled word vectors + TF-IDF, the
 * default) and `model` (an embeddings model on the LLM provider's server). Concurrency, retries and caching live around
 * providers, never inside stages.
 */
export interface EmbeddingProvider {
  /** Identifies the model and its settings; part of the embed stage's cache key. */
  readonly id: string;
  /**
   * Embeds `texts` as one corpus (offline providers fit corpus statistics such as IDF and the
   * common component on them, so texts to be compared must be embedded together). Rows are
   * unit length, or zero for a text with nothing to embed.
   */
  embed(texts: readonly string[], options: EmbedOptions): Promise<Matrix>;
}

export interface EmbedOptions {
  signal: AbortSignal;
  /**
   * Hears the texts done so far, and the parts of the work when there are several (an offline
   * provider's words, vectors and LSA fit).
   */
  onProgress?: PhaseProgress;
  /** Language per text (ISO 639-1), for tokenisation and stop words. */
  languages?: readonly string[];
  /** Called with a warning for the run's log, such as vectors that do not fit the language. */
  onWarning?: (message: string) => void;
  /**
   * How much each text counts in what an offline provider fits on the corpus (IDF, the LSA
   * basis, SIF's common words and component), so that one long contribution does not bend the
   * space for everyone (see `passageWeights`). Default 1 each; a model's embeddings ignore it.
   */
  weights?: readonly number[];
}
