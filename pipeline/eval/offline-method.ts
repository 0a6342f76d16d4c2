import type { EmbeddingProvider } from '../providers/embedding-provider.js';
import { createOfflineEmbeddings } from '../providers/offline-embeddings.js';
import { clusterVectors, selectRows } from '../themes/emergent.js';
import { assignGuided } from '../themes/guided.js';
import { THEME_DEFAULTS } from '../themes/settings.js';
import type { ThemeMethod } from './theme-method.js';

/** The product's offline theming (the same functions the themes stage runs), for the eval. */
export async function createOfflineMethod(cacheDir: string): Promise<ThemeMethod> {
  const signal = new AbortController().signal;
  const providers = new Map<number, Promise<EmbeddingProvider>>();
  const providerFor = (seed: number) => {
    const provider = providers.get(seed) ?? createOfflineEmbeddings({ cacheDir, seed });
    providers.set(seed, provider);
    return provider;
  };
  return {
    name: 'offline (SIF + TF-IDF/LSA, average linkage, modularity)',
    async cluster(texts, _k, seed) {
      const provider = await providerFor(seed);
      const vectors = await provider.embed(texts, { signal });
      return clusterVectors(vectors, {
        maxClusters: THEME_DEFAULTS.maxThemes,
        minClusterSize: THEME_DEFAULTS.minThemeSize,
        seed,
      }).labels;
    },
    async assign(texts, taxonomy) {
      const provider = await providerFor(1);
      const vectors = await provider.embed([...texts, ...taxonomy], { signal });
      const passages = selectRows(
        vectors,
        texts.map((_, i) => i),
      );
      const themes = selectRows(
        vectors,
        taxonomy.map((_, i) => texts.length + i),
      );
      return assignGuided(passages, themes, {
        // Every argument has a key point here, so the eval scores the ranking: no threshold.
        threshold: 0,
        secondMargin: THEME_DEFAULTS.guidedSecondMargin,
      }).primary;
    },
  };
}
