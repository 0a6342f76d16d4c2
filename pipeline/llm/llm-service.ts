import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import type { z } from 'zod';
import type { LlmConfig, ModelPrice } from '../../schemas/consultation.js';
import { AbortError, BriefError, LlmError } from '../errors.js';
import { canonicalJson, sha256 } from '../hash.js';
import type { Logger, ProgressEvent } from '../stage.js';
import { Budget } from './budget.js';
import { addUsage, batchPrices, costOf, NO_USAGE, priceTable, type Usage } from './cost.js';
import { type ChatMessage, loadPrompt, type PromptTask, renderPrompt } from './prompts.js';
import { MalformedReplyError } from './reply-check.js';
import type { CachedReply, ResponseCache } from './response-cache.js';
import { classifyFailure } from './server-failures.js';
import { sleep, TokenWindow } from './token-window.js';
import { messageTokens, type TokenCounter } from './tokens.js';
import { type ChatReply, jsonSchemaOf, type ModelTransport } from './transport.js';

/** One question to the model: a prompt's slots and the JSON shape the answer must have. */
export interface LlmRequest<T> {
  task: PromptTask;
  model: string;
  slots: Record<string, string>;
  schema: z.ZodType<T>;
  /**
   * The answer used when there is none from the model: in a dry run, and when the replies keep
   * failing the schema. Its size is the dry run's estimate of the completion.
   */
  fallback: T;
}

export interface LlmAnswer<T> {
  value: T;
  from: 'model' | 'cache' | 'fallback';
}

export interface LlmServiceOptions {
  config: LlmConfig;
  transport: ModelTransport;
  cache: ResponseCache;
  tokens: TokenCounter;
  logger: Logger;
  signal: AbortSignal;
  /** Count what each request would cost and send nothing. */
  dryRun: boolean;
  /** USD; stop before the run's cost would exceed it. */
  maxCost: number | undefined;
  /** The server as named in messages, e.g. "OpenAI" or "http://localhost:11434/v1". */
  serverName: string;
  progress?: ((event: ProgressEvent) => void) | undefined;
  /**
   * Applied to every text put into a prompt or embedded, so that nothing personal leaves the
   * machine whatever the caller passes (default: texts go as given).
   */
  redact?: ((text: string) => string) | undefined;
  /**
   * Makes where chat requests go when `config.batch` is on (the Batch API; none in a dry run),
   * outside the live limits and timeout, at the batch price. It is given the service's signal,
   * which aborts on cancellation and on a failure that stops every call.
   */
  batch?: ((signal: AbortSignal) => Pick<ModelTransport, 'send'>) | undefined;
}

/**
 * Tasks asked live even in batch mode: theme labels are asked group by group, each group's
 * names depending on the last's, so a batch per group would wait a day for a few requests.
 */
const LIVE_TASKS: ReadonlySet<PromptTask> = new Set(['theme-labels']);

const MAX_RETRY_DELAY_MS = 60_000;

/**
 * Every call to a language model goes through here: the response cache, one queue with the
 * configured concurrency and requests and tokens per minute, retries with backoff (honouring
 * `retry-after`) on rate limits, server errors, timeouts and lost connections, bounded retries
 * with the validation error fed back when a reply does not match its schema, the cost budget,
 * token and cost accounting, and cancellation. In batch mode the synthesis's chat requests go to
 * the Batch API transport instead, through the same checks. A failure that retries cannot cure stops every
 * other call and is thrown as one `LlmError`.
 */
export class LlmService {
  /** The stage now running, for progress reports. */
  stage = '';
  /** Answers replaced by their fallback because the replies kept failing the schema. */
  fallbacks = 0;
  private total: Usage = NO_USAGE;
  private readonly budget: Budget;
  private asked = 0;
  private answered = 0;
  private readonly queue: PQueue;
  private readonly window: TokenWindow;
  private readonly prices: Record<string, ModelPrice>;
  private readonly batchPrices: Record<string, ModelPrice>;
  private readonly failure = new AbortController();
  private readonly signal: AbortSignal;
  private readonly tokenCounts = new Map<string, number>();
  private readonly batchTransport: Pick<ModelTransport, 'send'> | undefined;

  constructor(private readonly options: LlmServiceOptions) {
    const { config } = options;
    this.queue = new PQueue({
      concurrency: config.concurrency,
      intervalCap: config.requestsPerMinute,
      interval: 60_000,
    });
    this.window = new TokenWindow(config.tokensPerMinute);
    this.prices = priceTable(config.prices);
    this.batchPrices = batchPrices(this.prices);
    this.budget = new Budget(options.maxCost, () => this.total.cost);
    this.signal = AbortSignal.any([options.signal, this.failure.signal]);
    // Every queued and in-flight call listens for cancellation: hundreds at once are expected.
    setMaxListeners(0, this.signal, options.signal);
    this.batchTransport = options.batch?.(this.signal);
  }

