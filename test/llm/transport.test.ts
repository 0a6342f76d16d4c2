import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeekAnswer } from '../../pipeline/llm/answers.js';
import { createOpenAiTransport, isReasoningModel } from '../../pipeline/llm/transport.js';
import { type OpenAiStub, startOpenAiStub } from '../helpers/llm-fixture.js';

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());

const send = (model: string) =>
  createOpenAiTransport({ apiKey: 'k', baseUrl: stub.url }).send({
    model,
    messages: [{ role: 'user', content: '<data-1>\n[P1] The buses are late.\n</data-1>' }],
    schemaName: 'week_digest',
    schema: WeekAnswer,
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
  });

  it('leaves temperature out for reasoning models, which refuse it', async () => {
    stub.reset();
    await send('o4-mini');
    await send('gpt-5-mini');
    expect(stub.requests.map((r) => r.body.temperature)).toEqual([undefined, undefined]);
    expect(isReasoningModel('gpt-5-chat-latest')).toBe(false);
    expect(isReasoningModel('gpt-4.1')).toBe(false);
  });
});
