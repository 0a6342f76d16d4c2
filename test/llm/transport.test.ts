import { describe, expect, it } from 'vitest';
import { WeekAnswer } from '../../pipeline/llm/answers.js';
import { MalformedReplyError } from '../../pipeline/llm/reply-check.js';
import { createOpenAiTransport, isReasoningModel } from '../../pipeline/llm/transport.js';
import { useOpenAiStub } from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();

const send = (model: string) =>
  createOpenAiTransport({ apiKey: 'k', baseUrl: stub.url }).send({
    model,
    messages: [{ role: 'user', content: '<data-1>\n[P1] The buses are late.\n</data-1>' }],
    schemaName: 'week_digest',
    schema: WeekAnswer,
    maxOutputTokens: 1234,
    signal: new AbortController().signal,
  });

describe('the OpenAI transport', () => {
  it('asks for strict JSON schema output at temperature 0, and returns the text unparsed with its usage', async () => {
    stub.reset();
    stub.fault({ reply: 'malformed-json' });
    const reply = await send('gpt-4o-mini');
    expect(reply.content).toBe('{"summary": [');
    expect(reply.usage?.completionTokens).toBeGreaterThan(0);
    const body = stub.requests[0]?.body;
    expect(body.temperature).toBe(0);
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.additionalProperties).toBe(false);
    expect(body.response_format.json_schema.schema.$schema).toBeUndefined();
    expect(JSON.stringify(body.response_format)).not.toContain('parseRaw');
    expect(body.max_tokens).toBe(1234);
  });

  it('names a 200 reply with no choices, no content or a body that is not JSON, quoting at most 200 characters', async () => {
    const failures: unknown[] = [];
    for (const reply of ['no-choices', 'no-content', 'not-json'] as const) {
      stub.reset();
      stub.fault({ reply });
      failures.push(await send('gpt-4o-mini').catch((error: unknown) => error));
    }
    expect(failures.every((f) => f instanceof MalformedReplyError)).toBe(true);
    const [none, empty, html] = failures as MalformedReplyError[];
    expect(none?.message).toBe('the model server returned no choices');
    expect(none?.usage?.promptTokens).toBeGreaterThan(0);
    expect(empty?.message).toBe('the model server returned a choice with no message content');
    expect(html?.message).toMatch(/^the model server returned a reply that is not JSON: <html>/);
    expect(html?.message.length).toBeLessThan(300);
    expect(html?.usage).toBeNull();
  });

  it('names a reply the server cut at the token limit', async () => {
    stub.reset();
    stub.fault({ reply: 'long' });
    const cut = await createOpenAiTransport({ apiKey: 'k', baseUrl: stub.url })
      .send({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: '<data-1>\n[P1] The buses are late.\n</data-1>' }],
        schemaName: 'week_digest',
        schema: WeekAnswer,
        maxOutputTokens: 10,
        signal: new AbortController().signal,
      })
      .catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(MalformedReplyError);
    expect((cut as Error).message).toBe(
      'the model server returned a reply cut off at its token limit (llm.maxOutputTokens)',
    );
  });

  it('leaves temperature out for reasoning models, which refuse it', async () => {
    stub.reset();
    await send('o4-mini');
    await send('gpt-5-mini');
    expect(stub.requests.map((r) => r.body.temperature)).toEqual([undefined, undefined]);
    expect(stub.requests.map((r) => r.body.max_completion_tokens)).toEqual([1234, 1234]);
    expect(isReasoningModel('gpt-5-chat-latest')).toBe(false);
    expect(isReasoningModel('gpt-4.1')).toBe(false);
  });
});
