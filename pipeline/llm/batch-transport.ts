// Chat requests sent through the OpenAI Batch API: gathered while the run asks, sent as batches, resumed after a stop.
import type { BatchRecord, BatchResultLine } from '../../schemas/llm-batch.js';
import type { Logger } from '../stage.js';
import type { BatchClient, BatchStatus } from './batch-client.js';
import {
  BatchItemError,
  type ChatRequest,
  chatBody,
  parseResultFile,
  replyOf,
  requestLine,
} from './batch-lines.js';
import type { BatchStore } from './batch-store.js';
import { classifyFailure } from './server-failures.js';
import { sleep } from './token-window.js';
import type { ChatReply } from './transport.js';

/** A request of a batch with the calls waiting for its reply. */
interface Entry {
  model: string;
  line: string;
  waiters: { resolve(reply: ChatReply): void; reject(error: unknown): void }[];
}

/** The Batch API's limits on one input file: 50,000 requests, 200 MB (kept under). */
const MAX_LINES = 50_000;
const MAX_BYTES = 190_000_000;
/** A batch is sent once no new request has come for this long. */
const GATHER_MS = 500;
const TERMINAL = new Set<BatchStatus['status']>(['completed', 'expired', 'cancelled', 'failed']);

export interface BatchTransportOptions {
  client: BatchClient;
  /** The run folder's batch records. */
  store: BatchStore;
  pollMs: number;
  logger: Logger;
  /**
   * Stops the polling when it aborts (Ctrl-C, or a failure that ends the run); the batches run
   * on, to be resumed.
   */
  signal: AbortSignal;
  /** Requests done and in all over the batches in flight, after each check. */
  progress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Sends chat requests through the Batch API, with the live transport's `send`: the requests that
 * come while the run is busy asking are gathered and sent, once none has come for half a second,
 * as batches (one model, at most 50,000 requests each); each call resolves with its request's
 * reply when its batch is done, read as a live reply is. Every batch is recorded in the run folder
 * once created and the record removed once all its replies are taken in, so a run that stops
 * resumes the batches holding its requests rather than sending them again. Retries, validation
 * and caching are the `LlmService`'s, as live: a failed item rejects its call with the error it got.
 */
export class BatchTransport {
  private readonly gathering = new Map<string, Entry>();
  /** The requests of the flush under way, until their batch is created. */
  private sending = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Entry>();
  /** Replies of a batch that came before anything asked for them. */
  private readonly unclaimed = new Map<string, ChatReply>();
  private readonly counts = new Map<string, { done: number; total: number }>();
  private stored: Promise<BatchRecord[]> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: BatchTransportOptions) {}

