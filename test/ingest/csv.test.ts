import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { sniffDelimiter } from '../../pipeline/ingest/csv.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createTestContext, fileSource, memorySource } from '../helpers/context.js';

const FIXTURES = 'test/fixtures/ingest';

const POLIS_FIELDS = {
  id: 'comment-id',
  text: 'comment-body',
  author: 'author-id',
  date: 'timestamp',
  agrees: 'agrees',
  disagrees: 'disagrees',
  moderation: 'moderated',
  metadata: ['datetime'],
};

function polisContext() {
  return createTestContext({ input: { files: ['comments.csv'], fields: POLIS_FIELDS } });
}

/** Runs ingest on one in-memory file with the default mapping (`text` column). */
async function ingestText(name: string, content: string | Uint8Array, spec = {}) {
  const ctx = createTestContext({ input: { files: [name], fields: { id: 'id', text: 'text' } } });
  const result = await ingestContributions([memorySource(name, content, spec)], ctx);
  return { ...result, ctx };
}

describe('CSV ingest', () => {
  it('maps a Polis comments export: ids, votes, dates, moderation, metadata, provenance', async () => {
    const ctx = polisContext();
    const { output, counts } = await ingestContributions(
      [await fileSource(`${FIXTURES}/comments.csv`)],
      ctx,
    );
    expect(output.map((c) => c.id)).toEqual(['895', '894', '892', '887', '885']);
    const [first, , skating, cookies, last] = output;
    expect(first).toMatchObject({
      author: '1756',
      date: '2018-02-13T05:58:16.471Z',
      votes: { agrees: 48, disagrees: 8, passes: 0 },
      rejected: false,
      metadata: { datetime: 'Tue Feb 13 12:58:16 WIB 2018' },
      markup: 'plain',
      source: { file: 'comments.csv', record: 1, line: 2 },
    });
    expect(first?.text).toContain('(left turn, straight, right turn)');
    expect(skating?.rejected).toBe(true);
    expect(cookies?.votes).toEqual({ agrees: 0, disagrees: 0, passes: 0 }); // "n/a" agrees
    expect(last?.text).toBe(
      'The main problem is "traffic" on the bypass,\nespecially at rush hour.',
    );
    expect(last?.source).toEqual({ file: 'comments.csv', record: 5, line: 6 });
    expect(counts).toMatchObject({ files: 1, records: 5, rejected: 2 });
  });

  it('reads BOM + CRLF + quoted multi-line fields with the right record and line numbers', async () => {
    const csv =
      '\uFEFFid,text,author\r\n' +
      '1,"first line\r\nsecond line\r\nthird line",ana\r\n' +
      '\r\n' +
      '2,plain,ben\r\n' +
      '3,"a ""quoted"" word,\r\nand a comma",\r\n' +
      '4,last,dan';
    const { output } = await ingestText('bom-crlf.csv', csv);
    expect(output.map((c) => [c.id, c.source.record, c.source.line])).toEqual([
      ['1', 1, 2],
      ['2', 2, 6],
      ['3', 3, 7],
      ['4', 4, 9],
    ]);
    expect(output[0]?.text).toBe('first line\nsecond line\nthird line');
    expect(output[2]?.text).toBe('a "quoted" word,\nand a comma');
    expect(output[2]?.author).toBeNull(); // empty string -> null
  });

  it('keeps line numbers right when a CRLF is split across chunks', async () => {
    const csv = 'id,text\r\n1,"a\r\nb"\r\n2,c\r\n';
    const ctx = createTestContext({ input: { files: ['x.csv'], fields: { id: 'id' } } });
    const { output } = await ingestContributions([memorySource('x.csv', csv, {}, 3)], ctx);
    expect(output.map((c) => [c.text, c.source.line])).toEqual([
      ['a\nb', 2],
      ['c', 4],
    ]);
  });

  it('sniffs semicolon and tab delimiters from the header', async () => {
    const ctx = createTestContext({
      input: {
        files: ['semicolon.csv'],
        fields: { id: 'id', author: 'author', metadata: ['country'] },
      },
    });
    const semicolon = await ingestContributions(
      [await fileSource(`${FIXTURES}/semicolon.csv`)],
      ctx,
    );
    expect(semicolon.output.map((c) => [c.text, c.metadata.country])).toEqual([
      ['Mehr Radwege, bitte', 'DE'],
      ['Ja; und mehr Busse', 'AT'],
    ]);
    const tabs = await ingestContributions(
      [await fileSource(`${FIXTURES}/tabs.tsv`)],
      createTestContext({ input: { files: ['tabs.tsv'], fields: { id: 'id' } } }),
    );
    expect(tabs.output.map((c) => c.text)).toEqual(['More trees, please', 'Quoted\ttab']);
    expect(sniffDelimiter('a|b|"c,d,e"|f')).toBe('|');
    expect(sniffDelimiter('"one;two",three')).toBe(',');
  });

  it('uses the delimiter from the spec over sniffing', async () => {
    const { output } = await ingestText('pipes.csv', 'id|text\n1|a,b,c,d\n', { delimiter: '|' });
    expect(output.map((c) => [c.id, c.text])).toEqual([['1', 'a,b,c,d']]);
    // The header alone would be sniffed as comma-separated: the spec must win.
    await expect(ingestText('semi.csv', 'id,text\n1,a\n', { delimiter: ';' })).rejects.toThrow(
      'semi.csv: column "id" (input.fields.id) not found; columns are: id,text',
    );
  });

  it('names the line where an unclosed quote starts, at the end of the file', async () => {
    const rows = Array.from({ length: 212 }, (_, i) => `${i + 1},fine`).join('\n');
    const csv = `id,text\n${rows}\n213,"this never ends\n214,more\n215,and more\n`;
    const error = await ingestText('comments.csv', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      message: 'comments.csv:214: unclosed quote (the field that starts here never ends)',
      file: 'comments.csv',
      line: 214,
    });
  });

  it('names the line where an unclosed quote starts when a later quote closes it wrongly', async () => {
    const csv = 'id,text\n1,ok\n2,"unclosed\n3,"quoted"\n4,x\n';
    const error = await ingestText('c.csv', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'c.csv:3: unclosed quote (the field that starts here runs on to line 4, where a quote is followed by "q")',
    );
    expect((error as InputError).line).toBe(3);
  });

  it('finds an unclosed quote in a later field after a multi-line field', async () => {
    const csv = 'id,text,note\n1,"two\nlines","never closed\n2,x,y\n';
    await expect(ingestText('c.csv', csv)).rejects.toThrow(/^c\.csv:3: unclosed quote/);
  });

  it('rejects a ragged row with its line and a hint', async () => {
    const csv = 'id,text\n1,a\n2,"b\nc"\n3,d,e\n';
    await expect(ingestText('r.csv', csv)).rejects.toThrow(
      'r.csv:5: this row has 3 fields but the header has 2 (is there an unquoted delimiter inside a field?)',
    );
  });

  it('explains a stray quote inside an unquoted field', async () => {
    await expect(ingestText('q.csv', 'id,text\n1,say "hi" now\n')).rejects.toThrow(
      /^q\.csv:2: stray quote inside unquoted field 2; quote the whole field/,
    );
  });

  it('lists the columns that exist when a mapped column does not', async () => {
    const ctx = createTestContext({
      input: { files: ['comments.csv'], fields: { ...POLIS_FIELDS, text: 'body' } },
    });
    const source = await fileSource(`${FIXTURES}/comments.csv`);
    await expect(ingestContributions([source], ctx)).rejects.toThrow(
      'comments.csv: column "body" (input.fields.text) not found; columns are: timestamp, datetime, comment-id, author-id, agrees, disagrees, moderated, comment-body',
    );
  });

  it('suggests a column that differs only in case or punctuation', async () => {
    const ctx = createTestContext({
      input: { files: ['a.csv'], fields: { text: 'Comment Body' } },
    });
    const source = memorySource('a.csv', 'id,comment_body\n1,x\n');
    await expect(ingestContributions([source], ctx)).rejects.toThrow(
      /; did you mean "comment_body"\?$/,
    );
  });

  it('checks metadata columns too, even when the file has no rows', async () => {
    const ctx = createTestContext({
      input: { files: ['a.csv'], fields: { metadata: ['country'] } },
    });
    await expect(ingestContributions([memorySource('a.csv', 'id,text\n')], ctx)).rejects.toThrow(
      'a.csv: column "country" (input.fields.metadata[0]) not found; columns are: id, text',
    );
  });

  it('warns about a header with no rows and reads zero records', async () => {
    const { output, ctx } = await ingestText('header-only.csv', 'id,text\r\n');
    expect(output).toEqual([]);
    expect(ctx.logger.of('warn')).toEqual([
      'header-only.csv: has a header but no rows; nothing to read',
    ]);
  });

  it('reads a single 1 MB contribution intact', async () => {
    const paragraph = 'Lorem ipsum dolor sit amet, "consectetur" adipiscing elit; é à ü.\n';
    const big = paragraph.repeat(Math.ceil(1_048_576 / paragraph.length));
    const csv = `id,text\n1,"${big.replaceAll('"', '""')}"\n2,small\n`;
    const { output } = await ingestText('big.csv', csv);
    expect(output).toHaveLength(2);
    expect(output[0]?.text).toBe(big);
    expect(output[1]?.source.line).toBe(big.split('\n').length + 2);
  });

  it('round-trips any table of fields written as CSV', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r\n', 'x'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 8 }),
        async (rows) => {
          const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
          const csv = `id,text,note\n${rows.map(([t, n], i) => `${i + 1},${quote(t)},${quote(n)}`).join('\r\n')}`;
          const ctx = createTestContext({
            input: { files: ['p.csv'], fields: { id: 'id', metadata: ['note'] } },
          });
          const { output } = await ingestContributions([memorySource('p.csv', csv, {}, 5)], ctx);
          const normalise = (value: string) => value.replace(/\r\n?/g, '\n');
          expect(output.map((c) => c.text)).toEqual(rows.map(([t]) => normalise(t)));
          expect(output.map((c) => c.metadata.note ?? '')).toEqual(
            rows.map(([, n]) => normalise(n).trim()),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
