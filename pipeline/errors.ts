/**
 * The error hierarchy. Each error keeps the context a user needs (file, line, value seen) and
 * its `cause`. Only the CLI catches them and prints `error.message` as one line.
 */
export class BriefError extends Error {
  override name = 'BriefError';
}

/** The consultation config is missing, unreadable or invalid. */
export class ConfigError extends BriefError {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An input file is missing, unreadable or malformed. `line` is 1-based when known. */
export class InputError extends BriefError {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An artifact in the run folder is missing, corrupt or fails its schema. */
export class ArtifactError extends BriefError {
  override name = 'ArtifactError';
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A file cannot be written: the disk is full, or the folder refuses writes. */
export class DiskError extends BriefError {
  override name = 'DiskError';
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A stage cannot proceed with the data it was given. */
export class StageError extends BriefError {
  override name = 'StageError';
  constructor(
    message: string,
    readonly stage: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The command line is invalid. */
export class UsageError extends BriefError {
  override name = 'UsageError';
}

/** The run was cancelled (Ctrl-C or an abort signal). */
export class AbortError extends BriefError {
  override name = 'AbortError';
}

/** The language model server cannot be used: refused, unreachable or failing after retries. */
export class LlmError extends BriefError {
  override name = 'LlmError';
}

/** The run would cost more than `--max-cost` allows. */
export class BudgetError extends BriefError {
  override name = 'BudgetError';
}

/** The run folder is locked by another run or by the review app. */
export class LockError extends BriefError {
  override name = 'LockError';
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A review decision was made on an older state of `review.json` than the one on disk. */
export class StaleReviewError extends BriefError {
  override name = 'StaleReviewError';
  constructor(
    message: string,
    readonly revision: number,
  ) {
    super(message);
  }
}

/** A task run on a worker thread failed; `task` names it, the message is the worker's. */
export class WorkerError extends BriefError {
  override name = 'WorkerError';
  constructor(
    message: string,
    readonly task: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
