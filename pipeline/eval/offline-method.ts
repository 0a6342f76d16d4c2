import { contentWords } from '../nlp/tokenise.js';
import { alignmentScores } from '../nlp/word-alignment.js';
import { loadWordVectors } from '../nlp/word-vectors.js';
import type { EmbeddingProvider } from '../providers/embedding-provider.js';
import { createOfflineEmbeddings } from '../providers/offline-embeddings.js';
import { clusterVectors, selectRows } from '../themes/emergent.js';
import { assignGuided, guidedScores } from '../themes/guided.js';
import { THEME_DEFAULTS } from '../themes/settings.js';
import type { ThemeMethod } from './theme-method.js';

/** The product's offline theming (the same functions the themes stage runs), for the eval. */
export async function createOfflineMethod(cacheDir: string): Promise<ThemeMethod> {
  const signal = new AbortController().signal;
  const words = await loadWordVectors(cacheDir);
  const providers = new Map<number, EmbeddingProvider>();
  const providerFor = (seed: number) => {
    const provider = providers.get(seed) ?? createOfflineEmbeddings({ words, seed });
    providers.set(seed, provider);
    return provider;
  };
  return {
    name: 'offline (SIF + TF-IDF/LSA, average linkage, modularity; guided: + word alignment)',
    async cluster(texts, _k, seed) {
      const provider = providerFor(seed);
      const vectors = await provider.embed(texts, { signal });
      return clusterVectors(vectors, {
        maxClusters: THEME_DEFAULTS.maxThemes,
        minClusterSize: THEME_DEFAULTS.minThemeSize,
        seed,
      }).labels;
    },
    async assign(texts, taxonomy) {
      const provider = providerFor(1);
      const vectors = await provider.embed([...texts, ...taxonomy], { signal });
      const passages = selectRows(
        vectors,
        texts.map((_, i) => i),
      );
      const themes = selectRows(
        vectors,
        taxonomy.map((_, i) => texts.length + i),
      );
      const tokens = (list: readonly string[]) => list.map((text) => contentWords(text, 'en'));
      const alignment = alignmentScores(tokens(texts), tokens(taxonomy), words, 'en');
      return assignGuided(guidedScores(passages, themes, alignment), {
        // Every argument has a key point here, so the eval scores the ranking: no threshold.
        threshold: 0,
        secondMargin: THEME_DEFAULTS.guidedSecondMargin,
      }).primary;
    },
  };
}
