import { createMatrix, type Matrix, normalise, rowOf } from '../matrix.js';
import { latentSemantics } from '../nlp/lsa.js';
import { sifVectors } from '../nlp/sif.js';
import { tfidfMatrix } from '../nlp/tfidf.js';
import { contentWords, foldWord } from '../nlp/tokenise.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import { countPhase } from '../progress-counter.js';
import type { EmbeddingProvider, EmbedOptions } from './embedding-provider.js';

/** Dimensions of the TF-IDF part after latent semantic analysis. */
const LSA_DIMS = 100;
/** Weight of the TF-IDF part against the word-vector part (both unit length before weighting). */
const LEXICAL_WEIGHT = 0.6;

export interface OfflineEmbeddingOptions {
  /** The bundled word vectors (`loadWordVectors`). */
  words: WordVectors;
}

/**
 * The offline embedding provider: a text's vector joins its SIF sentence vector from the bundled
 * word vectors (meaning: "bus" near "transit") with its TF-IDF profile over folded words and
 * word pairs, reduced by LSA (wording: "bus route 45"). Both parts are fitted on the corpus, so
 * texts to be compared must be embedded in one call; `EmbedOptions.weights` says how much each
 * text counts in that fit.
 */
export function createOfflineEmbeddings(options: OfflineEmbeddingOptions): EmbeddingProvider {
  const { words } = options;
  return {
    id: `offline:sif(${words.source})+tfidf-lsa${LSA_DIMS}x${LEXICAL_WEIGHT}`,
    embed: async (texts, embedOptions) => embedCorpus(texts, words, embedOptions),
  };
}

/** The language of the bundled word vectors. */
const VECTOR_LANGUAGE = 'en';

/**
 * Embeds the corpus. The word-vector part is filled for English texts only: English vectors of
 * German or French words ("die", "man") are noise, so other texts rest on their TF-IDF part
 * alone. All texts share one LSA basis, so a mixed corpus stays one space and English texts keep
 * both parts; the zero word-vector part only scales down cross-language similarity.
 */
function embedCorpus(texts: readonly string[], words: WordVectors, options: EmbedOptions): Matrix {
  const languages = texts.map((_, i) => options.languages?.[i] ?? VECTOR_LANGUAGE);
  const read = countPhase(options.onProgress, 'words', 'passages', texts.length);
  const tokens = texts.map((text, i) => {
    read.add();
    return contentWords(text, languages[i] as string);
  });
  warnIfMostlyWithoutVectors(languages, options);
  const weights = options.weights ? { weights: options.weights } : {};
  // Steps: each passage's SIF vector, its features, its TF-IDF row.
  const fitted = countPhase(options.onProgress, 'SIF and TF-IDF', 'steps', 3 * texts.length);
  const onDocument = () => fitted.add();
  const semantic = sifVectors(
    tokens.map((ts, i) => (languages[i] === VECTOR_LANGUAGE ? ts : [])),
    words,
    { ...weights, onDocument },
  );
  const features = tokens.map((ts, i) => {
    fitted.add();
    return lexicalFeatures(ts, languages[i] as string);
  });
  const tfidf = tfidfMatrix(features, { ...weights, onDocument });
  fitted.finish();
  const lexical = latentSemantics(tfidf, LSA_DIMS, { ...weights, onProgress: options.onProgress });
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
  return out;
}

/** One warning when most texts are in a language the bundled word vectors do not cover. */
function warnIfMostlyWithoutVectors(languages: readonly string[], options: EmbedOptions): void {
  const without = languages.filter((language) => language !== VECTOR_LANGUAGE).length;
  if (2 * without <= languages.length) return;
  options.onWarning?.(
    `embed: ${without} of ${languages.length} passages are not in English, which the bundled ` +
      'word vectors cover; they are compared by their own words (TF-IDF with stop words and ' +
      'stemming for their language, reduced by LSA) instead',
  );
}

/** Folded words and pairs of neighbouring words: the features TF-IDF weighs. */
function lexicalFeatures(tokens: readonly string[], language: string): string[] {
  const folded = tokens.map((t) => foldWord(t, language));
  const pairs = folded.slice(1).map((w, i) => `${folded[i]} ${w}`);
  return [...folded, ...pairs];
}
