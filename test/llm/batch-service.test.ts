// The LLM service in batch mode: a failure that stops the run stops the polling of its batches too, and a reply that cannot be kept stops every call.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setDiskWrite } from '../../pipeline/atomic-write.js';
import { createLlmService } from '../../pipeline/llm/create-llm.js';
import { redactOptionsOf } from '../../pipeline/nlp/redact.js';
import { LlmConfig, PrivacyConfig } from '../../schemas/consultation.js';
import { createCollectingLogger } from '../helpers/context.js';
import { useOpenAiStub } from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => {
  stub.reset();
  stub.batchApi.hold = false;
});
afterEach(() => setDiskWrite(undefined));

const slots = {
  language: 'English',
  title: 'T',
  data: '<data-1>\n[P1] Buses are late.\n</data-1>',
};
const Answer = z.object({}).passthrough();

describe('LlmService in batch mode', () => {
  it('stops polling its batches when a failure ends the run, leaving them to be resumed', async () => {
    const logger = createCollectingLogger();
    const llm = await createLlmService(
      { batch: true, env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'test-key' } },
      {
        config: LlmConfig.parse({ provider: 'openai-compatible', batchPollSeconds: 0.01 }),
        configPath: 'consultation.yaml',
        outDir: await mkdtemp(join(tmpdir(), 'brief-batch-service-')),
        logger,
        signal: new AbortController().signal,
        redact: redactOptionsOf(PrivacyConfig.parse({})),
      },
    );
    if (!llm) throw new Error('no service');
    stub.batchApi.hold = true;
    stub.fault({ status: 401, task: 'theme_labels' });
    const model = 'gpt-4o-mini';
    const batched = llm.ask({
      task: 'week-digest',
      model,
      slots: { ...slots, week: '1' },
      schema: Answer,
      fallback: {},
    });
    const caught = batched.catch((error: unknown) => error);
    while (stub.batchApi.batches.length === 0) await sleep(10);
    const [held] = stub.batchApi.batches;
    const live = llm.ask({
      task: 'theme-labels',
      model,
      slots: { ...slots, within: '' },
      schema: Answer,
      fallback: {},
    });
    await expect(live).rejects.toThrow(/HTTP 401/);
    await expect(caught).resolves.toBeInstanceOf(Error);
    await sleep(50);
    const checks = stub.requests.filter((r) => r.task === `/v1/batches/${held?.id}`).length;
    await sleep(200);
    expect(stub.requests.filter((r) => r.task === `/v1/batches/${held?.id}`)).toHaveLength(checks);
    expect(logger.of('info').join('\n')).toContain(`batch ${held?.id}: left running on the server`);
  });

  it('stops every other call when a reply cannot be kept in the cache (a full disk)', async () => {
    const llm = await createLlmService(
      { env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'test-key' } },
      {
        config: LlmConfig.parse({ provider: 'openai-compatible', timeoutSeconds: 10 }),
        configPath: 'consultation.yaml',
        outDir: await mkdtemp(join(tmpdir(), 'brief-batch-service-')),
        logger: createCollectingLogger(),
        signal: new AbortController().signal,
        redact: redactOptionsOf(PrivacyConfig.parse({})),
      },
    );
    if (!llm) throw new Error('no service');
    setDiskWrite(async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    stub.fault({ delayMs: 5000, task: 'week_digest' });
    const started = Date.now();
    const model = 'gpt-4o-mini';
    const slow = llm
      .ask({
        task: 'week-digest',
        model,
        slots: { ...slots, week: '1' },
        schema: Answer,
        fallback: {},
      })
      .catch((error: unknown) => error);
    const kept = llm.ask({
      task: 'theme-labels',
      model,
      slots: { ...slots, within: '' },
      schema: Answer,
      fallback: {},
    });
    await expect(kept).rejects.toThrow(/no space left|disk/i);
    // The slow call was abandoned with the same error, not waited for and paid.
    expect(String(await slow)).toMatch(/no space left|disk/i);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
