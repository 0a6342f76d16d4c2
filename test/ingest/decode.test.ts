import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { decodeText, detectEncoding, incompleteUtf8Tail } from '../../pipeline/ingest/decode.js';
import type { InputSource } from '../../pipeline/stage.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import {
  createCollectingLogger,
  createTestContext,
  fileSource,
  memorySource,
} from '../helpers/context.js';

const CSV = 'id,text\n1,Café crème à la française\n2,Ærø — “quoted” 😀\n';

async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-decode-'));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

async function ingestFile(path: string, spec = {}) {
  const ctx = createTestContext({ input: { files: ['x.csv'], fields: { id: 'id' } } });
  const result = await ingestContributions([await fileSource(path, spec)], ctx);
  return { texts: result.output.map((c) => c.text), ctx };
}

async function decodeAll(source: InputSource): Promise<string> {
  const ctx = {
    source,
    logger: createCollectingLogger(),
    signal: new AbortController().signal,
    onBytes() {},
  };
  let text = '';
  for await (const chunk of decodeText(ctx)) text += chunk;
  return text;
}

describe('decoding input files', () => {
  it('reads a Latin-1 (Windows-1252) file with é decoded right', async () => {
    const path = await writeTemp(
      'latin1.csv',
      Buffer.from('id,text\n1,"Café crème, s\'il vous plaît"\n', 'latin1'),
    );
    const { texts } = await ingestFile(path);
    expect(texts).toEqual(["Café crème, s'il vous plaît"]);
  });

  it('reads Windows-1252 punctuation (curly quotes, euro) that Latin-1 lacks', async () => {
    const bytes = Buffer.from([...Buffer.from('id,text\n1,'), 0x93, 0x80, 0x35, 0x94, 0x0a]);
    const { texts } = await ingestFile(await writeTemp('cp1252.csv', bytes));
    expect(texts).toEqual(['“€5”']);
  });

  it('reads UTF-16 LE with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
    const { texts } = await ingestFile(await writeTemp('bom.csv', bytes));
    expect(texts).toEqual(['Café crème à la française', 'Ærø — “quoted” 😀']);
  });

  it('reads UTF-16 LE without a BOM, from the pattern of NUL bytes', async () => {
    const { texts } = await ingestFile(await writeTemp('nobom.csv', Buffer.from(CSV, 'utf16le')));
    expect(texts).toEqual(['Café crème à la française', 'Ærø — “quoted” 😀']);
  });

  it('reads UTF-16 BE with and without a BOM', async () => {
    const withBom = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(CSV)]);
    expect((await ingestFile(await writeTemp('be-bom.csv', withBom))).texts[0]).toBe(
      'Café crème à la française',
    );
    expect((await ingestFile(await writeTemp('be.csv', utf16be(CSV)))).texts[1]).toBe(
      'Ærø — “quoted” 😀',
    );
  });

  it('honours an encoding set in the spec over detection', async () => {
    // Valid UTF-8 bytes, which the user says are Windows-1252 ("Ã©" is é read that way).
    const path = await writeTemp('forced.csv', Buffer.from('id,text\n1,é\n', 'utf8'));
    expect((await ingestFile(path, { encoding: 'windows-1252' })).texts).toEqual(['Ã©']);
    expect((await ingestFile(path, { encoding: 'latin1' })).texts).toEqual(['Ã©']);
  });

  it('rejects binary garbage with a clear message', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const path = await writeTemp('garbage.csv', garbage);
    const error = await ingestFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^garbage\.csv: looks like a binary file, not text \(\d+ NUL bytes in the first 4 KB\)$/,
    );
  });

  it('names the likely kind of a binary file by its signature', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 0x41)]);
    await expect(ingestFile(await writeTemp('book.csv', zip))).rejects.toThrow(
      'book.csv: looks like a binary file, not text (it starts like a ZIP archive, e.g. an .xlsx or .docx file)',
    );
  });

  it('rejects text full of control characters', () => {
    const sample = Buffer.from('\x01\x02\x03abc\x04\x05\x06\x07\x08\x0e\x0f', 'latin1');
    expect(detectEncoding(sample)).toEqual({
      binary: expect.stringMatching(/^10 control characters/),
    });
    expect(detectEncoding(Buffer.from('plain text\twith tabs\r\n'))).toBe('utf-8?');
  });

  it('rejects an empty file, and a file with only a BOM', async () => {
    await expect(ingestFile(await writeTemp('empty.csv', Buffer.alloc(0)))).rejects.toThrow(
      'empty.csv: the file is empty',
    );
    const bom = await writeTemp('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]));
    await expect(ingestFile(bom)).rejects.toThrow('bom-only.csv: the file is empty');
  });

  it('warns when a UTF-8 file turns into another encoding part way', async () => {
    const utf8 = Buffer.from(`id,text\n1,${'é'.repeat(5000)}\n`, 'utf8');
    const latin1 = Buffer.from('2,déjà\n', 'latin1');
    const path = await writeTemp('mixed.csv', Buffer.concat([utf8, latin1]));
    const { texts, ctx } = await ingestFile(path);
    expect(texts).toEqual(['é'.repeat(5000), 'déjà']);
    expect(ctx.logger.of('warn')).toEqual([
      `mixed.csv: not valid UTF-8 at byte ${utf8.length + 3}; read the rest as Windows-1252 (the file mixes encodings)`,
    ]);
  });

  it('decodes multi-byte characters split across any chunk boundary', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        async (text, size) => {
          const content = `x${text}\r\ny`;
          const decoded = await decodeAll(memorySource('t.txt', content, {}, size));
          expect(decoded).toBe(content.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the incomplete UTF-8 sequence at the end of a buffer', () => {
    const euro = Buffer.from('€', 'utf8'); // 3 bytes
    expect(incompleteUtf8Tail(euro)).toBe(0);
    expect(incompleteUtf8Tail(euro.subarray(0, 2))).toBe(2);
    expect(incompleteUtf8Tail(euro.subarray(0, 1))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0);
  });
});
