// The script every worker thread runs (from dist/): prepares the task it is given, then maps chunks.
import { parentPort } from 'node:worker_threads';
import { isTaskName, loadTask } from './tasks.js';
import type { FromWorker, ThrownInWorker, ToWorker } from './worker-messages.js';
import type { ChunkRunner } from './worker-task.js';

const port = parentPort;
if (port === null) throw new Error('worker-entry.js runs only as a worker thread');
let ready: Promise<ChunkRunner<unknown, unknown>> | null = null;
// Chunks run one after another, in the order they arrive.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'init') {
    ready = prepare(message.task, message.shared);
    // A failed setup is reported with the first chunk.
    ready.catch(() => {});
    return;
  }
  queue = queue.then(() => runChunk(message.id, message.items));
});

async function prepare(task: unknown, shared: unknown): Promise<ChunkRunner<unknown, unknown>> {
  if (!isTaskName(task)) throw new Error(`no worker task is named "${String(task)}"`);
  return (await loadTask(task)).prepare(shared as never) as Promise<ChunkRunner<unknown, unknown>>;
}

async function runChunk(id: number, items: unknown[]): Promise<void> {
  let reply: FromWorker;
  try {
    if (ready === null) throw new Error('a chunk came before the task was named');
    const results = await (await ready)(items);
    reply = { kind: 'done', id, results };
  } catch (error) {
    reply = { kind: 'failed', id, error: plainError(error) };
  }
  port?.postMessage(reply);
}

function plainError(error: unknown): ThrownInWorker {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'Error', message: String(error), stack: undefined };
}
