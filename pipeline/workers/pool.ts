/**
 * A pool of worker threads that maps a registered task over an array in chunks, results in
 * input order: the same results as one thread, since each item's result depends only on the
 * item and the task's shared data. `threads: 1` runs the same chunks in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AbortError, WorkerError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { type ChunkRange, chunkRanges } from './chunks.js';
import { type ItemOf, loadTask, type ResultOf, type SharedOf, type TaskName } from './tasks.js';
import type { FromWorker, ThrownInWorker, ToWorker } from './worker-messages.js';

/**
 * The worker script, compiled: workers load it from dist/ whether the caller runs from dist/
 * (bin/brief.js) or from the TypeScript sources (vitest), so the tool must be built first.
 */
export const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'pipeline', 'workers', 'worker-entry.js');

/** The threads a run uses unless told otherwise: one per core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Chunks a worker holds at once: one running, one waiting, so it never idles for a message. */
const IN_FLIGHT = 2;

export interface MapOptions<N extends TaskName> {
  /** Worker threads to use (at most one per chunk); 1 or fewer runs in this thread. */
  threads: number;
  /** Stops the work: workers are terminated and the call rejects with an `AbortError`. */
  signal: AbortSignal;
  /** What every worker needs besides its items (sent once per worker; plain data). */
  shared: SharedOf<N>;
  /** Called as each chunk finishes: items done so far, of `total`, and the chunk's range. */
  onProgress?: ((done: number, total: number, chunk: ChunkRange) => void) | undefined;
  /**
   * In this thread only (`threads: 1`): the share (0 to 1) of item `index` done, 1 once done, for
   * progress through very long items.
   */
  onItemShare?: ((index: number, share: number) => void) | undefined;
  /** Items per chunk; default about 8 chunks per thread, at most 4,096 items (see `chunkRanges`). */
  chunkSize?: number | undefined;
}

/**
 * Maps task `task` over `items` on `options.threads` worker threads, a chunk at a time, and
 * returns one result per item in input order. An error thrown by the task rejects with a
 * `WorkerError` naming the task; an aborted signal rejects with an `AbortError`.
 */
export async function mapInWorkers<N extends TaskName>(
  task: N,
  items: readonly ItemOf<N>[],
  options: MapOptions<N>,
): Promise<ResultOf<N>[]> {
  if (options.signal.aborted) throw cancelled(task);
  const ranges = chunkRanges(items.length, Math.max(1, options.threads), options.chunkSize);
  const chunks = new Array<ResultOf<N>[] | undefined>(ranges.length);
  let done = 0;
  const finish = (k: number, results: ResultOf<N>[]) => {
    const range = ranges[k] as ChunkRange;
    chunks[k] = results;
    done += range.end - range.start;
    options.onProgress?.(done, items.length, range);
  };
  if (ranges.length === 0) return [];
  if (options.threads <= 1) await mapHere(task, items, ranges, options, finish);
  else await mapOnWorkers(task, items, ranges, options, finish);
  const results: ResultOf<N>[] = [];
  for (const chunk of chunks) for (const result of chunk ?? []) results.push(result);
  return results;
}

/** The chunks in this thread, yielding between them so that progress shows and Ctrl-C works. */
async function mapHere<N extends TaskName>(
  task: N,
  items: readonly ItemOf<N>[],
  ranges: readonly ChunkRange[],
  options: MapOptions<N>,
  finish: (k: number, results: ResultOf<N>[]) => void,
): Promise<void> {
  const run = await (await loadTask(task)).prepare(options.shared);
  for (const [k, { start, end }] of ranges.entries()) {
    const onShare = options.onItemShare;
    const share = onShare && ((i: number, s: number) => onShare(start + i, s));
    finish(k, await run(items.slice(start, end), share));
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal.aborted) throw cancelled(task);
  }
}

/** The chunks on worker threads: each worker takes the next chunk as it finishes one. */
function mapOnWorkers<N extends TaskName>(
  task: N,
  items: readonly ItemOf<N>[],
  ranges: readonly ChunkRange[],
  options: MapOptions<N>,
  finish: (k: number, results: ResultOf<N>[]) => void,
): Promise<void> {
  if (!existsSync(WORKER_SCRIPT)) {
    throw new WorkerError(
      `the worker script ${WORKER_SCRIPT} is missing: build the tool first (npm run build)`,
      task,
    );
  }
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let pending = ranges.length;
    let settled = false;
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => stop(cancelled(task));
    options.signal.addEventListener('abort', onAbort, { once: true });
    const send = (worker: Worker) => {
      if (next >= ranges.length) return;
      const k = next++;
      const { start, end } = ranges[k] as ChunkRange;
      worker.postMessage({
        kind: 'chunk',
        id: k,
        items: items.slice(start, end),
      } satisfies ToWorker);
    };
    const count = Math.min(Math.max(1, Math.floor(options.threads)), ranges.length);
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_SCRIPT);
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.kind === 'failed') return stop(taskFailed(task, message.error));
        finish(message.id, message.results as ResultOf<N>[]);
        if (--pending === 0) return stop(null);
        send(worker);
      });
      worker.on('error', (error) => stop(taskFailed(task, error)));
      worker.on('exit', (code) => {
        if (!settled)
          stop(new WorkerError(`worker task "${task}": the worker exited with code ${code}`, task));
      });
      worker.postMessage({ kind: 'init', task, shared: options.shared } satisfies ToWorker);
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
  });
}

function cancelled(task: TaskName): AbortError {
  return new AbortError(`worker task "${task}" was cancelled`);
}

/** A worker's error as one line naming the task, with the worker's stack kept for --verbose. */
function taskFailed(task: TaskName, thrown: ThrownInWorker | Error): WorkerError {
  const error = new WorkerError(
    `worker task "${task}" failed: ${thrown.name}: ${thrown.message}`,
    task,
  );
  if (thrown.stack)
    error.stack = `${error.name}: ${error.message}\n(in the worker) ${thrown.stack}`;
  return error;
}
