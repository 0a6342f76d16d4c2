// The tool's own theming for the eval: the embed and themes stages' code with the default config.
import type { TaxonomyTheme, ThemingConfig } from '../../../schemas/consultation.js';
import type { Matrix } from '../../matrix.js';
import { detectLanguages } from '../../nlp/language.js';
import type { WordVectors } from '../../nlp/word-vectors.js';
import { createOfflineEmbeddings } from '../../providers/offline-embeddings.js';
import {
  type BuildThemesInput,
  buildThemes,
  draftTopLevelThemes,
} from '../../themes/build-themes.js';
import { selectRows } from '../../themes/emergent.js';
import { taxonomyText } from '../../themes/guided.js';
import { THEME_DEFAULTS } from '../../themes/settings.js';

/** A corpus to theme: one passage per text, the consultation's language and its taxonomy. */
export interface ToolCorpus {
  texts: readonly string[];
  language: string;
  /** The taxonomy's theme labels (guided themes); empty for emergent themes alone. */
  taxonomy: readonly string[];
  /** Each taxonomy theme's `examples` (by index); none when absent. */
  examples?: readonly (readonly string[])[];
}

/** Where the tool put each text among its top-level themes. */
export interface ToolThemes {
  /** The taxonomy theme each text joined first, or -1 when it went to discovery. */
  guided: Int32Array;
  /** Each text's emergent theme (0 = the largest), or -1: in a guided theme or "Other ideas". */
  emergent: Int32Array;
  /** How many emergent themes there are. */
  emergentCount: number;
}

/** A theme's label and its number of passages. */
export interface ThemeLabelCount {
  label: string;
  passages: number;
}

/** The tool's theming, run on eval corpora; results for one corpus object are cached. */
export interface ToolRunner {
  /** The top-level themes, with the default config changed only by `settings`. */
  themes(corpus: ToolCorpus, seed: number, settings?: Partial<ThemingConfig>): Promise<ToolThemes>;
  /** The labels of the top-level emergent themes, largest first (the whole themes stage). */
  labels(corpus: ToolCorpus, seed: number): Promise<ThemeLabelCount[]>;
  /** The vectors of the texts and of the taxonomy themes, embedded together as the embed stage does. */
  vectors(corpus: ToolCorpus, seed: number): Promise<{ texts: Matrix; taxonomy: Matrix }>;
}

/**
 * The tool as `brief run` themes a consultation without author ids: each text one passage of
 * its own contribution, languages detected as the clean stage does, the offline embedding
 * provider (seed-free), then `draftTopLevelThemes` (or `buildThemes` for labels).
 */
export function createToolRunner(words: WordVectors): ToolRunner {
  const languagesOf = memoise((corpus: ToolCorpus) =>
    detectLanguages(
      corpus.texts.map((text) => ({ text, declared: null })),
      corpus.language,
    ),
  );
  // The embedding and the themes are seed-free (see `latentSemantics`, `clusterVectors`).
  const embeddingOf = memoise((corpus: ToolCorpus) => embed(corpus, words, languagesOf(corpus)));
  const inputOf = async (corpus: ToolCorpus, settings: Partial<ThemingConfig>) =>
    themesInput(corpus, await embeddingOf(corpus), await languagesOf(corpus), {
      words,
      settings: { ...THEME_DEFAULTS, ...settings },
    });
  return {
    async themes(corpus, _seed, settings = {}) {
      return toolThemesOf(draftTopLevelThemes(await inputOf(corpus, settings)));
    },
    async labels(corpus) {
      const { themes } = buildThemes(await inputOf(corpus, {}));
      return themes
        .filter((theme) => theme.parentId === null && theme.origin.kind === 'emergent')
        .map((theme) => ({ label: theme.label, passages: theme.passageIds.length }));
    },
    async vectors(corpus) {
      const matrix = await embeddingOf(corpus);
      const n = corpus.texts.length;
      return {
        texts: selectRows(matrix, [...corpus.texts.keys()]),
        taxonomy: selectRows(
          matrix,
          corpus.taxonomy.map((_, t) => n + t),
        ),
      };
    },
  };
}

/** `make` called once per corpus object, its result kept while the corpus lives. */
function memoise<T>(make: (corpus: ToolCorpus) => T): (corpus: ToolCorpus) => T {
  const known = new WeakMap<ToolCorpus, T>();
  return (corpus) => {
    if (!known.has(corpus)) known.set(corpus, make(corpus));
    return known.get(corpus) as T;
  };
}

/**
 * Texts, taxonomy themes, then their examples in one call, as the embed stage does (taxonomy in
 * `language`).
 */
async function embed(
  corpus: ToolCorpus,
  words: WordVectors,
  languages: Promise<string[]>,
): Promise<Matrix> {
  const provider = createOfflineEmbeddings({ words });
  const taxonomy = taxonomyOf(corpus);
  const themeTexts = [...taxonomy.map(taxonomyText), ...taxonomy.flatMap((t) => t.examples)];
  return provider.embed([...corpus.texts, ...themeTexts], {
    signal: new AbortController().signal,
    languages: [...(await languages), ...themeTexts.map(() => corpus.language)],
  });
}

/** The corpus's taxonomy as a config gives it: each label with its examples, if any. */
function taxonomyOf(corpus: ToolCorpus): TaxonomyTheme[] {
  return corpus.taxonomy.map((label, t) => ({
    id: `theme-${t + 1}`,
    label,
    description: '',
    keywords: [],
    examples: [...(corpus.examples?.[t] ?? [])],
  }));
}

function themesInput(
  corpus: ToolCorpus,
  matrix: Matrix,
  languages: string[],
  run: { words: WordVectors; settings: ThemingConfig },
): BuildThemesInput {
  const n = corpus.texts.length;
  const themes = corpus.taxonomy.length;
  const ids = corpus.texts.map((_, i) => `e${i + 1}#1`);
  return {
    vectors: { rows: n, dims: matrix.dims, data: matrix.data.subarray(0, n * matrix.dims) },
    passages: {
      ids,
      texts: corpus.texts,
      languages,
      contributionsOf: ids.map((_, i) => [`e${i + 1}`]),
      // As the themes stage does without author ids: each contribution its own participant.
      participantsOf: ids.map((_, i) => [`contribution:e${i + 1}`]),
    },
    taxonomy: taxonomyOf(corpus),
    taxonomyVectors: {
      rows: themes,
      dims: matrix.dims,
      data: matrix.data.subarray(n * matrix.dims, (n + themes) * matrix.dims),
    },
    exampleVectors: {
      rows: matrix.rows - n - themes,
      dims: matrix.dims,
      data: matrix.data.subarray((n + themes) * matrix.dims),
    },
    words: run.words,
    language: corpus.language,
    settings: run.settings,
    provider: 'offline',
  };
}

function toolThemesOf(top: ReturnType<typeof draftTopLevelThemes>): ToolThemes {
  const emergent = new Int32Array(top.guided.length).fill(-1);
  top.emergent.groups.forEach((group, g) => {
    for (const row of group.rows) emergent[row] = g;
  });
  return { guided: top.guided, emergent, emergentCount: top.emergent.groups.length };
}
