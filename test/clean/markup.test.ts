import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/clean/clean-text.js';
import { htmlToText, markdownToText } from '../../pipeline/nlp/markup.js';

const OPTIONS = {
  redact: { emails: false, phones: false, personalUrls: false, allUrls: false },
  stripBoilerplate: true,
};

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
    expect(htmlToText(html).text).toBe('See the plan (https://example.org).\n\none\ntwo');
  });

  it("removes Word's office tags and declarations", () => {
    const html = '<?xml:namespace prefix = o /><p class=MsoNormal>Bus lanes<o:p></o:p></p>';
    expect(htmlToText(html).text).toBe('Bus lanes');
  });

  it('marks blockquotes as quoted lines', () => {
    expect(htmlToText('<blockquote><p>they said</p></blockquote><p>I reply</p>').text).toBe(
      '> they said\n\nI reply',
    );
  });
});

describe('markdownToText', () => {
  it('keeps the text of emphasis, links (and their address) and code, and list items as lines', () => {
    const md =
      '# Title\n\nWe **really** need [safer streets](https://x.org) and `code`.\n\n- one\n- two\n';
    expect(markdownToText(md).text).toBe(
      'Title\n\nWe really need safer streets (https://x.org) and code.\n\none\ntwo',
    );
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

describe("markup never takes the contributor's words with it", () => {
  it('keeps the words after a tag that never closes, and lists the script it removes', () => {
    const raw = 'trains "><script>alert(1)</script><a title=" near the station.';
    const { text, removed } = cleanText(raw, 'html', OPTIONS);
    expect(text).toBe('trains "><a title=" near the station.');
    expect(removed).toEqual([{ kind: 'markup', text: 'alert(1)', at: 9 }]);
  });

  it('keeps a tag whose attribute quote never closes as text', () => {
    const html = '<p>Keep <a href="x>this</a> and the rest</p><p>Next</p>';
    expect(htmlToText(html)).toEqual({
      text: 'Keep <a href="x>this and the rest\n\nNext',
      dropped: [],
    });
  });

  it('keeps the URL of an autolink as text', () => {
    expect(htmlToText('See <http://evil.example/autolink> please').text).toBe(
      'See http://evil.example/autolink please',
    );
    expect(htmlToText('Mail <ana@example.org> or <mailto:ben@example.org>').text).toBe(
      'Mail ana@example.org or mailto:ben@example.org',
    );
  });

  it('keeps comparisons and tags that are not HTML elements', () => {
    for (const prose of [
      'if a < b and c > d then',
      'a<b and c>d',
      'Dear <name>, the <tenant> pays',
    ]) {
      expect(htmlToText(`<p>${prose}</p>`).text).toBe(prose);
      expect(markdownToText(prose).text).toBe(prose);
    }
  });

  it('lists comment text, and keeps a comment that never closes', () => {
    expect(cleanText('a <!-- note to self --> b', 'html', OPTIONS)).toMatchObject({
      text: 'a b',
      removed: [{ kind: 'markup', text: 'note to self', at: 1 }],
    });
    expect(htmlToText('before <!-- never closed after').text).toBe(
      'before <!-- never closed after',
    );
  });

  it('keeps a script that never closes as text', () => {
    expect(htmlToText('<p>x <script>alert(1) and the rest</p>').text).toBe(
      'x <script>alert(1) and the rest',
    );
    expect(markdownToText('x <script>alert(1) and the rest').text).toBe(
      'x <script>alert(1) and the rest',
    );
  });
});