  /**
   * The tokens a text takes (the o200k tokenizer's estimate), remembered: a passage is sized
   * for its theme, the theme's parts, its question and its week.
   */
  countTokens(text: string): number {
    let tokens = this.tokenCounts.get(text);
    if (tokens === undefined) {
      tokens = this.options.tokens(text);
      this.tokenCounts.set(text, tokens);
    }
    return tokens;
  }

  /** Requests, tokens and cost so far (estimates in a dry run). */
  usage(): Usage {
    return this.total;
  }

  /** Whether the run sends (or, in a dry run, would send) requests through the Batch API. */
  get batchMode(): boolean {
    return this.options.config.batch;
  }

  /** Whether chat requests of this task go through the Batch API. */
  batched(task: PromptTask): boolean {
    return this.batchMode && !LIVE_TASKS.has(task);
  }

  private pricesFor(batched: boolean): Record<string, ModelPrice> {
    return batched ? this.batchPrices : this.prices;
  }

  /** Asks the model, or answers from the cache, or (dry run) counts what asking would cost. */
  async ask<T>(request: LlmRequest<T>): Promise<LlmAnswer<T>> {
    this.stopIfCancelled();
    const redact = this.options.redact;
    const slots = redact
      ? Object.fromEntries(
          Object.entries(request.slots).map(([name, text]) => [name, redact(text)]),
        )
      : request.slots;
    const messages = renderPrompt(loadPrompt(request.task), slots);
    const key = sha256(
      canonicalJson({
        model: request.model,
        messages,
        schema: jsonSchemaOf(request.schema),
      }),
    );
    const cached = await this.options.cache.get(key);
    const fromCache = cached && validate(request.schema, cached.content);
    if (fromCache?.ok) {
      this.total = addUsage(this.total, { ...NO_USAGE, cached: 1 });
      return { value: fromCache.value, from: 'cache' };
    }
    const promptTokens = messageTokens(this.options.tokens, messages);
    const completionTokens = this.options.tokens(JSON.stringify(request.fallback));
    const batched = this.batched(request.task);
    const prices = this.pricesFor(batched);
    const estimate = costOf(prices, request.model, promptTokens, completionTokens);
    if (this.options.dryRun) {
      this.total = addUsage(this.total, {
        ...NO_USAGE,
        requests: 1,
        promptTokens,
        completionTokens,
        cost: estimate,
      });
      return { value: request.fallback, from: 'fallback' };
    }
    this.budget.requirePrice(request.model, estimate);
    return this.schedule(
      () => this.converse(request, messages, key, promptTokens + completionTokens),
      !batched,
    );
  }

  /**
   * Embeds a batch of texts with an embeddings model: one vector per text, from the cache when
   * the same batch was embedded before. A dry run counts the tokens and returns null.
   */
  async embed(model: string, given: readonly string[]): Promise<number[][] | null> {
    this.stopIfCancelled();
    const texts = this.options.redact ? given.map(this.options.redact) : given;
    const key = sha256(canonicalJson({ model, embed: texts }));
    const cached = await this.options.cache.get(key);
    const vectors = cached ? parseVectors(cached.content, texts.length) : undefined;
    if (vectors) {
      this.total = addUsage(this.total, { ...NO_USAGE, cached: 1 });
      return vectors;
    }
    const promptTokens = texts.reduce((sum, text) => sum + this.options.tokens(text), 0);
    const estimate = costOf(this.prices, model, promptTokens, 0);
    if (this.options.dryRun) {
      this.total = addUsage(this.total, { ...NO_USAGE, requests: 1, promptTokens, cost: estimate });
      return null;
    }
    this.budget.requirePrice(model, estimate);
    return this.schedule(async () => {
      const worst = { cost: estimate, what: `${promptTokens.toLocaleString('en')} tokens` };
      const reply = await this.retrying(
        'embeddings',
        promptTokens,
        worst,
        false,
        async (signal) => {
          const answer = await this.options.transport.embed({ model, texts, signal });
          const used = answer.promptTokens ?? promptTokens;
          this.charge(model, used, 0, false);
          return { ...answer, promptTokens: used };
        },
      );
      if (reply.vectors.length !== texts.length) {
        throw this.fail(
          new LlmError(
            `the model server (${this.options.serverName}) returned ${reply.vectors.length} embeddings for ${texts.length} texts`,
          ),
        );
      }
      const used = reply.promptTokens;
      await this.keep(key, {
        task: 'embeddings',
        model,
        content: JSON.stringify(reply.vectors),
        promptTokens: used,
        completionTokens: 0,
      });
      return reply.vectors;
    });
  }

