// A batch line is the request the live transport sends, and a result line reads as the live reply would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatchItemError, chatBody, replyOf, requestLine } from '../../pipeline/llm/batch-lines.js';
import { MalformedReplyError } from '../../pipeline/llm/reply-check.js';
import { classifyFailure } from '../../pipeline/llm/server-failures.js';
import { createOpenAiTransport } from '../../pipeline/llm/transport.js';
import { type OpenAiStub, startOpenAiStub } from '../helpers/llm-fixture.js';

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());

const request = (model: string) => ({
  model,
  messages: [
    { role: 'system' as const, content: 'Answer in JSON.' },
    { role: 'user' as const, content: 'Which week?' },
  ],
  schemaName: 'week_digest',
  schema: z.strictObject({ keyPoints: z.array(z.string()) }),
  maxOutputTokens: 300,
});

describe('batch lines', () => {
  it.each(['gpt-4o-mini', 'gpt-5-mini'])(
    'asks %s with the body the live transport sends',
    async (model) => {
      stub.reset();
      const live = createOpenAiTransport({ apiKey: 'test-key', baseUrl: stub.url });
      await live.send({ ...request(model), signal: new AbortController().signal });
      expect(chatBody(request(model))).toEqual(stub.requests[0]?.body);
      const { customId, line } = requestLine(chatBody(request(model)));
      expect(JSON.parse(line)).toMatchObject({
        custom_id: customId,
        method: 'POST',
        url: '/v1/chat/completions',
      });
    },
  );

  it('reads a result line as the live reply: text and usage, or the error a live request gets', () => {
    const completion = (content: string | null) => ({
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      usage: { prompt_tokens: 12, completion_tokens: 3 },
    });
    const line = (response: unknown, error: unknown = null) => ({
      custom_id: 'x',
      response: response as never,
      error: error as never,
    });
    expect(replyOf(line({ status_code: 200, body: completion('{"a":1}') }))).toEqual({
      content: '{"a":1}',
      usage: { promptTokens: 12, completionTokens: 3 },
    });
    expect(replyOf(line({ status_code: 200, body: completion(null) }))).toBeInstanceOf(
      MalformedReplyError,
    );
    const failed = replyOf(
      line({ status_code: 500, body: { error: { message: 'overloaded' } } }),
    ) as BatchItemError;
    expect(classifyFailure(failed, false, 1)).toMatchObject({
      retry: true,
      description: 'answered HTTP 500 (overloaded)',
    });
    const refused = replyOf(line({ status_code: 400, body: { error: { message: 'bad' } } }));
    expect(classifyFailure(refused, false, 1).retry).toBe(false);
    const expired = replyOf(line(null, { code: 'batch_expired', message: 'too late' }));
    expect(classifyFailure(expired, false, 1)).toEqual({
      retry: true,
      description: 'left the request unanswered (batch_expired: too late)',
    });
    const cancelled = new BatchItemError(
      'left the request unanswered (batch b cancelled)',
      undefined,
      false,
    );
    expect(classifyFailure(cancelled, false, 1).retry).toBe(false);
  });
});
