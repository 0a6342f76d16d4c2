/**
 * Markup to plain text. HTML goes through a conservative scanner (malformed markup stays
 * text), Markdown through marked's lexer; both write into a {@link TextBuilder} so they agree on
 * breaks and quotes.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Contribution } from '../../schemas/contribution.js';
import { NON_PROSE_ELEMENTS } from './html-elements.js';
import { decodeEntities, writeHtml } from './html-text.js';
import { type DroppedMarkup, TextBuilder } from './text-builder.js';

export type { DroppedMarkup } from './text-builder.js';

/** Plain text from markup, and the content bodies that were dropped on the way. */
export interface MarkupText {
  text: string;
  dropped: DroppedMarkup[];
}

/** Converts a contribution's text to plain text according to its `markup`. */
export function markupToText(text: string, markup: Contribution['markup']): MarkupText {
  if (markup === 'html') return htmlToText(text);
  if (markup === 'markdown') return markdownToText(text);
  return { text, dropped: [] };
}

/**
 * HTML to text: blocks become paragraphs, `<br>` a newline, entities decoded, scripts, styles
 * and comments dropped (and listed in `dropped`). A `<` that does not start well-formed markup,
 * an autolink's address and a tag that is not an HTML element are kept as text.
 */
export function htmlToText(html: string): MarkupText {
  const out = new TextBuilder();
  writeHtml(html, out);
  return { text: out.toString(), dropped: out.dropped };
}

/**
 * Markdown to text via marked's lexer: emphasis and link text kept, list items as lines, images
 * as their alt text (never their URL), code as text, quotes as `> ` lines, raw HTML as HTML.
 */
export function markdownToText(markdown: string): MarkupText {
  const out = new TextBuilder();
  writeBlocks(Lexer.lex(markdown, { gfm: true }), out);
  return { text: out.toString(), dropped: out.dropped };
}

function writeBlocks(tokens: readonly Token[], out: TextBuilder): void {
  for (const token of tokens) writeBlock(token, out);
}

function writeBlock(token: Token, out: TextBuilder): void {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      writeInline(token.tokens ?? [], out);
      out.break(2);
      return;
    case 'list':
      for (const item of (token as Tokens.List).items) {
        out.break(1);
        writeBlocks(item.tokens, out);
      }
      out.break(2);
      return;
    case 'blockquote':
      out.break(2);
      out.quoteDepth++;
      writeBlocks(token.tokens ?? [], out);
      out.quoteDepth--;
      out.break(2);
      return;
    case 'code':
      out.break(2);
      out.text(token.text);
      out.break(2);
      return;
    case 'table':
      writeTable(token as Tokens.Table, out);
      return;
    case 'html':
      writeHtml(token.text, out);
      return;
    case 'text':
      // Block-level text appears in tight list items; its inline tokens carry the formatting.
      if (token.tokens) writeInline(token.tokens, out);
      else out.text(decodeEntities(token.text));
      return;
    case 'space':
    case 'hr':
    case 'def':
      out.break(2);
      return;
    default:
      writeBlocks(childTokens(token), out);
  }
}

function writeTable(table: Tokens.Table, out: TextBuilder): void {
  out.break(2);
  for (const row of [table.header, ...table.rows]) {
    out.break(1);
    row.forEach((cell, i) => {
      if (i > 0) out.text(' | ');
      writeInline(cell.tokens, out);
    });
  }
  out.break(2);
}

/**
 * Inline tokens. Inline `<script>` arrives as open tag, text, close tag: the tokens between are
 * dropped together, and an open tag that never closes here is the contributor's text.
 */
function writeInline(tokens: readonly Token[], out: TextBuilder): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const name = token.type === 'html' ? openedNonProseTag(token.raw) : null;
    if (name === null) {
      writeInlineToken(token, out);
      continue;
    }
    const end = tokens.findIndex((t, j) => j > i && t.type === 'html' && closesTag(t.text, name));
    if (end < 0) {
      out.text(token.raw);
      continue;
    }
    out.drop(
      tokens
        .slice(i + 1, end)
        .map((t) => t.raw)
        .join(''),
    );
    i = end;
  }
}

function writeInlineToken(token: Token, out: TextBuilder): void {
  switch (token.type) {
    case 'text':
      if (token.tokens) writeInline(token.tokens, out);
      else out.text(decodeEntities(token.text));
      return;
    case 'escape':
    case 'codespan':
      out.text(token.text);
      return;
    case 'br':
      out.lineBreak();
      return;
    case 'image':
      out.text(decodeEntities(token.text));
      return;
    case 'checkbox':
      return;
    case 'html':
      writeHtml(token.text, out);
      return;
    default: {
      // Strong, em, del, link and extensions' tokens: their text is in their children.
      const generic = token as Tokens.Generic;
      if (generic.tokens) writeInline(generic.tokens, out);
      else if (typeof generic.text === 'string') out.text(generic.text);
    }
  }
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
