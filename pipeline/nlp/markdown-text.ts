/**
 * Writes Markdown, lexed by marked, into a {@link TextBuilder}: emphasis and link text kept,
 * list items as lines, code as text, quotes as `> ` lines, raw HTML through an {@link HtmlWriter}.
 * What the contributor typed stays text or is listed as dropped: a link's address follows its
 * text, a reference definition stays a line, an image is `[image: alt]` with its address listed.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { NON_PROSE_ELEMENTS } from './html-elements.js';
import { decodeEntities, HtmlWriter } from './html-text.js';
import { endLink, writeImage } from './markup-links.js';
import type { TextBuilder } from './text-builder.js';

/** Writes `markdown` into `out`. */
export function writeMarkdown(markdown: string, out: TextBuilder): void {
  const writer = new MarkdownWriter(out);
  writer.blocks(Lexer.lex(markdown, { gfm: true }));
  writer.html.end();
}

class MarkdownWriter {
  readonly html: HtmlWriter;

  constructor(private readonly out: TextBuilder) {
    this.html = new HtmlWriter(out);
  }

  blocks(tokens: readonly Token[]): void {
    for (const token of tokens) this.block(token);
  }

  private block(token: Token): void {
    const out = this.out;
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        this.inline(token.tokens ?? []);
        out.break(2);
        return;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          out.break(1);
          this.blocks(item.tokens);
        }
        out.break(2);
        return;
      case 'blockquote':
        out.break(2);
        out.quoteDepth++;
        this.blocks(token.tokens ?? []);
        out.quoteDepth--;
        out.break(2);
        return;
      case 'code':
        out.break(2);
        // The info string (```python) names a language; it is listed, not lost.
        out.drop((token as Tokens.Code).lang ?? '');
        out.text(token.text);
        out.break(2);
        return;
      case 'table':
        this.table(token as Tokens.Table);
        return;
      case 'html':
        this.html.write(token.text);
        return;
      case 'text':
        // Block-level text appears in tight list items; its inline tokens carry the formatting.
        if (token.tokens) this.inline(token.tokens);
        else out.text(decodeEntities(token.text));
        return;
      case 'checkbox':
        this.inlineToken(token);
        return;
      case 'def':
        // The address stands here, where it was typed; references to it keep only their text.
        out.text(decodeEntities(token.raw.trim().replace(/\s+/g, ' ')));
        out.break(1);
        return;
      case 'space':
      case 'hr':
        out.break(2);
        return;
      default:
        this.blocks(childTokens(token));
    }
  }

  private table(table: Tokens.Table): void {
    const out = this.out;
    out.break(2);
    for (const row of [table.header, ...table.rows]) {
      out.break(1);
      row.forEach((cell, i) => {
        if (i > 0) out.text(' | ');
        this.inline(cell.tokens);
      });
    }
    out.break(2);
  }

  /**
   * Inline tokens. Inline `<script>` arrives as open tag, text, close tag: the tokens between are
   * dropped together, and an open tag that never closes here is the contributor's text.
   */
  private inline(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const name = token.type === 'html' ? openedNonProseTag(token.raw) : null;
      if (name === null) {
        this.inlineToken(token);
        continue;
      }
      const end = tokens.findIndex((t, j) => j > i && t.type === 'html' && closesTag(t.text, name));
      if (end < 0) {
        this.out.text(token.raw);
        continue;
      }
      this.out.drop(
        tokens
          .slice(i + 1, end)
          .map((t) => t.raw)
          .join(''),
      );
      i = end;
    }
  }

  private inlineToken(token: Token): void {
    const out = this.out;
    switch (token.type) {
      case 'text':
        if (token.tokens) this.inline(token.tokens);
        else out.text(decodeEntities(token.text));
        return;
      case 'escape':
      case 'codespan':
        out.text(token.text);
        return;
      case 'br':
        out.lineBreak();
        return;
      case 'checkbox':
        // Ticked or not is the contributor's answer to a task list: `[x]` stays as typed.
        out.text(`${token.raw.trim()} `);
        return;
      case 'link':
        this.link(token as Tokens.Link);
        return;
      case 'image':
        this.image(token as Tokens.Image);
        return;
      case 'html':
        this.html.write(token.text);
        return;
      default: {
        // Strong, em, del and extensions' tokens: their text is in their children.
        const generic = token as Tokens.Generic;
        if (generic.tokens) this.inline(generic.tokens);
        else if (typeof generic.text === 'string') out.text(generic.text);
      }
    }
  }

  /** `[image: alt]`; a reference image's address is on its definition line, which stays text. */
  private image(token: Tokens.Image): void {
    const inline = isInlineLink(token);
    const src = inline ? decodeEntities(token.href) : '';
    writeImage(this.out, plainText(token), src, inline ? (token.title ?? '') : '');
  }

  /**
   * A link's text, then for `[text](address)` its address. A reference link's address is on its
   * definition line, and an autolink's text is its address: both write only their text.
   */
  private link(token: Tokens.Link): void {
    const start = this.out.size;
    this.inline(token.tokens);
    if (!isInlineLink(token)) return;
    endLink(this.out, { href: decodeEntities(token.href), title: token.title ?? '', start });
  }
}

/** `[text](address)` or `![alt](src)`, not `[text][ref]`, `[text]` or an autolink. */
function isInlineLink(token: Tokens.Link | Tokens.Image): boolean {
  return /^!?\[/.test(token.raw) && token.raw.endsWith(')');
}

/** The alt text of an image: the text of its description, without emphasis markers. */
function plainText(token: Token): string {
  const children = (token as Tokens.Generic).tokens;
  if (children) return children.map(plainText).join('');
  return token.type === 'text'
    ? decodeEntities(token.text)
    : ((token as Tokens.Generic).text ?? '');
}

function childTokens(token: Token): Token[] {
  return (token as Tokens.Generic).tokens ?? [];
}

function openedNonProseTag(html: string): string | null {
  const name = /^<([a-z]+)[\s>]/i.exec(html)?.[1]?.toLowerCase();
  const element = name !== undefined && NON_PROSE_ELEMENTS.has(name);
  return element && !/<\/[a-z]+\s*>\s*$/i.test(html) ? name : null;
}

function closesTag(html: string, name: string): boolean {
  return new RegExp(`^</${name}\\s*>`, 'i').test(html);
}
