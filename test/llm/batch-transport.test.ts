// The batch transport against a scripted Batch API client: shared lines, resumed records, claimed replies, unknown batches.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BatchClient, BatchStatus } from '../../pipeline/llm/batch-client.js';
import { chatBody, requestLine } from '../../pipeline/llm/batch-lines.js';
import { BatchStore } from '../../pipeline/llm/batch-store.js';
import { BatchTransport } from '../../pipeline/llm/batch-transport.js';
import { classifyFailure } from '../../pipeline/llm/server-failures.js';
import { createCollectingLogger } from '../helpers/context.js';

const request = (question: string) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: question }],
  schemaName: 'week_digest',
  schema: z.strictObject({ answer: z.string() }),
  maxOutputTokens: 300,
  signal: new AbortController().signal,
});
const idOf = (question: string) => requestLine(chatBody(request(question))).customId;

/** A Batch API that completes every batch at the first check, answering each line with its question. */
function fakeClient(options: { unknown?: string } = {}) {
  const files = new Map<string, string[]>();
  const batches = new Map<string, string[]>();
  const calls: string[] = [];
  const status = (id: string, ended: boolean): BatchStatus => ({
    id,
    status: ended ? 'completed' : 'validating',
    done: 0,
    total: batches.get(id)?.length ?? 0,
    outputFileId: ended ? `out-${id}` : null,
    errorFileId: null,
    errors: null,
  });
  const client: BatchClient = {
    async upload(lines) {
      const id = `file-${files.size + 1}`;
      files.set(id, [...lines]);
      calls.push(`upload ${lines.length}`);
      return id;
    },
    async create(fileId) {
      const id = `batch-${batches.size + 1}`;
      const lines = (files.get(fileId) ?? []).map(
        (l) => JSON.parse(l) as { custom_id: string; body: { messages: { content: string }[] } },
      );
      batches.set(
        id,
        lines.map((l) => l.custom_id),
      );
      files.set(
        `out-${id}`,
        lines.map((l) =>
          JSON.stringify({
            custom_id: l.custom_id,
            response: {
              status_code: 200,
              body: {
                choices: [
                  {
                    finish_reason: 'stop',
                    message: { content: JSON.stringify({ answer: l.body.messages[0]?.content }) },
                  },
                ],
              },
            },
          }),
        ),
      );
      calls.push(`create ${id}`);
      return status(id, false);
    },
    async retrieve(id) {
      calls.push(`retrieve ${id}`);
      if (id === options.unknown) throw Object.assign(new Error('No batch found'), { status: 404 });
      return status(id, true);
    },
    async download(fileId) {
      return `${(files.get(fileId) ?? []).join('\n')}\n`;
    },
  };
  return { client, calls, files, batches };
}

async function transportWith(client: BatchClient) {
  const store = new BatchStore(join(await mkdtemp(join(tmpdir(), 'brief-batches-')), 'batches'));
  const logger = createCollectingLogger();
  const transport = new BatchTransport({
    client,
    store,
    pollMs: 5,
    logger,
    signal: new AbortController().signal,
  });
  return { transport, store, logger };
}

describe('batch transport', () => {
  it('sends a request asked twice at once as one line, answers both, and forgets the batch once both are taken', async () => {
    const fake = fakeClient();
    const { transport, store } = await transportWith(fake.client);
    const replies = await Promise.all([
      transport.send(request('a')),
      transport.send(request('a')),
      transport.send(request('b')),
    ]);
    expect(fake.calls.filter((c) => c.startsWith('upload'))).toEqual(['upload 2']);
    expect(replies.map((r) => r.content)).toEqual([
      '{"answer":"a"}',
      '{"answer":"a"}',
      '{"answer":"b"}',
    ]);
    expect(await store.list()).toHaveLength(1);
    for (const reply of replies) await reply.taken?.();
    expect(await store.list()).toEqual([]);
  });

  it('resumes a recorded batch holding some of the requests, sends only the rest, and answers a later request from it', async () => {
    const fake = fakeClient();
    // An earlier run sent "a" and "b" as batch-1 and stopped.
    await fake.client.create(
      await fake.client.upload(
        [requestLine(chatBody(request('a'))).line, requestLine(chatBody(request('b'))).line],
        new AbortController().signal,
      ),
      new AbortController().signal,
    );
    const { transport, store } = await transportWith(fake.client);
    await store.save({
      id: 'batch-1',
      model: 'gpt-4o-mini',
      inputFileId: 'file-1',
      requests: [idOf('a'), idOf('b')],
      createdAt: '2026-01-01T00:00:00Z',
    });
    fake.calls.length = 0;
    const [a, c] = await Promise.all([transport.send(request('a')), transport.send(request('c'))]);
    expect(a.content).toBe('{"answer":"a"}');
    expect(c.content).toBe('{"answer":"c"}');
    expect(fake.calls).toContain('retrieve batch-1');
    expect(fake.calls.filter((call) => call.startsWith('upload'))).toEqual(['upload 1']);
    expect(fake.batches.get('batch-2')).toEqual([idOf('c')]);
    // "b" came with batch-1's replies: answered with no batch.
    const callsBefore = fake.calls.length;
    expect((await transport.send(request('b'))).content).toBe('{"answer":"b"}');
    expect(fake.calls).toHaveLength(callsBefore);
  });

  it('takes in a batch it could not record, sending it once, and says a stopped run would send it again', async () => {
    const fake = fakeClient();
    class FullStore extends BatchStore {
      override async save(): Promise<void> {
        throw new Error('ENOSPC: no space left on device');
      }
    }
    const logger = createCollectingLogger();
    const store = new FullStore(join(await mkdtemp(join(tmpdir(), 'brief-batches-')), 'batches'));
    const transport = new BatchTransport({
      client: fake.client,
      store,
      pollMs: 5,
      logger,
      signal: new AbortController().signal,
    });
    expect((await transport.send(request('a'))).content).toBe('{"answer":"a"}');
    expect(fake.calls.filter((c) => c.startsWith('create'))).toEqual(['create batch-1']);
    expect(logger.of('warn').join('\n')).toContain(
      'batch-1: could not be recorded in the run folder',
    );
  });

  it('forgets a recorded batch the server does not know, and fails its calls so that they are asked again', async () => {
    const fake = fakeClient({ unknown: 'batch-9' });
    const { transport, store, logger } = await transportWith(fake.client);
    await store.save({
      id: 'batch-9',
      model: 'gpt-4o-mini',
      inputFileId: 'file-9',
      requests: [idOf('a')],
      createdAt: '2026-01-01T00:00:00Z',
    });
    const error = await transport.send(request('a')).catch((e: unknown) => e);
    expect(classifyFailure(error, false, 1).retry).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(logger.of('warn').join('\n')).toContain('batch-9: the server does not know it');
    expect((await transport.send(request('a'))).content).toBe('{"answer":"a"}');
    expect(fake.calls.filter((c) => c.startsWith('create'))).toEqual(['create batch-1']);
  });
});
