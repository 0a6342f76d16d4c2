import type { Consultation } from '../../schemas/consultation.js';
import type { ArtifactData, ArtifactName } from '../artifacts.js';
import { redactOptionsOf } from '../nlp/redact.js';
import type { InputSource, ReviewInput, StageContext, StageResult } from '../stage.js';
import { cleanContributions } from './clean.js';
import { embedPassages } from './embed.js';
import { ingestContributions } from './ingest.js';
import { llmSlice } from './llm-slice.js';
import { renderStage } from './render.js';
import { applyReviewStage } from './review.js';
import { SYNTHESISE_VERSION, synthesiseFindings, synthesiseStageSlice } from './synthesise.js';
import { findThemes } from './themes.js';
import { readBallots } from './votes.js';

/** What the runner hands a stage: the input files and a loader for upstream artifacts. */
export interface StageInputs<K extends ArtifactName = ArtifactName> {
  sources: readonly InputSource[];
  /** The vote matrix file (`input.votes`), or null. */
  votes: InputSource | null;
  load<N extends ArtifactName>(name: N): Promise<ArtifactData<N>>;
  /** The review log and base (only stages with `readsReview` get them in their cache key). */
  review: ReviewInput;
  /**
   * The artifact this stage wrote last time, as the manifest recorded it (validated), for
   * stages that reuse parts of it; null when there is none, it changed on disk, or the run
   * was asked to recompute the stage (`--from`).
   */
  previous(): Promise<ArtifactData<K> | null>;
}

/** A stage as the runner sees it. */
export interface StageSpec<K extends ArtifactName = ArtifactName> {
  name: string;
  /** Bump when the stage's output changes for the same input, to invalidate caches. */
  version: number;
  /** One line for `--help`. */
  summary: string;
  output: K;
  /** Upstream artifacts the stage reads; their hashes are part of its cache key. */
  inputs: readonly ArtifactName[];
  /** Whether the input files themselves are part of the cache key. */
  readsInputFiles: boolean;
  /** Whether `review.json` is part of the cache key. */
  readsReview?: boolean;
  /** The part of the config the output depends on; changing anything else keeps the cache. */
  configSlice(config: Consultation): unknown;
  run(inputs: StageInputs<K>, ctx: StageContext): Promise<StageResult<ArtifactData<K>>>;
}

function defineStage<K extends ArtifactName>(spec: StageSpec<K>): StageSpec<K> {
  return spec;
}

/** The pipeline's stages, in order. */
export const STAGES = [
  defineStage({
    name: 'ingest',
    // 4: headerRows honoured, repeated XLSX header names made unique, the survey layout.
    version: 4,
    summary: 'read the input files into contributions.jsonl',
    output: 'contributions',
    inputs: [],
    readsInputFiles: true,
    // The survey layout reads each guiding question's column and names contributions by its id.
    configSlice: (config) => ({
      input: config.input,
      questions: config.questions.map((q) => ({ id: q.id, column: q.column ?? null })),
    }),
    run: ({ sources }, ctx) => ingestContributions(sources, ctx),
  }),
  defineStage({
    name: 'votes',
    version: 1,
    summary: 'read the vote matrix (input.votes) into votes.json',
    output: 'votes',
    inputs: ['contributions'],
    readsInputFiles: true,
    configSlice: (config) => config.input.votes ?? null,
    run: async ({ votes, load }, ctx) =>
      readBallots(
        votes,
        ctx.config.input.votes?.participant ?? 'participant',
        await load('contributions'),
        ctx,
      ),
  }),
  defineStage({
    name: 'clean',
    version: 7,
    summary: 'clean, redact, deduplicate and segment into clean.jsonl',
    output: 'clean',
    inputs: ['contributions'],
    readsInputFiles: false,
    configSlice: (config) => ({
      clean: config.clean,
      redact: redactOptionsOf(config.privacy),
      language: config.language,
      // Which answers say only that nothing needs to change depends on the questions asked.
      questions: config.questions,
    }),
    run: async ({ load }, ctx) => cleanContributions(await load('contributions'), ctx),
  }),
  defineStage({
    name: 'embed',
    version: 3,
    summary: 'embed passages and taxonomy themes into vectors.bin',
    output: 'vectors',
    inputs: ['clean'],
    readsInputFiles: false,
    configSlice: (config) => ({
      provider: config.theming.embeddings,
      taxonomy: config.themes,
      language: config.language,
      llm:
        config.theming.embeddings === 'model'
          ? llmSlice(config, [], { model: config.llm.models.embeddings })
          : null,
    }),
    run: async ({ load }, ctx) => embedPassages(await load('clean'), ctx),
  }),
  defineStage({
    name: 'themes',
    // 7: no label or keyword from web addresses, placeholders or masks; themes within each question.
    version: 7,
    summary: 'find guided and emergent themes into themes.json',
    output: 'themes',
    inputs: ['clean', 'contributions', 'vectors'],
    readsInputFiles: false,
    configSlice: (config) => ({
      theming: config.theming,
      taxonomy: config.themes,
      // Themes are found within each question, and the title and questions' words name none.
      title: config.title,
      questions: config.questions,
      llm: llmSlice(config, ['theme-labels'], { model: config.llm.models.labels }),
    }),
    run: async ({ load }, ctx) =>
      findThemes(
        await load('clean'),
        await load('contributions'),
        await load('vectors'),
        await ctx.wordVectors(),
        ctx,
      ),
  }),
  defineStage({
    name: 'review',
    version: 2,
    summary: "apply the facilitators' decisions (review.json) into reviewed-themes.json",
    output: 'reviewed',
    inputs: ['themes', 'clean', 'contributions'],
    readsInputFiles: false,
    readsReview: true,
    // Themes whose passages change are worded afresh: the subject's words, the taxonomy's.
    configSlice: (config) => ({
      title: config.title,
      language: config.language,
      questions: config.questions.map((q) => q.text),
      themes: config.themes,
    }),
    run: async ({ load, review }, ctx) =>
      applyReviewStage(
        await load('themes'),
        await load('clean'),
        await load('contributions'),
        review,
        ctx,
      ),
  }),
  defineStage({
    name: 'synthesise',
    version: SYNTHESISE_VERSION,
    summary: 'write grounded findings per theme, question and week into findings.json',
    output: 'findings',
    inputs: ['clean', 'contributions', 'reviewed', 'vectors', 'votes'],
    readsInputFiles: false,
    configSlice: synthesiseStageSlice,
    run: async ({ load, previous }, ctx) =>
      synthesiseFindings(
        {
          records: await load('clean'),
          contributions: await load('contributions'),
          themes: await load('reviewed'),
          vectors: await load('vectors'),
          words: await ctx.wordVectors(),
          ballots: await load('votes'),
          previous: await previous(),
        },
        ctx,
      ),
  }),
  defineStage({
    name: 'render',
    version: 6,
    summary: 'write the brief as Markdown into brief.md, with charts and assignments.csv',
    output: 'brief',
    inputs: ['findings', 'reviewed', 'clean', 'contributions'],
    readsInputFiles: false,
    configSlice: (config) => config,
    run: async ({ load }, ctx) =>
      renderStage(
        {
          findings: await load('findings'),
          themes: await load('reviewed'),
          records: await load('clean'),
          contributions: await load('contributions'),
        },
        ctx,
      ),
  }),
] as const satisfies readonly StageSpec[];

export type StageName = (typeof STAGES)[number]['name'];
export const STAGE_NAMES: readonly StageName[] = STAGES.map((stage) => stage.name);
