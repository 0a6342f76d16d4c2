import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbortError, InputError } from '../../pipeline/errors.js';
import { UniqueIds } from '../../pipeline/ingest/unique-ids.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { Contribution } from '../../schemas/contribution.js';
import { createCollectingLogger, createTestContext, memorySource } from '../helpers/context.js';

describe('the ingest stage', () => {
  it('rejects an unknown format, listing the supported ones', async () => {
    const ctx = createTestContext();
    const error = await ingestContributions([memorySource('answers.docx', 'x')], ctx).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'answers.docx: unknown file extension ".docx"; supported formats are .csv .tsv .json .jsonl .ndjson .xlsx .md .markdown .html .htm .txt, or set the file\'s format',
    );
    await expect(ingestContributions([memorySource('export', 'x')], ctx)).rejects.toThrow(
      /^export: no file extension; supported formats are/,
    );
  });

  it('uses the format from the spec over the extension', async () => {
    const ctx = createTestContext({ input: { files: ['dump.dat'], fields: { id: 'id' } } });
    const source = memorySource('dump.dat', '{"id":"x","text":"hello"}\n', { format: 'jsonl' });
    const { output } = await ingestContributions([source], ctx);
    expect(output.map((c) => [c.id, c.text])).toEqual([['x', 'hello']]);
  });

  it("gives every record of a file the file's question, unless its own column names one", async () => {
    const ctx = createTestContext({
      input: { files: ['a.csv'], fields: { question: 'q' } },
      questions: ['What works?', 'What should change?'],
    });
    const csv = 'text,q\nbuses,\nparks,q1\n';
    const source = memorySource('a.csv', csv, { question: 'q2' });
    const { output } = await ingestContributions([source], ctx);
    expect(output.map((c) => c.question)).toEqual(['q2', 'q1']);
  });

  it('rejects an empty file', async () => {
    await expect(
      ingestContributions([memorySource('empty.csv', '')], createTestContext()),
    ).rejects.toThrow(new InputError('empty.csv: the file is empty', 'empty.csv'));
  });

  it('renames duplicate ids across files, warns naming the rows, and loses nothing', async () => {
    const ctx = createTestContext({ input: { files: ['a.csv', 'b.csv'], fields: { id: 'id' } } });
    const a = memorySource('a.csv', 'id,text\n1,one\n2,two\n1,one again\n1~2,tricky\n');
    const b = memorySource('b.csv', 'id,text\n2,two in b\n3,three\n');
    const { output, counts } = await ingestContributions([a, b], ctx);
    expect(output.map((c) => [c.id, c.text])).toEqual([
      ['1', 'one'],
      ['2', 'two'],
      ['1~2', 'one again'],
      ['1~2~2', 'tricky'],
      ['2~2', 'two in b'],
      ['3', 'three'],
    ]);
    expect(counts).toMatchObject({ files: 2, records: 6, renamedIds: 3 });
    expect(ctx.logger.of('warn')).toEqual([
      '3 ids were repeated; 3 records renamed, none dropped, e.g. "1" at a.csv:4 -> "1~2", "1~2" at a.csv:5 -> "1~2~2"',
    ]);
  });

  it('derives ids from file, record and text when there is no id column', async () => {
    const ctx = createTestContext({ input: { files: ['a.csv'] } });
    const csv = 'text\nsame\nsame\n';
    const { output } = await ingestContributions([memorySource('a.csv', csv)], ctx);
    const again = await ingestContributions([memorySource('a.csv', csv)], createTestContext());
    expect(output.map((c) => c.id)).toEqual(again.output.map((c) => c.id));
    expect(output[0]?.id).not.toBe(output[1]?.id); // same text, different record
    const renamed = await ingestContributions([memorySource('b.csv', csv)], createTestContext());
    expect(renamed.output[0]?.id).not.toBe(output[0]?.id); // the file name is part of it
  });

  it('derives an id for a blank id cell, with a warning', async () => {
    const ctx = createTestContext({ input: { files: ['a.csv'], fields: { id: 'id' } } });
    const { output, counts } = await ingestContributions(
      [memorySource('a.csv', 'id,text\n,x\n7,y\n')],
      ctx,
    );
    expect(output[0]?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(output[1]?.id).toBe('7');
    expect(counts.derivedIds).toBe(1);
    expect(ctx.logger.of('warn')).toEqual([
      'a.csv: 1 record has an empty id; derived from file, position and text instead',
    ]);
  });

  it('reads dates in every supported form and warns once about the rest', async () => {
    const csv = [
      'id,text,when',
      '1,a,2018-02-13',
      '2,b,2018-02-13T12:58:16+07:00',
      '3,c,2018-02-13 05:58',
      '4,d,1518501496',
      '5,e,1518501496471',
      '6,f,Tue Feb 13 12:58:16 WIB 2018',
      '7,g,"Feb 13, 2018 05:58:16"',
      '8,h,2018-02-30',
      '9,i,',
    ].join('\n');
    const ctx = createTestContext({
      input: { files: ['d.csv'], fields: { id: 'id', date: 'when' } },
    });
    const { output, counts } = await ingestContributions([memorySource('d.csv', csv)], ctx);
    expect(output.map((c) => c.date)).toEqual([
      '2018-02-13T00:00:00.000Z',
      '2018-02-13T05:58:16.000Z',
      '2018-02-13T05:58:00.000Z',
      '2018-02-13T05:58:16.000Z',
      '2018-02-13T05:58:16.471Z',
      null,
      '2018-02-13T05:58:16.000Z',
      null,
      null,
    ]);
    expect(counts.invalidDates).toBe(2);
    expect(ctx.logger.of('warn')).toEqual([
      'd.csv: 2 dates could not be read and were left empty (e.g. "Tue Feb 13 12:58:16 WIB 2018" at d.csv:7); use ISO 8601 or Unix epoch values',
    ]);
  });

  it('matches rejected moderation values trimmed and case-insensitively', async () => {
    const csv = 'text,status\na, Rejected \nb,approved\nc,SPAM\nd,\n';
    const ctx = createTestContext({
      input: { files: ['m.csv'], fields: { moderation: 'status' } },
    });
    const { output, counts } = await ingestContributions([memorySource('m.csv', csv)], ctx);
    expect(output.map((c) => c.rejected)).toEqual([true, false, true, false]);
    expect(counts.rejected).toBe(2);
    expect(output.every((c) => c.votes === null)).toBe(true); // no vote column mapped
  });

  it('produces contributions that pass the artifact schema', async () => {
    const csv = 'id,text,who,when,up\n1,"a\nb",ana,2018-01-01,3\n2,c,,,x\n';
    const ctx = createTestContext({
      input: { files: ['s.csv'], fields: { id: 'id', author: 'who', date: 'when', agrees: 'up' } },
    });
    const { output } = await ingestContributions([memorySource('s.csv', csv)], ctx);
    for (const contribution of output) expect(() => Contribution.parse(contribution)).not.toThrow();
    expect(output[1]).toMatchObject({ author: null, date: null, votes: { agrees: 0 } });
  });

  it('reports progress in bytes at a modest rate and finishes at the total', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},contribution number ${i}`).join(
      '\n',
    );
    const source = memorySource('big.csv', `id,text\n${rows}\n`);
    const ctx = createTestContext({ input: { files: ['big.csv'], fields: { id: 'id' } } });
    const { counts } = await ingestContributions([source], ctx);
    expect(counts).toMatchObject({ records: 60_000, bytes: source.size });
    expect(ctx.events.length).toBeGreaterThan(1);
    expect(ctx.events.length).toBeLessThanOrEqual(102);
    expect(ctx.events.every((e) => e.stage === 'ingest' && e.unit === 'bytes')).toBe(true);
    expect(ctx.events.at(-1)).toMatchObject({ done: source.size, total: source.size });
  });

  it('stops with an AbortError when the signal fires', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},x`).join('\n');
    const ctx = createTestContext({ input: { files: ['big.csv'] } });
    const source = memorySource('big.csv', `id,text\n${rows}\n`, {}, 1024);
    const open = source.open;
    // The user presses Ctrl-C once the first chunk has been read.
    source.open = () => open().once('data', () => ctx.controller.abort());
    const error = await ingestContributions([source], ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe('Ingest was cancelled');
  });
});

describe('unique ids', () => {
  it('keep every record and make every id unique, whatever the input repeats', () => {
    const id = fc.constantFrom('a', 'b', 'a~2', 'a~3', 'b~2', 'a~2~2');
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const unique = new UniqueIds();
        const out = ids.map((value, i) => unique.claim(value, { file: 'f.csv', record: i + 1 }));
        expect(out).toHaveLength(ids.length);
        expect(new Set(out).size).toBe(ids.length);
        expect(out.every((value, i) => value.startsWith(ids[i] as string))).toBe(true);
        expect(unique.renamed).toBe(out.filter((value, i) => value !== ids[i]).length);
        const logger = createCollectingLogger();
        unique.report(logger);
        expect(logger.of('warn')).toHaveLength(unique.renamed > 0 ? 1 : 0);
      }),
    );
  });
});
