// Runs the tool and every baseline on one labelled group and tallies what each got right.
import { performance } from 'node:perf_hooks';
import type { WordVectors } from '../nlp/word-vectors.js';
import {
  type EvalGroup,
  holdOutExamples,
  NO_CLASS,
  singlyLabelled,
  trueCount,
} from './datasets/eval-group.js';
import {
  assignNearestTfidf,
  clusterSifKMeans,
  clusterTfidfKMeans,
  largestClass,
  nearestRows,
} from './methods/baselines.js';
import type { KMeansOptions } from './methods/kmeans.js';
import type { ToolCorpus, ToolRunner } from './methods/tool.js';
import { adjustedRandIndex, normalisedMutualInfo } from './metrics.js';

/** The rows of every dev set's table, in print order, with their names. */
export const SET_ROWS = [
  { id: 'tool', name: 'tool, default config' },
  { id: 'tool-true-k', name: 'tool, themeCount = true k' },
  { id: 'tool-ranking', name: 'tool, never "other"' },
  { id: 'tool-examples', name: 'tool, 3 examples per theme' },
  { id: 'tfidf-kmeans-true-k', name: 'TF-IDF + k-means, true k' },
  { id: 'tfidf-kmeans-tool-k', name: "TF-IDF + k-means, tool's k" },
  { id: 'sif-kmeans-true-k', name: 'SIF + k-means, true k' },
  { id: 'sif-kmeans-tool-k', name: "SIF + k-means, tool's k" },
  { id: 'nearest-vectors', name: "nearest theme, tool's vectors" },
  { id: 'nearest-tfidf', name: 'nearest theme, TF-IDF' },
  { id: 'largest', name: 'always the largest theme' },
] as const;
export type RowId = (typeof SET_ROWS)[number]['id'];

/** Settings that send no text to "other": the tool's ranking of taxonomy themes alone. */
export const NEVER_OTHER = {
  guidedThreshold: 0,
  guidedOutlierDeviations: Number.POSITIVE_INFINITY,
} as const;

/** What the methods need besides the texts. */
export interface EvalKit {
  tool: ToolRunner;
  words: WordVectors;
  /** The first seed is scored (the config's default, 1); the second gives seed stability. */
  seeds: readonly [number, number];
  kMeans?: KMeansOptions;
  /** Called after each method run. */
  step?: () => void;
}

/** A guided run's counts: singly-labelled texts and those right; texts sent to "other". */
export interface GuidedTally {
  correct: number;
  labelled: number;
  unassigned: number;
  sent: number;
  sentOutOfTaxonomy: number;
  outOfTaxonomy: number;
}

/** A clustering's scores against the labels, its theme count and its -1 labels. */
export interface EmergentTally {
  nmi: number;
  ari: number;
  /** Themes found (for the count ratio), and distinct labels with -1 as one. */
  themes: number;
  distinct: number;
  unclustered: number;
}

/** One method's results on one group. */
export interface RowTally {
  seconds: number;
  guided?: GuidedTally;
  emergent?: EmergentTally;
  seedAri?: number;
}

/** Method runs per group, for progress. */
export const RUNS_PER_GROUP = 14;

/** One group's inputs and the tallies its runs fill. */
interface GroupContext {
  group: EvalGroup;
  kit: EvalKit;
  /** The singly-labelled texts, which clusterings are scored on, and their number of classes. */
  scored: { texts: string[]; labels: Int32Array };
  k: number;
  emergentCorpus: ToolCorpus;
  guidedCorpus: ToolCorpus;
  tallies: Map<RowId, RowTally>;
}

/**
 * Runs every row's method on the group: clusterings of its singly-labelled texts, and guided
 * runs over all its texts with its classes as the taxonomy (texts fitting several are themed
 * with the rest but not scored). The tool's and TF-IDF's clusterings also run with the second
 * seed.
 */
export async function runGroup(group: EvalGroup, kit: EvalKit): Promise<Map<RowId, RowTally>> {
  const scored = singlyLabelled(group);
  const context: GroupContext = {
    group,
    kit,
    scored,
    k: trueCount(group),
    emergentCorpus: { texts: scored.texts, language: group.language, taxonomy: [] },
    guidedCorpus: { texts: group.texts, language: group.language, taxonomy: group.classes },
    tallies: new Map(SET_ROWS.map((row) => [row.id, { seconds: 0 }])),
  };
  const toolK = await runTool(context);
  await runKMeans(context, toolK);
  await runNearest(context);
  return context.tallies;
}

/** Times a method run into its row's tally. */
async function timed<T>(context: GroupContext, id: RowId, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await work();
  (context.tallies.get(id) as RowTally).seconds += (performance.now() - start) / 1000;
  context.kit.step?.();
  return result;
}

function tallyOf(context: GroupContext, id: RowId): RowTally {
  return context.tallies.get(id) as RowTally;
}