  /**
   * Runs a call, in the queue unless `queued` is false (a batch's requests, which wait for the
   * batch, not a turn), reporting progress; failures stop every call.
   */
  private async schedule<R>(work: () => Promise<R>, queued = true): Promise<R> {
    this.asked += 1;
    try {
      const result = queued ? await this.queue.add(work, { signal: this.signal }) : await work();
      this.answered += 1;
      this.options.progress?.({
        stage: this.stage,
        unit: 'model calls',
        done: this.answered,
        total: this.asked,
      });
      return result;
    } catch (error) {
      throw this.failure.signal.aborted ? this.failure.signal.reason : this.cancelled(error);
    }
  }

  /**
   * Sends a request, and again (with the validation error when there was a reply to correct)
   * while the reply fails its schema or carries no usable answer.
   */
  private async converse<T>(
    request: LlmRequest<T>,
    messages: ChatMessage[],
    key: string,
    tokens: number,
  ): Promise<LlmAnswer<T>> {
    const conversation = [...messages];
    const { maxSchemaRetries } = this.options.config;
    let problem = '';
    for (let attempt = 0; attempt <= maxSchemaRetries; attempt++) {
      const reply = await this.send(request, conversation, tokens);
      if (reply instanceof MalformedReplyError) {
        problem = reply.message;
        this.options.logger.debug(`${request.task}: ${problem}; asking again`);
        continue;
      }
      const checked = validate(request.schema, reply.content);
      if (checked.ok) {
        await this.keep(key, {
          task: request.task,
          model: request.model,
          content: reply.content,
          promptTokens: reply.promptTokens,
          completionTokens: reply.completionTokens,
        });
        await reply.taken?.();
        return { value: checked.value, from: 'model' };
      }
      await reply.taken?.();
      problem = checked.error;
      this.options.logger.debug(`${request.task}: reply rejected (${problem}); asking again`);
      conversation.push(
        { role: 'assistant', content: reply.content },
        {
          role: 'user',
          content: `That reply cannot be used: ${problem}. Answer again with only the JSON object the schema asks for.`,
        },
      );
    }
    this.fallbacks += 1;
    this.options.logger.warn(
      `${request.task}: ${maxSchemaRetries + 1} replies could not be used (${problem}); the offline result is used for this part`,
    );
    return { value: request.fallback, from: 'fallback' };
  }

  /**
   * One chat request, retried as `retrying` does, within the budget (its prompt and the reply's
   * token limit reserved), with its usage counted; a reply with no usable answer is returned as
   * its `MalformedReplyError`, its usage counted too.
   */
  private async send<T>(
    request: LlmRequest<T>,
    messages: readonly ChatMessage[],
    tokens: number,
  ): Promise<
    | (Pick<ChatReply, 'content' | 'taken'> & { promptTokens: number; completionTokens: number })
    | MalformedReplyError
  > {
    const { maxOutputTokens } = this.options.config;
    const prompt = messageTokens(this.options.tokens, messages);
    const batched = this.batched(request.task);
    const transport = (batched && this.batchTransport) || this.options.transport;
    const worst = {
      cost: costOf(this.pricesFor(batched), request.model, prompt, maxOutputTokens),
      what: `a prompt of ${prompt.toLocaleString('en')} tokens and at most ${maxOutputTokens.toLocaleString('en')} tokens of reply`,
    };
    return this.retrying(request.task, tokens, worst, batched, async (signal) => {
      try {
        const reply = await transport.send({
          model: request.model,
          messages,
          schemaName: request.task.replaceAll('-', '_'),
          schema: request.schema,
          maxOutputTokens,
          signal,
        });
        const promptTokens = reply.usage?.promptTokens ?? prompt;
        const completionTokens =
          reply.usage?.completionTokens ?? this.options.tokens(reply.content);
        this.charge(request.model, promptTokens, completionTokens, batched);
        return { content: reply.content, taken: reply.taken, promptTokens, completionTokens };
      } catch (error) {
        if (!(error instanceof MalformedReplyError)) throw error;
        // The server answered, so it may have charged: its usage, else the prompt's estimate.
        this.charge(
          request.model,
          error.usage?.promptTokens ?? prompt,
          error.usage?.completionTokens ?? 0,
          batched,
        );
        return error;
      }
    });
  }

