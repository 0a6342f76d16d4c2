// The PDF's block-by-block lexing gives the tokens of lexing the whole brief at once.
import { readFile } from 'node:fs/promises';
import { lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { MarkdownBlocks } from '../../pipeline/brief/pdf-blocks.js';

describe('MarkdownBlocks', () => {
  it('lexes the golden brief block by block exactly as marked lexes it whole', async () => {
    const markdown = await readFile(
      new URL('../golden/synthesis-brief.md', import.meta.url),
      'utf8',
    );
    const whole = lexer(markdown);
    const at = whole.findIndex((t) => t.type === 'heading' && t.depth === 2);
    const blocks = new MarkdownBlocks(markdown);
    expect([...blocks.cover, ...blocks.body()]).toEqual([...whole]);
    expect(blocks.cover).toEqual(whole.slice(0, at));
    expect(blocks.title).toBe('Synthesis fixture');
    expect(blocks.headings.map((h) => h.text)).toContain('Sources');
  });

  it('resolves reference links defined in another block, and keeps CRLF documents whole', () => {
    const markdown =
      '# T\r\n\r\n## A\r\n\r\nSee [the plan][plan].\r\n\r\n## B\r\n\r\n[plan]: https://example.org/plan\r\n';
    const body = [...new MarkdownBlocks(markdown).body()];
    expect(body).toEqual([...lexer(markdown)].slice(2));
    const link = JSON.stringify(body);
    expect(link).toContain('"href":"https://example.org/plan"');
  });
});
