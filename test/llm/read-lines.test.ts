import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLlmService } from '../../pipeline/llm/create-llm.js';
import type { LlmService } from '../../pipeline/llm/llm-service.js';
import { redactOptionsOf } from '../../pipeline/nlp/redact.js';
import { readLinesWithModel } from '../../pipeline/synthesis/model/read-lines.js';
import { LlmConfig, PrivacyConfig } from '../../schemas/consultation.js';
import { useOpenAiStub } from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => stub.reset());

const QUESTION = 'Should the library open on Sundays?';
const LINES = [
  {
    id: 'a',
    question: QUESTION,
    text: 'No, it costs too much.',
    context: 'No, it costs too much.',
  },
  {
    id: 'b',
    question: QUESTION,
    text: 'Yes, I agree.',
    context: 'Yes, I agree. Sundays are free.',
  },
  { id: 'c', question: QUESTION, text: 'I am a librarian.', context: 'I am a librarian.' },
  {
    id: 'd',
    question: null,
    text: 'Staff very helpful & friendly.',
    context: 'Staff very helpful & friendly.',
  },
  {
    id: 'e',
    question: null,
    text: 'The roof leaks and is a risk.',
    context: 'The roof leaks and is a risk.',
  },
];
const OPTIONS = { model: 'gpt-4o-mini', batchSize: 2, maxPromptTokens: 6000 };

/** A service on the stub, caching in `dir`, as the eval command would make one. */
async function service(dir: string): Promise<LlmService> {
  const config = LlmConfig.parse({ provider: 'openai-compatible', maxSchemaRetries: 0 });
  const llm = await createLlmService(
    { env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'test-key' } },
    {
      config,
      configPath: 'eval',
      outDir: dir,
      logger: { debug() {}, info() {}, warn() {} },
      signal: new AbortController().signal,
      redact: redactOptionsOf(PrivacyConfig.parse({})),
    },
  );
  if (!llm) throw new Error('no service');
  return llm;
}

describe('readLinesWithModel', () => {
  it('reads kinds and yes/no stances of labelled lines in batches, and from the cache again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-read-lines-'));
    const read = await readLinesWithModel(LINES, await service(dir), OPTIONS);
    expect(Object.fromEntries(read)).toEqual({
      a: { kinds: ['other'], stance: 'against' },
      b: { kinds: ['other'], stance: 'favour' },
      c: { kinds: ['self_description'], stance: 'unclear' },
      d: { kinds: ['praise'], stance: null },
      e: { kinds: ['concern'], stance: null },
    });
    const tasks = stub.requests.map((r) => r.task).sort();
    // 3 + 2 sentences and 3 contributions, at most two to a request.
    expect(tasks).toEqual([
      'stances',
      'stances',
      'statement_kinds',
      'statement_kinds',
      'statement_kinds',
    ]);
    stub.reset();
    const again = await readLinesWithModel(LINES, await service(dir), OPTIONS);
    expect(again).toEqual(read);
    expect(stub.requests).toEqual([]);
  }, 60_000);

  it('leaves to the rules the lines whose reply is invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-read-lines-'));
    stub.fault({ reply: 'bad-values', task: 'stances' }, 10);
    stub.fault({ reply: 'malformed-json', task: 'statement_kinds' }, 10);
    const read = await readLinesWithModel(LINES, await service(dir), OPTIONS);
    for (const line of LINES) expect(read.get(line.id)).toEqual({ kinds: null, stance: null });
  }, 60_000);
});
