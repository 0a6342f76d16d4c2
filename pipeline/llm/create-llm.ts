import { join } from 'node:path';
import type { LlmConfig } from '../../schemas/consultation.js';
import { ConfigError } from '../errors.js';
import { type RedactOptions, redactText } from '../nlp/redact.js';
import type { Logger, ProgressEvent } from '../stage.js';
import { createBatchClient } from './batch-client.js';
import { BATCHES_DIR, BatchStore } from './batch-store.js';
import { BatchTransport } from './batch-transport.js';
import { LlmService } from './llm-service.js';
import { RESPONSE_CACHE_DIR, ResponseCache } from './response-cache.js';
import { tokenCounter } from './tokens.js';
import { createOpenAiTransport, type ServerSettings } from './transport.js';

/** How this run uses the language model, from the command line and the environment. */
export interface LlmRunOptions {
  /** Count tokens and cost, call nothing. */
  dryRun?: boolean | undefined;
  /** USD; overrides `llm.maxCost`. */
  maxCost?: number | undefined;
  /** Send the synthesis's requests through the Batch API (`--batch`); overrides `llm.batch`. */
  batch?: boolean | undefined;
  /** The environment, with `.env` under it: `OPENAI_API_KEY`, `OPENAI_BASE_URL`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface LlmContext {
  config: LlmConfig;
  configPath: string;
  outDir: string;
  logger: Logger;
  signal: AbortSignal;
  progress?: ((event: ProgressEvent) => void) | undefined;
  /** Personal data to take out of every text sent to the model (`privacy.redact`). */
  redact: RedactOptions;
}

/**
 * The run's `LlmService` for the configured provider, or null for `offline`. Responses are
 * cached in the run folder's `cache/`; in batch mode the batches in flight are recorded in its
 * `batches/`. A missing key or server address is a config error that says how to set it (a dry
 * run needs neither).
 */
export async function createLlmService(
  options: LlmRunOptions,
  context: LlmContext,
): Promise<LlmService | null> {
  const config = { ...context.config, batch: options.batch ?? context.config.batch };
  if (config.provider === 'offline') return null;
  const env = options.env ?? {};
  const dryRun = options.dryRun ?? false;
  const server = serverSettings(config, env, context.configPath, dryRun);
  const batch =
    config.batch && !dryRun
      ? (signal: AbortSignal) =>
          new BatchTransport({
            client: createBatchClient(server),
            store: new BatchStore(join(context.outDir, BATCHES_DIR)),
            pollMs: config.batchPollSeconds * 1000,
            logger: context.logger,
            signal,
            progress: (done, total) =>
              context.progress?.({ stage: service.stage, unit: 'batch requests', done, total }),
          })
      : undefined;
  const service: LlmService = new LlmService({
    config,
    batch,
    transport: createOpenAiTransport(server),
    cache: new ResponseCache(join(context.outDir, RESPONSE_CACHE_DIR)),
    tokens: await tokenCounter(),
    logger: context.logger,
    signal: context.signal,
    dryRun,
    maxCost: options.maxCost ?? config.maxCost,
    serverName: server.baseUrl ?? 'OpenAI',
    progress: context.progress,
    redact: (text) => redactText(text, context.redact).text,
  });
  return service;
}

function serverSettings(
  config: LlmConfig,
  env: Readonly<Record<string, string | undefined>>,
  configPath: string,
  dryRun: boolean,
): ServerSettings {
  const baseUrl = config.baseUrl ?? (env.OPENAI_BASE_URL || undefined);
  const apiKey = env.OPENAI_API_KEY || undefined;
  if (config.provider === 'openai-compatible' && baseUrl === undefined) {
    throw new ConfigError(
      'llm.provider is openai-compatible but no server address is set: add llm.baseUrl to the config (e.g. http://localhost:11434/v1 for Ollama) or set OPENAI_BASE_URL',
      configPath,
    );
  }
  if (config.provider === 'openai' && apiKey === undefined && !dryRun) {
    throw new ConfigError(
      'llm.provider is openai but OPENAI_API_KEY is not set: export OPENAI_API_KEY=sk-... or put it in a .env file in the folder you run brief from (see .env.example)',
      configPath,
    );
  }
  // Local servers (Ollama, llama.cpp, LM Studio) accept any key; the client needs one.
  return { apiKey: apiKey ?? 'not-needed', baseUrl };
}
