import type { OutputStream } from '../cli-progress.js';
import { UsageError } from '../errors.js';
import type { RunOptions } from '../runner.js';
import type { ReviewSession } from './session.js';

/** How the review app is served. */
export interface ServeOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Open the browser at the app's address. */
  open: boolean;
  reviewer: string | null;
  /** The run the "rebuild the brief" button starts (the app holds the lock already). */
  run: RunOptions;
  stdout: OutputStream;
}

/** Serves the review app until the run's signal aborts. (Being built: see issue 13.) */
export async function serveReview(_session: ReviewSession, _options: ServeOptions): Promise<void> {
  throw new UsageError('the review app is not built yet; use --export and --import');
}
