import { lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../pipeline/brief/html-markdown.js';
import { decode } from '../../pipeline/brief/pdf-runs.js';

describe('a Word document’s HTML as brief Markdown', () => {
  it('keeps headings, emphasis, lists, quotes, tables, anchors and citations', () => {
    const markdown = htmlToMarkdown(
      [
        '<h1>Title</h1><p><strong>Policy input </strong>for you</p>',
        '<h2><a id="_Toc12"></a>Key messages</h2>',
        '<ol><li>First <em>point</em> <a href="#source_3">[3]</a><ul><li>nested</li></ul></li><li>Second</li></ol>',
        '<blockquote><p>“A quote”<br />— Ana <a href="#source_3">[3]</a></p></blockquote>',
        '<table><tr><td><p><strong>Theme</strong></p></td><td><p>Count</p></td></tr><tr><td><p>Parks</p></td><td><p>12</p></td></tr></table>',
        '<p><a id="source_3"></a><strong>[3]</strong> Ana, 2024-03-04: text</p>',
        '<p><a href="#_Toc12">Key messages</a></p>',
      ].join(''),
    );
    expect(markdown.trimEnd().split('\n\n')).toEqual([
      '# Title',
      '**Policy input** for you',
      '## Key messages',
      '1. First *point* [\\[3\\]](#source-3)\n   - nested\n2. Second',
      '> “A quote”\\\n> — Ana [\\[3\\]](#source-3)',
      '| **Theme** | Count |\n| --- | ---: |\n| Parks | 12 |',
      '<a id="source-3"></a>**\\[3\\]** Ana, 2024-03-04: text',
      'Key messages',
    ]);
  });

  it('turns a chart and its caption back into an image, other pictures into their name', () => {
    const markdown = htmlToMarkdown(
      '<p><img src="charts/figure-1.svg" alt="Old title" /></p><p class="caption">New caption</p>' +
        '<p><img src="data:image/png;base64,AAAA" alt="A photo" /></p>',
    );
    expect(markdown).toBe('![New caption](charts/figure-1.svg)\n\n*\\[A photo\\]*\n');
  });

  it('keeps text typed in Word from becoming Markdown, HTML or a link', () => {
    const typed = [
      '# not a heading',
      '- not a list',
      '1. not a list',
      '<script>alert(1)</script>',
      '[click](javascript:alert(1))',
      'https://evil.example and www.evil.example',
      '*not emphasis* | not a cell | `not code`',
      '&lt;b&gt;',
    ];
    const markdown = htmlToMarkdown(
      typed.map((text) => `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''),
    );
    const tokens = lexer(markdown);
    expect(tokens.filter((t) => t.type !== 'space').map((t) => t.type)).toEqual(
      typed.map(() => 'paragraph'),
    );
    const inline = tokens.flatMap((t) => ('tokens' in t && t.tokens ? t.tokens : []));
    expect(inline.map((t) => t.type).every((type) => type === 'text' || type === 'escape')).toBe(
      true,
    );
    const text = inline.map((t) => ('text' in t ? decode(t.text) : '')).join('');
    expect(text).toBe(typed.join(''));
  });
});
