import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { LlmConfig, LlmProvider } from '../schemas/consultation.js';
import { Manifest, type StageRecord } from '../schemas/manifest.js';
import type { ReviewLog } from '../schemas/review.js';
import {
  ARTIFACTS,
  type ArtifactData,
  type ArtifactName,
  readArtifact,
  writeArtifact,
} from './artifacts.js';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.js';
import type { ExportOptions } from './brief/export.js';
import { usableCacheDir } from './cache-dir.js';
import { type LoadedConfig, loadConsultation } from './config.js';
import { AbortError, ConfigError, UsageError } from './errors.js';
import { formatBytes } from './format-bytes.js';
import { canonicalJson, sha256 } from './hash.js';
import { hashInputSources, openInputSources, openVotesSource } from './input-sources.js';
import { addUsage, NO_USAGE, type Usage, usageSince, usedModel } from './llm/cost.js';
import { createLlmService, type LlmRunOptions } from './llm/create-llm.js';
import type { LlmService } from './llm/llm-service.js';
import { PROMPT_TASKS, promptHashes } from './llm/prompts.js';
import { redactOptionsOf } from './nlp/redact.js';
import { loadWordVectors, type WordVectors } from './nlp/word-vectors.js';
import { PACKAGE } from './package-info.js';
import { stageProgress } from './progress-counter.js';
import { createModelEmbeddings } from './providers/model-embeddings.js';
import { createOfflineEmbeddings } from './providers/offline-embeddings.js';
import { readReviewBase, readReviewLog } from './review/review-log.js';
import { reviewedTaxonomy } from './review/taxonomy.js';
import { type ExportOutcome, exportRun } from './run-export.js';
import {
  defaultRunFolder,
  MANIFEST_FILE,
  makeRunFolder,
  refuseInputsInRunFolder,
} from './run-folder.js';
import { acquireRunLock } from './run-lock.js';
import type { Logger, ProgressEvent, ReviewInput, StageContext } from './stage.js';
import { STAGE_NAMES, STAGES, type StageName, type StageSpec } from './stages/index.js';
import { collectWarningDetails, writeWarningDetails } from './warning-details.js';
import { defaultThreads } from './workers/pool.js';

/** Options of one pipeline run. */
export interface RunOptions {
  configPath: string;
  /** Run folder; default `outputs/<config folder name>` under the current directory. */
  outDir?: string | undefined;
  /** Re-run this stage and everything after it even when cached. */
  from?: StageName | undefined;
  /** Stop after this stage. Default: the last stage. */
  to?: StageName | undefined;
  logger: Logger;
  /** Where converted models are cached (see `defaultCacheDir`). */
  cacheDir: string;
  progress?: ((event: ProgressEvent) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** The date the brief says it was produced (ISO); default: today (UTC). */
  date?: string | undefined;
  /** Overrides the config's `llm.provider`. */
  provider?: LlmProvider | undefined;
  /** Dry run, budget and environment of the language model. */
  llm?: LlmRunOptions | undefined;
  /** Wait for another run holding the run folder to finish, rather than fail. Default false. */
  wait?: boolean | undefined;
  /** How long `wait` waits before failing, in ms. Default 30 minutes. */
  waitTimeoutMs?: number | undefined;
  /** Refuse input files outside the config's folder (see `SourceOptions`). Default false. */
  strictPaths?: boolean | undefined;
  /** Called as each stage, and the export, finishes (ran or cached): for progress and benchmarks. */
  onStageDone?: ((name: string, status: 'ran' | 'cached') => void) | undefined;
  /** Paper size of `brief.pdf`, exported when the run reaches `render`. Default A4. */
  pageSize?: ExportOptions['pageSize'] | undefined;
  /** Worker threads for the work that parallelises; default `os.availableParallelism()`. */
  threads?: number | undefined;
  /** The caller holds the run folder's lock already (the review app's rebuild). */
  holdsLock?: boolean | undefined;
}

/** What happened to one stage in a run. */
export interface StageOutcome {
  name: StageName;
  status: 'ran' | 'cached';
  record: StageRecord;
}

/** The result of a run: where it went and what each stage did. */
export interface RunSummary {
  outDir: string;
  config: LoadedConfig;
  stages: StageOutcome[];
  manifest: Manifest;
  /** Reads an artifact of this run (from memory when this run produced it). */
  load<K extends ArtifactName>(name: K): Promise<ArtifactData<K>>;
  /**
   * The language model's use in this run (estimates in a dry run), and whether the synthesis's
   * requests went (or would go) through the Batch API; null when offline.
   */
  llm: { usage: Usage; fallbacks: number; batch: boolean } | null;
  /** The export of `brief.pdf` and `report.html`; null when the run stopped before `render`. */
  exported: ExportOutcome | null;
}

/**
 * Runs the stages in order, each from cache when its inputs, config slice and version are
 * unchanged and its artifact is intact, then exports the brief. The manifest is rewritten after
 * every stage, so a crash keeps every finished stage and the next run resumes after it. The run
 * holds the run folder's lock throughout, so no other run or review writes into it meanwhile.
 */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const config = withProvider(await loadConsultation(options.configPath), options.provider);
  const outDir = resolve(options.outDir ?? defaultRunFolder(config.path));
  await refuseInputsInRunFolder(outDir, config);
  await makeRunFolder(outDir);
  const lock = options.holdsLock
    ? null
    : await acquireRunLock(outDir, {
        purpose: 'brief run',
        wait: options.wait,
        waitTimeoutMs: options.waitTimeoutMs,
        logger: options.logger,
        signal: options.signal,
      });
  try {
    const cacheDir = await usableCacheDir(options.cacheDir, options.logger);
    for (const dir of [outDir, cacheDir]) {
      for (const file of await removeStaleTempFiles(dir))
        options.logger.debug(`removed ${join(dir, file)}, left by an interrupted process`);
    }
    return await runStages(config, outDir, { ...options, cacheDir });
  } finally {
    await lock?.release();
  }
}