/** The tool's rows; returns the number of emergent themes of its default run (at least 1). */
async function runTool(context: GroupContext): Promise<number> {
  const { kit, emergentCorpus, guidedCorpus, group, scored, k } = context;
  const [seed, otherSeed] = kit.seeds;
  const first = await timed(context, 'tool', () => kit.tool.themes(emergentCorpus, seed));
  const second = await timed(context, 'tool', () => kit.tool.themes(emergentCorpus, otherSeed));
  const guided = await timed(context, 'tool', () => kit.tool.themes(guidedCorpus, seed));
  Object.assign(tallyOf(context, 'tool'), {
    emergent: emergentTally(scored.labels, first.emergent, first.emergentCount),
    seedAri: adjustedRandIndex(first.emergent, second.emergent),
    guided: guidedTally(group, guided.guided),
  });
  const fixed = await timed(context, 'tool-true-k', () =>
    kit.tool.themes(emergentCorpus, seed, { themeCount: k }),
  );
  tallyOf(context, 'tool-true-k').emergent = emergentTally(
    scored.labels,
    fixed.emergent,
    fixed.emergentCount,
  );
  const ranked = await timed(context, 'tool-ranking', () =>
    kit.tool.themes(guidedCorpus, seed, NEVER_OTHER),
  );
  tallyOf(context, 'tool-ranking').guided = guidedTally(group, ranked.guided);
  await runWithExamples(context);
  return Math.max(1, first.emergentCount);
}

/** Examples per taxonomy theme in the `tool-examples` row. */
const EXAMPLES_PER_THEME = 3;

/**
 * The default config with each theme's first labelled texts as its `examples`; those texts are
 * taken out of the corpus, so they are neither themed nor scored.
 */
async function runWithExamples(context: GroupContext): Promise<void> {
  const { kit, group: whole } = context;
  const { group, examples } = holdOutExamples(whole, EXAMPLES_PER_THEME);
  const corpus = {
    texts: group.texts,
    language: group.language,
    taxonomy: group.classes,
    examples,
  };
  const seeded = await timed(context, 'tool-examples', () => kit.tool.themes(corpus, kit.seeds[0]));
  tallyOf(context, 'tool-examples').guided = guidedTally(group, seeded.guided);
}

/** k-means on TF-IDF and on SIF vectors, at the true k and at the tool's. */
async function runKMeans(context: GroupContext, toolK: number): Promise<void> {
  const { kit, scored, k } = context;
  const { language } = context.group;
  const [seed, otherSeed] = kit.seeds;
  const tfidf = (count: number, s: number) =>
    clusterTfidfKMeans(scored.texts, language, count, s, kit.kMeans);
  const sif = (count: number) =>
    clusterSifKMeans(scored.texts, language, kit.words, count, seed, kit.kMeans);
  const runs: [RowId, number, () => Int32Array][] = [
    ['tfidf-kmeans-true-k', k, () => tfidf(k, seed)],
    ['tfidf-kmeans-tool-k', toolK, () => tfidf(toolK, seed)],
    ['sif-kmeans-true-k', k, () => sif(k)],
    ['sif-kmeans-tool-k', toolK, () => sif(toolK)],
  ];
  const first = new Map<RowId, Int32Array>();
  for (const [id, count, work] of runs) {
    const labels = await timed(context, id, work);
    first.set(id, labels);
    tallyOf(context, id).emergent = emergentTally(scored.labels, labels, count);
  }
  const reseeded = await timed(context, 'tfidf-kmeans-true-k', () => tfidf(k, otherSeed));
  tallyOf(context, 'tfidf-kmeans-true-k').seedAri = adjustedRandIndex(
    first.get('tfidf-kmeans-true-k') as Int32Array,
    reseeded,
  );
}

/** The nearest taxonomy theme by the tool's vectors and by TF-IDF, and the largest class. */
async function runNearest(context: GroupContext): Promise<void> {
  const { kit, group, guidedCorpus } = context;
  const nearest = await timed(context, 'nearest-vectors', async () => {
    const vectors = await kit.tool.vectors(guidedCorpus, kit.seeds[0]);
    return nearestRows(vectors.texts, vectors.taxonomy);
  });
  tallyOf(context, 'nearest-vectors').guided = guidedTally(group, nearest);
  const lexical = await timed(context, 'nearest-tfidf', () =>
    assignNearestTfidf(group.texts, group.classes, group.language),
  );
  tallyOf(context, 'nearest-tfidf').guided = guidedTally(group, lexical);
  const largest = await timed(context, 'largest', () =>
    new Int32Array(group.texts.length).fill(largestClass(group.labels)),
  );
  tallyOf(context, 'largest').guided = guidedTally(group, largest);
}

function emergentTally(truth: Int32Array, labels: Int32Array, themes: number): EmergentTally {
  return {
    nmi: normalisedMutualInfo(truth, labels),
    ari: adjustedRandIndex(truth, labels),
    themes,
    distinct: new Set(labels).size,
    unclustered: labels.filter((label) => label === -1).length,
  };
}

/** Counts a guided run: right when a singly-labelled text joined its class; -1 = "other". */
export function guidedTally(group: EvalGroup, choices: Int32Array): GuidedTally {
  const tally = {
    correct: 0,
    labelled: 0,
    unassigned: 0,
    sent: 0,
    sentOutOfTaxonomy: 0,
    outOfTaxonomy: 0,
  };
  group.labels.forEach((label, i) => {
    const choice = choices[i] as number;
    const outside = label === NO_CLASS;
    if (label >= 0) {
      tally.labelled++;
      if (choice === label) tally.correct++;
      if (choice === -1) tally.unassigned++;
    }
    if (outside) tally.outOfTaxonomy++;
    if (choice === -1) {
      tally.sent++;
      if (outside) tally.sentOutOfTaxonomy++;
    }
  });
  return tally;
}
