import { createMatrix, type Matrix, normalise, rowOf } from '../matrix.js';
import { latentSemantics } from '../nlp/lsa.js';
import { sifVectors } from '../nlp/sif.js';
import { tfidfMatrix } from '../nlp/tfidf.js';
import { contentWords, foldWord } from '../nlp/tokenise.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import type { EmbeddingProvider, EmbedOptions } from './embedding-provider.js';

/** Dimensions of the TF-IDF part after latent semantic analysis. */
const LSA_DIMS = 100;
/** Weight of the TF-IDF part against the word-vector part (both unit length before weighting). */
const LEXICAL_WEIGHT = 0.6;

export interface OfflineEmbeddingOptions {
  /** The bundled word vectors (`loadWordVectors`). */
  words: WordVectors;
  seed: number;
}

/**
 * The offline embedding provider: a text's vector joins its SIF sentence vector from the bundled
 * word vectors (meaning: "bus" near "transit") with its TF-IDF profile over folded words and
 * word pairs, reduced by LSA (wording: "bus route 45"). Both parts are fitted on the corpus, so
 * texts to be compared must be embedded in one call.
 */
export function createOfflineEmbeddings(options: OfflineEmbeddingOptions): EmbeddingProvider {
  const { words } = options;
  return {
    id: `offline:sif(${words.source})+tfidf-lsa${LSA_DIMS}x${LEXICAL_WEIGHT}`,
    embed: async (texts, embedOptions) => embedCorpus(texts, words, options.seed, embedOptions),
  };
}

function embedCorpus(
  texts: readonly string[],
  words: WordVectors,
  seed: number,
  options: EmbedOptions,
): Matrix {
  const tokens = texts.map((text, i) => contentWords(text, options.languages?.[i] ?? 'en'));
  options.onProgress?.(0, texts.length);
  const semantic = sifVectors(tokens, words);
  const features = tokens.map((ts, i) => lexicalFeatures(ts, options.languages?.[i] ?? 'en'));
  const lexical = latentSemantics(tfidfMatrix(features), LSA_DIMS, seed);
  const out = createMatrix(texts.length, words.dims + LSA_DIMS);
  for (let i = 0; i < texts.length; i++) {
    const row = rowOf(out, i);
    const s = rowOf(semantic, i);
    normalise(s);
    row.set(s, 0);
    const l = rowOf(lexical, i);
    normalise(l);
    for (let k = 0; k < l.length; k++) row[words.dims + k] = LEXICAL_WEIGHT * (l[k] as number);
    normalise(row);
  }
  options.onProgress?.(texts.length, texts.length);
  return out;
}

/** Folded words and pairs of neighbouring words: the features TF-IDF weighs. */
function lexicalFeatures(tokens: readonly string[], language: string): string[] {
  const folded = tokens.map((t) => foldWord(t, language));
  const pairs = folded.slice(1).map((w, i) => `${folded[i]} ${w}`);
  return [...folded, ...pairs];
}