/** The body of a run, in a folder it holds the lock of. */
async function runStages(
  foundConfig: LoadedConfig,
  outDir: string,
  options: RunOptions,
): Promise<RunSummary> {
  const readReview = await readReviewLog(outDir);
  const review: ReviewInput = {
    log: readReview?.log ?? null,
    base: readReview ? await readReviewBase(outDir) : null,
  };
  // Pinned examples and promoted themes join the taxonomy every stage sees.
  const config = withReviewedTaxonomy(foundConfig, review.log);
  const sourceOptions = { strictPaths: options.strictPaths };
  const sources = await openInputSources(config, sourceOptions);
  const votes = await openVotesSource(config, sourceOptions);
  for (const source of votes ? [...sources, votes] : sources)
    options.logger.info(`input: ${source.path} (${formatBytes(source.size)})`);
  const previous = await readManifest(outDir, options.logger);
  const manifest: Manifest = {
    tool: { name: PACKAGE.name, version: PACKAGE.version, node: process.versions.node },
    config: { file: basename(config.path), hash: config.hash, bytes: config.bytes },
    seed: config.config.seed,
    inputs: await hashInputSources(votes ? [...sources, votes] : sources),
    stages: { ...previous?.stages },
    ...(previous?.export ? { export: previous.export } : {}),
  };
  const signal = options.signal ?? new AbortController().signal;
  let words: Promise<WordVectors> | undefined;
  const wordVectors = () => {
    words ??= loadWordVectors(options.cacheDir);
    return words;
  };
  let llmService: Promise<LlmService | null> | undefined;
  const llm = () => {
    llmService ??= createLlmService(options.llm ?? {}, {
      config: config.config.llm,
      configPath: config.path,
      outDir,
      logger: options.logger,
      signal,
      progress: options.progress,
      redact: redactOptionsOf(config.config.privacy),
    });
    return llmService;
  };
  const dryRun = options.llm?.dryRun === true;
  const ctx: StageContext = {
    config: config.config,
    llm,
    embeddings: async () => {
      const offline = async () => createOfflineEmbeddings({ words: await wordVectors() });
      if (config.config.theming.embeddings === 'offline') return offline();
      const service = await llm();
      if (!service) {
        throw new ConfigError(
          'theming.embeddings is "model" but llm.provider is offline: set llm.provider (or --provider), or use offline embeddings',
          config.path,
        );
      }
      return createModelEmbeddings(service, config.config.llm.models.embeddings, offline);
    },
    wordVectors,
    logger: options.logger,
    progress: options.progress ?? (() => {}),
    signal,
    seed: config.config.seed,
    threads: options.threads ?? defaultThreads(),
    today: options.date ?? new Date().toISOString().slice(0, 10),
  };
  const produced = new Map<ArtifactName, unknown>();
  const load = async <K extends ArtifactName>(name: K): Promise<ArtifactData<K>> => {
    const cached = produced.get(name);
    if (cached) return cached as ArtifactData<K>;
    const hash = artifactHash(manifest, name);
    return readArtifact(outDir, name, hash);
  };
  const outcomes: StageOutcome[] = [];
  let forced = false;
  // Stages the user asked to recompute (`--from`) get no previous artifact to reuse parts of.
  let recompute = false;
  // A dry run writes nothing from the first stage that would have called the model.
  let dry = false;
  for (const stage of selectStages(options.to ?? (dryRun ? 'synthesise' : undefined))) {
    if (signal.aborted) throw new AbortError('Interrupted');
    forced ||= stage.name === options.from;
    recompute ||= stage.name === options.from;
    const key = stageKey(stage, manifest, config, readReview?.hash ?? null);
    const existing = manifest.stages[stage.name];
    // A stage whose model replies fell back to offline text is not complete: it asks again.
    if (
      !forced &&
      existing?.key === key &&
      !(existing.counts.modelFallbacks ?? 0) &&
      (await artifactIntact(outDir, stage.output, existing))
    ) {
      outcomes.push({ name: stage.name, status: 'cached', record: existing });
      options.onStageDone?.(stage.name, 'cached');
      continue;
    }
    const started = performance.now();
    options.logger.debug(`${stage.name}: running`);
    const service = llmService ? await llmService : null;
    if (service) service.stage = stage.name;
    const before = service?.usage() ?? NO_USAGE;
    const fallbacksBefore = service?.fallbacks ?? 0;
    const previousOutput = async () =>
      existing && !recompute
        ? readPreviousArtifact(outDir, stage.output, existing, options.logger)
        : null;
    // Long warnings print one line; their details go to `<stage>-warnings.jsonl`.
    const logger = collectWarningDetails(options.logger, stage.name);
    const result = await (stage as StageSpec).run(
      { sources, votes, load, review, previous: previousOutput },
      { ...ctx, logger },
    );
    const after = llmService ? await llmService : null;
    const usage = after ? usageSince(before, after.usage()) : undefined;
    const usedLlm = usage !== undefined && usedModel(usage);
    produced.set(stage.output, result.output);
    const record: StageRecord = {
      version: stage.version,
      key,
      artifact: { file: ARTIFACTS[stage.output].file, hash: '', bytes: 0, records: 0 },
      counts: withFallbacks(result.counts, (after?.fallbacks ?? 0) - fallbacksBefore),
      ms: Math.round(performance.now() - started),
      finishedAt: new Date().toISOString(),
      ...(usedLlm ? { usage } : {}),
    };
    dry ||= dryRun && usedLlm;
    forced ||= dry;
    if (!dry) {
      if (existing) await keepEditedCopy(outDir, stage.output, existing, options.logger);
      const { attachments, ...artifact } = await writeArtifact(
        outDir,
        stage.output,
        result.output,
        stageProgress(ctx, stage.name),
      );
      const details = await writeWarningDetails(outDir, logger);
      if (details) attachments.push(details);
      record.artifact = { file: ARTIFACTS[stage.output].file, ...artifact };
      if (attachments.length > 0) record.attachments = attachments;
      manifest.stages[stage.name] = record;
      await writeManifest(outDir, manifest, config.config.llm);
    }
    outcomes.push({ name: stage.name, status: 'ran', record });
    options.onStageDone?.(stage.name, 'ran');
  }
  let exported: ExportOutcome | null = null;
  if (!dry && outcomes.some((outcome) => outcome.name === 'render')) {
    if (signal.aborted) throw new AbortError('Interrupted');
    // The export is the memory peak of a large run: let go of what the report will not read.
    for (const name of ['contributions', 'vectors', 'votes'] as const) produced.delete(name);
    words = undefined;
    const exportOptions = { pageSize: options.pageSize ?? 'A4', date: ctx.today };
    options.logger.debug('export: running');
    const warn = (message: string) => options.logger.warn(message);
    const progress = stageProgress(ctx, 'export');
    const threads = { threads: ctx.threads, signal };
    exported = await exportRun(
      outDir,
      exportOptions,
      manifest.export,
      forced,
      warn,
      threads,
      progress,
    );
    manifest.export = exported.record;
    options.onStageDone?.('export', exported.status);
  }
  if (!dry) await writeManifest(outDir, manifest, config.config.llm);
  const service = llmService ? await llmService : null;
  return {
    outDir,
    config,
    stages: outcomes,
    manifest,
    load,
    llm: service
      ? { usage: service.usage(), fallbacks: service.fallbacks, batch: service.batchMode }
      : null,
    exported,
  };
}