  /** One chat request, answered once the batch it goes in is done. */
  send(request: ChatRequest & { signal: AbortSignal }): Promise<ChatReply> {
    const { customId, line } = requestLine(chatBody(request));
    const ready = this.unclaimed.get(customId);
    if (ready) {
      this.unclaimed.delete(customId);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) return reject(signal.reason);
      let entry =
        this.inFlight.get(customId) ?? this.sending.get(customId) ?? this.gathering.get(customId);
      if (!entry) {
        entry = { model: request.model, line, waiters: [] };
        this.gathering.set(customId, entry);
        this.scheduleFlush();
      }
      const onAbort = () => {
        entry.waiters = entry.waiters.filter((w) => w !== waiter);
        reject(signal.reason);
      };
      const waiter = {
        resolve: (reply: ChatReply) => {
          signal.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      entry.waiters.push(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private scheduleFlush(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.flush());
    }, GATHER_MS);
  }

  /** Sends what was gathered: to the stored batches that hold it, else in new batches. */
  private async flush(): Promise<void> {
    const batch = new Map([...this.gathering].filter(([, entry]) => entry.waiters.length > 0));
    this.gathering.clear();
    if (batch.size === 0) return;
    this.sending = batch;
    try {
      for (const record of await this.storedHolding(batch)) {
        this.options.logger.info(
          `batch ${record.id}: resuming it (${record.requests.length.toLocaleString('en')} requests), sent by an earlier run`,
        );
        this.track(record, batch);
      }
      for (const ids of chunks(batch)) await this.create(ids, batch);
    } catch (error) {
      for (const entry of batch.values()) for (const w of entry.waiters) w.reject(error);
    } finally {
      this.sending = new Map();
    }
  }

  /** The run folder's records holding any of these requests, taken out of the stored list. */
  private async storedHolding(batch: ReadonlyMap<string, Entry>): Promise<BatchRecord[]> {
    this.stored ??= this.options.store.list();
    const records = await this.stored;
    const holding = records.filter((r) => r.requests.some((id) => batch.has(id)));
    this.stored = Promise.resolve(records.filter((r) => !holding.includes(r)));
    return holding;
  }

  /**
   * Uploads the requests, creates their batch, checks on it and records it in the run folder (a
   * record that cannot be written is warned about: the batch is still taken in by this run).
   */
  private async create(ids: readonly string[], batch: Map<string, Entry>): Promise<void> {
    const { client, signal, store, logger, pollMs } = this.options;
    const entries = ids.map((id) => batch.get(id) as Entry);
    const inputFileId = await client.upload(
      entries.map((e) => e.line),
      signal,
    );
    const status = await client.create(inputFileId, signal);
    const record: BatchRecord = {
      id: status.id,
      model: entries[0]?.model ?? '',
      inputFileId,
      requests: [...ids],
      createdAt: new Date().toISOString(),
    };
    // In flight before anything else can fail: a failure from here on must not send it again.
    this.claim(record, batch);
    logger.info(
      `batch ${record.id}: ${ids.length.toLocaleString('en')} requests sent to the Batch API (answers within 24 h; checked every ${pollMs / 1000} s)`,
    );
    await store.save(record).catch((error: unknown) => {
      logger.warn(
        `batch ${record.id}: could not be recorded in the run folder (${String(error)}); a run stopped before it ends would send its requests again`,
      );
    });
    this.watch(record);
  }

  /** Moves a record's requests from `batch` to those in flight and checks on it until it ends. */
  private track(record: BatchRecord, batch: Map<string, Entry>): void {
    this.claim(record, batch);
    this.watch(record);
  }

  /** Moves a record's requests from `batch` to those in flight. */
  private claim(record: BatchRecord, batch: Map<string, Entry>): void {
    for (const id of record.requests) {
      const entry = batch.get(id);
      batch.delete(id);
      if (!this.inFlight.has(id))
        this.inFlight.set(id, entry ?? { model: record.model, line: '', waiters: [] });
    }
  }

  /** Checks on a batch in flight until it ends, and takes in its replies. */
  private watch(record: BatchRecord): void {
    this.counts.set(record.id, { done: 0, total: record.requests.length });
    this.poll(record).catch((error: unknown) => this.settleAll(record, error));
  }

  /** Checks on a batch every `pollMs` until it ends, reporting progress, then takes its replies. */
  private async poll(record: BatchRecord): Promise<void> {
    const { client, signal, pollMs, logger } = this.options;
    let last = '';
    for (;;) {
      let status: BatchStatus;
      try {
        status = await client.retrieve(record.id, signal);
      } catch (error) {
        if (signal.aborted) return this.stopped(record);
        if ((error as { status?: unknown }).status === 404) return this.forget(record, error);
        // A passing failure to check is no reason to give up a batch the server is doing.
        if (!classifyFailure(error, false, 0).retry) throw error;
        logger.debug(`batch ${record.id}: could not be checked (${String(error)}); trying again`);
        await sleep(pollMs, signal).catch(() => undefined);
        if (signal.aborted) return this.stopped(record);
        continue;
      }
      if (status.status !== last) logger.debug(`batch ${record.id}: ${status.status}`);
      last = status.status;
      this.counts.set(record.id, {
        done: status.done,
        total: status.total || record.requests.length,
      });
      this.reportProgress();
      if (TERMINAL.has(status.status)) return this.settle(record, status);
      await sleep(pollMs, signal).catch(() => undefined);
      if (signal.aborted) return this.stopped(record);
    }
  }

  /** The run stopped: the batch goes on on the server, and the next run takes it in. */
  private stopped(record: BatchRecord): void {
    this.options.logger.info(
      `batch ${record.id}: left running on the server; the next run with this run folder resumes it`,
    );
  }

  private reportProgress(): void {
    let done = 0;
    let total = 0;
    for (const count of this.counts.values()) {
      done += count.done;
      total += count.total;
    }
    this.options.progress?.(done, total);
  }

  /** Takes in a batch that ended: every request's reply or error, to the calls waiting for it. */
  private async settle(record: BatchRecord, status: BatchStatus): Promise<void> {
    if (status.status === 'failed') {
      await this.options.store.remove(record.id);
      const why = `the Batch API refused batch ${record.id} (${status.errors ?? 'no reason given'})`;
      return this.settleAll(record, new BatchItemError(why, 400, false), false);
    }
    const { client, signal } = this.options;
    const results = new Map<string, BatchResultLine>();
    for (const fileId of [status.outputFileId, status.errorFileId]) {
      if (!fileId) continue;
      for (const [id, line] of parseResultFile(await client.download(fileId, signal)))
        results.set(id, line);
    }
    let open = 0;
    const taken = async () => {
      open -= 1;
      if (open === 0) await this.options.store.remove(record.id);
    };
    for (const id of record.requests) {
      const entry = this.inFlight.get(id);
      this.inFlight.delete(id);
      const result = results.get(id);
      const reply = result
        ? replyOf(result)
        : // An expired batch's unfinished requests may be done in another; a cancelled one's not.
          new BatchItemError(
            `left the request unanswered (batch ${record.id} ${status.status})`,
            undefined,
            status.status === 'expired',
          );
      if (reply instanceof Error) {
        for (const w of entry?.waiters ?? []) w.reject(reply);
      } else if (entry && entry.waiters.length > 0) {
        open += entry.waiters.length;
        for (const w of entry.waiters) w.resolve({ ...reply, taken });
      } else this.unclaimed.set(id, reply);
    }
    this.counts.delete(record.id);
    if (open === 0) await this.options.store.remove(record.id);
  }

  /** A batch the server does not know (another account or server): its requests go in a new one. */
  private async forget(record: BatchRecord, error: unknown): Promise<void> {
    await this.options.store.remove(record.id);
    this.options.logger.warn(
      `batch ${record.id}: the server does not know it (${String(error)}); its requests are sent again`,
    );
    const again = new BatchItemError(`did not know batch ${record.id}`, undefined, true);
    this.settleAll(record, again, false);
  }

  /**
   * Rejects every call waiting on a batch with `error`. A `kept` record stays, so asking again
   * resumes the batch rather than sending it again.
   */
  private settleAll(record: BatchRecord, error: unknown, kept = true): void {
    this.counts.delete(record.id);
    for (const id of record.requests) {
      const entry = this.inFlight.get(id);
      this.inFlight.delete(id);
      for (const w of entry?.waiters ?? []) w.reject(error);
    }
    if (kept) {
      this.stored = (this.stored ?? Promise.resolve([])).then((records) => [...records, record]);
    }
  }
}

/** The gathered requests' ids in groups of one model each, within the Batch API's limits. */
function chunks(batch: ReadonlyMap<string, Entry>): string[][] {
  const groups: string[][] = [];
  const open = new Map<string, { ids: string[]; bytes: number }>();
  for (const [id, entry] of batch) {
    let group = open.get(entry.model);
    const bytes = Buffer.byteLength(entry.line) + 1;
    if (!group || group.ids.length >= MAX_LINES || group.bytes + bytes > MAX_BYTES) {
      group = { ids: [], bytes: 0 };
      open.set(entry.model, group);
      groups.push(group.ids);
    }
    group.ids.push(id);
    group.bytes += bytes;
  }
  return groups;
}
