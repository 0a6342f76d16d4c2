// The messages between the pool and its workers.
import type { TaskName } from './tasks.js';

/** To a worker: the task and its shared data once, then chunks of items. */
export type ToWorker =
  | { kind: 'init'; task: TaskName; shared: unknown }
  | { kind: 'chunk'; id: number; items: unknown[] };

/** An error thrown in a worker, as plain data (custom error classes do not survive cloning). */
export interface ThrownInWorker {
  name: string;
  message: string;
  stack: string | undefined;
}

/** From a worker: a chunk's results, in order, or the error that stopped it. */
export type FromWorker =
  | { kind: 'done'; id: number; results: unknown[] }
  | { kind: 'failed'; id: number; error: ThrownInWorker };
