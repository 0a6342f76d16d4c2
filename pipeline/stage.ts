import type { Readable } from 'node:stream';
import type { Consultation, InputFile } from '../schemas/consultation.js';
import type { ReviewLog } from '../schemas/review.js';
import { AbortError } from './errors.js';
import type { LlmService } from './llm/llm-service.js';
import type { WordVectors } from './nlp/word-vectors.js';
import type { EmbeddingProvider } from './providers/embedding-provider.js';

/**
 * Every item behind a warning that names only a count and a few examples: `warning` names the
 * kind, each entry is one item's fields. The runner writes them to the run folder.
 */
export interface WarningDetails {
  warning: string;
  entries: readonly Record<string, string | number | null>[];
}

/** Where stages report; the CLI prints it, tests collect it. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /**
   * One line; a warning that can grow with the input says a count and a few examples, and
   * passes the whole list as `details` (the runner's logger writes it to the run folder and
   * says where; others ignore it).
   */
  warn(message: string, details?: WarningDetails): void;
}

/** Progress of long work inside a stage: `done` of `total` units. */
export interface ProgressEvent {
  stage: string;
  /**
   * The part of the stage's work, when it has several (e.g. "kNN graph", "labels"): each part
   * counts from 0 to its own total, and the display names it so the bar's restart is explained.
   */
  phase?: string | undefined;
  /** What is being counted, e.g. "records", "files". */
  unit: string;
  done: number;
  total: number;
}

/** An input file handed to the ingest stage: its config entry and a way to stream its bytes. */
export interface InputSource {
  spec: InputFile;
  /** The path as the user wrote it in the config, used in messages and provenance. */
  name: string;
  /** The absolute path read, symlinks followed. */
  path: string;
  /** Size in bytes. */
  size: number;
  open(): Readable;
}

/** The facilitators' decisions as the runner read them from the run folder. */
export interface ReviewInput {
  /** `review.json`, or null when the run has not been reviewed. */
  log: ReviewLog | null;
  /** The passages that existed when the review began (`review-base.txt`), or null. */
  base: ReadonlySet<string> | null;
}

/** Everything a stage may use besides its typed input. Stages do no file I/O of their own. */
export interface StageContext {
  config: Consultation;
  /** The embedding provider the config names, created on first use. */
  embeddings(): Promise<EmbeddingProvider>;
  /** The language model service, created on first use; null when the provider is `offline`. */
  llm(): Promise<LlmService | null>;
  /** The bundled English word vectors, loaded on first use (guided themes align words with them). */
  wordVectors(): Promise<WordVectors>;
  logger: Logger;
  progress(event: ProgressEvent): void;
  signal: AbortSignal;
  seed: number;
  /**
   * Worker threads a stage may use for work that parallelises (see `mapInWorkers`); 1 runs in
   * the calling thread. Never part of a cache key: outputs are the same for any count.
   */
  threads: number;
  /** The date of the run (ISO), which the brief shows as its production date. */
  today: string;
}

/** What a stage returns: its artifact and the counts recorded in the manifest. */
export interface StageResult<T> {
  output: T;
  counts: Record<string, number>;
}

/** Stops a stage at a safe point once the run is cancelled; `stage` names it, e.g. "Ingest". */
export function throwIfAborted(signal: AbortSignal, stage: string): void {
  if (signal.aborted) throw new AbortError(`${stage} was cancelled`);
}