/** A stage's counts with `modelFallbacks`: model answers replaced by offline text, if any. */
function withFallbacks(counts: Record<string, number>, fallbacks: number): Record<string, number> {
  return fallbacks > 0 ? { ...counts, modelFallbacks: fallbacks } : counts;
}

/** The config with `--provider` applied, so that stage cache keys follow it. */
function withProvider(config: LoadedConfig, provider: LlmProvider | undefined): LoadedConfig {
  if (provider === undefined || provider === config.config.llm.provider) return config;
  return { ...config, config: { ...config.config, llm: { ...config.config.llm, provider } } };
}

/** The config with the review's pinned examples and promoted themes in its taxonomy. */
function withReviewedTaxonomy(config: LoadedConfig, log: ReviewLog | null): LoadedConfig {
  if (!log) return config;
  return {
    ...config,
    config: { ...config.config, themes: reviewedTaxonomy(config.config.themes, log) },
  };
}

function selectStages(to: StageName | undefined): readonly StageSpec[] {
  if (to === undefined) return STAGES;
  const last = STAGE_NAMES.indexOf(to);
  if (last < 0) throw new UsageError(`Unknown stage "${to}"; stages are ${STAGE_NAMES.join(', ')}`);
  return STAGES.slice(0, last + 1);
}

