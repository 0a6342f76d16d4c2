import { resolve } from 'node:path';
import type { OutputStream } from '../cli-progress.js';
import { loadConsultation } from '../config.js';
import { UsageError } from '../errors.js';
import { makeRunFolder, refuseInputsInRunFolder } from '../run-folder.js';
import { acquireRunLock } from '../run-lock.js';
import type { RunOptions } from '../runner.js';
import { serveReview } from './server.js';
import { openReviewSession } from './session.js';
import { exportReviewSheet, importReviewSheet } from './sheet.js';

/** The options of `brief review` besides those every run takes. */
export interface ReviewCommandOptions {
  export?: string | undefined;
  import?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  open: boolean;
  reviewer?: string | undefined;
}

/**
 * `brief review CONFIG`: brings the run folder up to the review stage, then serves the review
 * app until interrupted, or with `--export FILE` / `--import FILE` writes or reads the
 * spreadsheet of passages and themes. Holds the run folder's lock throughout, so no run writes
 * into the folder meanwhile (the app's "rebuild" runs inside it).
 */
export async function reviewCommand(
  run: Omit<RunOptions, 'to' | 'from' | 'holdsLock'> & { outDir: string },
  options: ReviewCommandOptions,
  stdout: OutputStream,
): Promise<number> {
  if (options.export && options.import)
    throw new UsageError('`brief review` takes --export or --import, not both');
  const outDir = resolve(run.outDir);
  const imported = options.import
    ? [{ name: options.import, path: resolve(options.import), listedIn: '--import' }]
    : [];
  await refuseInputsInRunFolder(outDir, await loadConsultation(run.configPath), imported);
  // A fresh run folder does not exist yet, and the lock lives inside it.
  await makeRunFolder(outDir);
  const lock = await acquireRunLock(outDir, {
    purpose: 'brief review',
    wait: run.wait,
    waitTimeoutMs: run.waitTimeoutMs,
    logger: run.logger,
    signal: run.signal,
  });
  try {
    const session = await openReviewSession({ ...run, outDir, holdsLock: true });
    const reviewer = options.reviewer?.trim() || null;
    if (options.export) {
      const rows = await exportReviewSheet(session, options.export);
      stdout.write(`wrote ${options.export} (${rows} passages)\n`);
      return 0;
    }
    if (options.import) {
      const report = await importReviewSheet(session, options.import, reviewer);
      stdout.write(report);
      return 0;
    }
    await serveReview(session, {
      host: options.host ?? '127.0.0.1',
      port: portOption(options.port),
      open: options.open,
      reviewer,
      run: { ...run, outDir, holdsLock: true },
      stdout,
    });
    return 0;
  } finally {
    await lock.release();
  }
}

function portOption(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  throw new UsageError(`--port "${value}": give a port number (0 for any free one)`);
}