  /**
   * Stores an accepted reply in the response cache. A reply that cannot be kept (a full disk)
   * stops every other call: their replies could not be kept either, and would be paid again.
   */
  private async keep(key: string, reply: CachedReply): Promise<void> {
    try {
      await this.options.cache.set(key, reply);
    } catch (error) {
      throw this.fail(
        error instanceof BriefError
          ? error
          : new LlmError(`a model reply could not be kept in the cache (${String(error)})`, {
              cause: error,
            }),
      );
    }
  }

  /** Counts tokens the server used, and their cost (at the batch price for a batch's). */
  private charge(
    model: string,
    promptTokens: number,
    completionTokens: number,
    batched: boolean,
  ): void {
    this.total = addUsage(this.total, {
      ...NO_USAGE,
      promptTokens,
      completionTokens,
      cost: costOf(this.pricesFor(batched), model, promptTokens, completionTokens),
    });
  }

  /**
   * Makes one request, within the budget (`worst` reserved while it is in flight, released once
   * `call` has counted what it cost), the tokens-per-minute limit and the timeout, and again
   * after a rate limit (waiting as long as `retry-after` says), a server error, a timeout or a
   * lost connection, up to `maxRetries` times with doubling delays. A failure retries cannot
   * cure, or a request the budget cannot hold, stops every other call and is thrown. A
   * `batched` request waits for its batch, outside the tokens-per-minute limit and the timeout.
   */
  private async retrying<R>(
    label: string,
    tokens: number,
    worst: { cost: number | null; what: string },
    batched: boolean,
    call: (signal: AbortSignal) => Promise<R>,
  ): Promise<R> {
    const { maxRetries, retryDelaySeconds, timeoutSeconds } = this.options.config;
    for (let attempt = 0; ; attempt++) {
      if (!batched) await this.window.reserve(tokens, this.signal);
      this.stopIfCancelled();
      const release = this.reserve(worst);
      const timeout = batched ? null : AbortSignal.timeout(timeoutSeconds * 1000);
      try {
        this.total = addUsage(this.total, { ...NO_USAGE, requests: 1 });
        return await call(timeout ? AbortSignal.any([this.signal, timeout]) : this.signal);
      } catch (error) {
        release();
        this.stopIfCancelled();
        const failure = classifyFailure(error, timeout?.aborted === true, timeoutSeconds);
        if (!failure.retry || attempt >= maxRetries) {
          const tries = attempt + 1;
          throw this.fail(
            new LlmError(
              `the model server (${this.options.serverName}) ${failure.description}${failure.retry ? ` on ${tries} attempt${tries === 1 ? '' : 's'}` : ''}${failure.hint ? `; ${failure.hint}` : ''}`,
              { cause: error },
            ),
          );
        }
        const delay = Math.min(
          failure.retryAfterMs ?? retryDelaySeconds * 1000 * 2 ** attempt,
          MAX_RETRY_DELAY_MS,
        );
        this.options.logger.info(
          `${label}: the model server ${failure.description}; retrying in ${(delay / 1000).toFixed(1)} s`,
        );
        await sleep(delay, this.signal).catch(() => this.stopIfCancelled());
      } finally {
        release();
      }
    }
  }

  /** Reserves a request's worst cost; one that does not fit stops every call. */
  private reserve(worst: { cost: number | null; what: string }): () => void {
    try {
      return this.budget.reserve(worst.cost, worst.what);
    } catch (error) {
      throw this.fail(error as BriefError);
    }
  }

  /** Stops every other call with this error, and returns it to be thrown. */
  private fail(error: BriefError): BriefError {
    this.failure.abort(error);
    return error;
  }

  private stopIfCancelled(): void {
    if (this.failure.signal.aborted) throw this.failure.signal.reason;
    if (this.options.signal.aborted) throw new AbortError('The model calls were cancelled');
  }

  private cancelled(error: unknown): unknown {
    if (this.options.signal.aborted) return new AbortError('The model calls were cancelled');
    return error instanceof BriefError ? error : new LlmError(String(error), { cause: error });
  }
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses a reply as JSON and checks it against the schema, with a short error to feed back. */
function validate<T>(schema: z.ZodType<T>, content: string): Checked<T> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, error: `it is not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'the reply'}: ${issue.message}`);
  return { ok: false, error: `it does not match the schema (${issues.join('; ')})` };
}

/** Cached embeddings, or undefined when the entry is not `count` vectors of numbers. */
function parseVectors(content: string, count: number): number[][] | undefined {
  try {
    const vectors = JSON.parse(content) as unknown;
    const valid =
      Array.isArray(vectors) &&
      vectors.length === count &&
      vectors.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'));
    return valid ? (vectors as number[][]) : undefined;
  } catch {
    return undefined;
  }
}
