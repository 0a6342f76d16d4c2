import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createTestContext, fileSource, memorySource } from '../helpers/context.js';

const FIXTURES = 'test/fixtures/ingest';

describe('JSON ingest', () => {
  it('reads the array at recordsPath, stringifying numbers, booleans, objects and arrays', async () => {
    const ctx = createTestContext({
      input: {
        files: ['posts.json'],
        fields: {
          id: 'id',
          text: 'body',
          author: 'author',
          date: 'created',
          metadata: ['likes', 'tags', 'flagged'],
        },
      },
    });
    const source = await fileSource(`${FIXTURES}/posts.json`, { recordsPath: 'data.posts' });
    const { output } = await ingestContributions([source], ctx);
    expect(output).toHaveLength(2);
    expect(output[0]).toMatchObject({
      id: '101',
      text: 'We need safer streets.',
      author: '{"id":"u1","name":"Ana"}',
      date: '2018-02-01T10:00:00.000Z',
      metadata: { likes: '3', tags: '["safety","streets"]', flagged: 'false' },
      source: { file: 'posts.json', record: 1 },
    });
    expect(output[1]).toMatchObject({
      id: '102',
      author: null, // JSON null
      date: '2018-02-02T10:00:00.000Z', // epoch seconds
      metadata: { likes: '0', tags: '[]', flagged: 'true' },
      source: { file: 'posts.json', record: 2 },
    });
  });

  it('says where the records are when the top level is not an array', async () => {
    const ctx = createTestContext({ input: { files: ['posts.json'], fields: { text: 'body' } } });
    await expect(
      ingestContributions([await fileSource(`${FIXTURES}/posts.json`)], ctx),
    ).rejects.toThrow(
      'posts.json: expected an array of records at the top level, got an object; set recordsPath to one of: data.posts',
    );
    const wrong = await fileSource(`${FIXTURES}/posts.json`, { recordsPath: 'data.comments' });
    await expect(ingestContributions([wrong], ctx)).rejects.toThrow(
      'posts.json: recordsPath "data.comments" not found (no "comments")',
    );
  });

  it('reads a top-level array and lists the keys when a mapped one is missing', async () => {
    const json = JSON.stringify([
      { id: 1, body: 'a' },
      { id: 2, body: 'b', extra: 'x' },
    ]);
    const ok = createTestContext({
      input: { files: ['a.json'], fields: { id: 'id', text: 'body' } },
    });
    const { output } = await ingestContributions([memorySource('a.json', json)], ok);
    expect(output.map((c) => [c.id, c.text])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const bad = createTestContext({ input: { files: ['a.json'], fields: { text: 'comment' } } });
    await expect(ingestContributions([memorySource('a.json', json)], bad)).rejects.toThrow(
      'a.json: column "comment" (input.fields.text) not found; columns are: id, body, extra',
    );
  });

  it('reports invalid JSON, a non-object record and an empty array', async () => {
    const ctx = createTestContext({ input: { files: ['a.json'] } });
    await expect(
      ingestContributions([memorySource('a.json', '[{"text": "a"},]')], ctx),
    ).rejects.toThrow(/^a\.json: not valid JSON \(/);
    await expect(
      ingestContributions([memorySource('a.json', '[{"text": "a"}, 42]')], ctx),
    ).rejects.toThrow('a.json: record 2: expected a JSON object, got a number');
    const empty = await ingestContributions([memorySource('a.json', ' [ ] ')], ctx);
    expect(empty.output).toEqual([]);
    expect(ctx.logger.of('warn')).toEqual(['a.json: has no records; nothing to read']);
  });
});

describe('JSON Lines ingest', () => {
  it('names the line of a bad record, counting blank lines', async () => {
    const ctx = createTestContext({
      input: { files: ['posts.jsonl'], fields: { id: 'id', week: 'week' } },
    });
    const error = await ingestContributions(
      [await fileSource(`${FIXTURES}/posts.jsonl`)],
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^posts\.jsonl:4: not valid JSON \(/);
    expect((error as InputError).line).toBe(4);
  });

  it('reads one object per line, skipping blank lines, with their line numbers', async () => {
    const jsonl =
      '{"id":"a1","text":"First"}\r\n\r\n{"id":"a2","text":"Second","score":2.5}\n   \n{"id":"a3","text":"Third"}';
    const ctx = createTestContext({
      input: { files: ['p.ndjson'], fields: { id: 'id', metadata: ['score'] } },
    });
    const { output } = await ingestContributions([memorySource('p.ndjson', jsonl, {}, 4)], ctx);
    expect(output.map((c) => [c.id, c.text, c.source.record, c.source.line])).toEqual([
      ['a1', 'First', 1, 1],
      ['a2', 'Second', 2, 3],
      ['a3', 'Third', 3, 5],
    ]);
    expect(output[1]?.metadata).toEqual({ score: '2.5' });
  });

  it('rejects a line that is not an object, and a file of blank lines', async () => {
    const ctx = createTestContext({ input: { files: ['p.jsonl'] } });
    await expect(
      ingestContributions([memorySource('p.jsonl', '{"text":"a"}\n["b"]\n')], ctx),
    ).rejects.toThrow('p.jsonl:2: expected a JSON object, got an array');
    await expect(ingestContributions([memorySource('p.jsonl', '\n\n  \n')], ctx)).rejects.toThrow(
      'p.jsonl: the file is empty',
    );
  });
});
