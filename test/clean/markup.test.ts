import { describe, expect, it } from 'vitest';
import { htmlToText, markdownToText } from '../../pipeline/nlp/markup.js';

describe('htmlToText', () => {
  it('drops script, style and noscript content and records it', () => {
    const html =
      '<style>p { color: red }</style><p>Before</p><script>alert("secret")</script><noscript>Enable JS</noscript><p>After</p>';
    const { text, dropped } = htmlToText(html);
    expect(text).not.toContain('alert');
    expect(text).not.toContain('color');
    expect(text).not.toContain('Enable JS');
    expect(text).toBe('Before\n\nAfter');
    expect(dropped.map((d) => d.text)).toEqual([
      'p { color: red }',
      'alert("secret")',
      'Enable JS',
    ]);
  });

  it('turns blocks into paragraphs, <br> into a newline and decodes entities', () => {
    const html = '<div><p>Rock &amp; roll&nbsp;city</p><p>line one<br>line two</p></div>';
    expect(htmlToText(html).text).toBe('Rock & roll\u00a0city\n\nline one\nline two');
  });

  it('keeps link text, lists as lines and collapses source whitespace', () => {
    const html =
      '<p>See\n   <a href="https://example.org">the plan</a>.</p><ul><li>one</li><li>two</li></ul>';
    expect(htmlToText(html).text).toBe('See the plan.\n\none\ntwo');
  });

  it('marks blockquotes as quoted lines', () => {
    expect(htmlToText('<blockquote><p>they said</p></blockquote><p>I reply</p>').text).toBe(
      '> they said\n\nI reply',
    );
  });
});

describe('markdownToText', () => {
  it('keeps the text of emphasis, links and code, and list items as lines', () => {
    const md =
      '# Title\n\nWe **really** need [safer streets](https://x.org) and `code`.\n\n- one\n- two\n';
    expect(markdownToText(md).text).toBe(
      'Title\n\nWe really need safer streets and code.\n\none\ntwo',
    );
  });

  it("drops images' URLs but keeps their alt text", () => {
    const { text } = markdownToText('Look: ![a map of the park](https://img.example/map.png)');
    expect(text).toBe('Look: a map of the park');
    expect(text).not.toContain('img.example');
  });

  it('drops inline and block scripts', () => {
    const { text, dropped } = markdownToText(
      'Hello <script>steal()</script> world\n\n<div><script>x()</script>Block</div>',
    );
    expect(text).not.toContain('steal');
    expect(text).not.toContain('x()');
    expect(dropped.map((d) => d.text)).toEqual(['steal()', 'x()']);
  });

  it('decodes entities and keeps quotes as quoted lines', () => {
    expect(markdownToText('R&amp;D &eacute;t&eacute;\n\n> earlier post').text).toBe(
      'R&D été\n\n> earlier post',
    );
  });
});