function stageKey(
  stage: StageSpec,
  manifest: Manifest,
  config: LoadedConfig,
  reviewHash: string | null,
): string {
  return sha256(
    canonicalJson({
      stage: stage.name,
      version: stage.version,
      config: stage.configSlice(config.config),
      seed: config.config.seed,
      inputs: stage.inputs.map((name) => artifactHash(manifest, name)),
      files: stage.readsInputFiles ? manifest.inputs.map((input) => input.hash) : [],
      ...(stage.readsReview ? { review: reviewHash } : {}),
    }),
  );
}

function artifactHash(manifest: Manifest, name: ArtifactName): string | undefined {
  const producer = STAGES.find((stage) => stage.output === name);
  return producer ? manifest.stages[producer.name]?.artifact.hash : undefined;
}

/**
 * The artifact a stage wrote last time, if it is still on disk as the manifest recorded it and
 * valid; else null (with a debug line saying why).
 */
async function readPreviousArtifact<K extends ArtifactName>(
  outDir: string,
  name: K,
  record: StageRecord,
  logger: Logger,
): Promise<ArtifactData<K> | null> {
  try {
    return await readArtifact(outDir, name, record.artifact.hash);
  } catch (error) {
    logger.debug(`previous ${ARTIFACTS[name].file} not reused: ${(error as Error).message}`);
    return null;
  }
}

/** The artifact and the files written beside it (charts, `sources.csv`) are on disk as recorded. */
async function artifactIntact(
  outDir: string,
  name: ArtifactName,
  record: StageRecord,
): Promise<boolean> {
  const artifact = { file: ARTIFACTS[name].file, hash: record.artifact.hash };
  for (const { file, hash } of [artifact, ...(record.attachments ?? [])]) {
    const bytes = await readFile(join(outDir, file)).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== hash) return false;
  }
  return true;
}

/**
 * Before an artifact is rewritten, a copy edited by hand since the tool wrote it (most likely
 * `brief.md`) is kept as `<file>.edited` rather than lost, with a warning saying so.
 */
async function keepEditedCopy(
  outDir: string,
  name: ArtifactName,
  record: StageRecord,
  logger: Logger,
): Promise<void> {
  const file = ARTIFACTS[name].file;
  const bytes = await readFile(join(outDir, file)).catch(() => undefined);
  if (bytes === undefined || sha256(bytes) === record.artifact.hash) return;
  await writeFileAtomic(join(outDir, `${file}.edited`), [bytes]);
  logger.warn(`${file} was edited since it was written; your copy is kept as ${file}.edited`);
}

async function readManifest(outDir: string, logger: Logger): Promise<Manifest | undefined> {
  const text = await readFile(join(outDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return Manifest.parse(JSON.parse(text));
  } catch {
    logger.warn(`${MANIFEST_FILE} in ${outDir} is unreadable; every stage will run again`);
    return undefined;
  }
}

/**
 * The manifest's `llm` entry when a stage used the model: provider, models, prompt hashes and
 * the usage of every stage (as each last ran) summed.
 */
function llmRecord(manifest: Manifest, llm: LlmConfig): Pick<Manifest, 'llm'> {
  const usages = Object.values(manifest.stages).flatMap((stage) => stage.usage ?? []);
  if (usages.length === 0) return {};
  return {
    llm: {
      provider: llm.provider,
      models: { ...llm.models },
      prompts: promptHashes(PROMPT_TASKS),
      usage: usages.reduce(addUsage, NO_USAGE),
    },
  };
}

/**
 * Writes the manifest, with the findings' coverage (the share of kept contributions cited)
 * surfaced at the top once they exist.
 */
async function writeManifest(outDir: string, manifest: Manifest, llm: LlmConfig): Promise<void> {
  const counts = manifest.stages.synthesise?.counts;
  const { citedContributions: cited, keptContributions: kept } = counts ?? {};
  const complete: Manifest = {
    ...manifest,
    ...(cited === undefined || kept === undefined
      ? {}
      : { coverage: kept > 0 ? Math.round((cited / kept) * 1e4) / 1e4 : 0 }),
    ...llmRecord(manifest, llm),
  };
  await writeFileAtomic(join(outDir, MANIFEST_FILE), [
    `${JSON.stringify(Manifest.parse(complete), null, 2)}\n`,
  ]);
}
