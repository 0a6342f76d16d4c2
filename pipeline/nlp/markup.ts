/**
 * Markup to plain text. HTML goes through htmlparser2's streaming parser, Markdown through
 * marked's lexer; both write into a {@link TextBuilder} so they agree on breaks and quotes.
 */
import { Parser } from 'htmlparser2';
import { Lexer, type Token, type Tokens } from 'marked';
import type { Contribution } from '../../schemas/contribution.js';
import { type DroppedMarkup, TextBuilder } from './text-builder.js';

export type { DroppedMarkup } from './text-builder.js';

/** Plain text from markup, and the content bodies that were dropped on the way. */
export interface MarkupText {
  text: string;
  dropped: DroppedMarkup[];
}

/** Elements whose content is code or styling, never prose: dropped with their text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template']);

/** Elements that start a paragraph. */
const BLOCKS = new Set([
  ...['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'hr'],
  ...['figure', 'figcaption', 'details', 'summary', 'form', 'fieldset', 'center'],
]);

/** Elements that start a line. */
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption']);

/** Converts a contribution's text to plain text according to its `markup`. */
export function markupToText(text: string, markup: Contribution['markup']): MarkupText {
  if (markup === 'html') return htmlToText(text);
  if (markup === 'markdown') return markdownToText(text);
  return { text, dropped: [] };
}

/** HTML to text: blocks become paragraphs, `<br>` a newline, entities decoded, scripts dropped. */
export function htmlToText(html: string): MarkupText {
  const out = new TextBuilder();
  writeHtml(html, out);
  return { text: out.toString(), dropped: out.dropped };
}

/** Streams `html` into `out`; also used for raw HTML embedded in Markdown. */
function writeHtml(html: string, out: TextBuilder): void {
  let dropDepth = 0;
  let dropBody = '';
  let preDepth = 0;
  let cellIndex = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropDepth++;
        else if (dropDepth > 0) return;
        else if (name === 'br') out.lineBreak();
        else if (name === 'blockquote') out.quoteDepth++;
        if (name === 'pre') preDepth++;
        if (name === 'tr') cellIndex = 0;
        if ((name === 'td' || name === 'th') && cellIndex++ > 0) out.text(' | ');
        breakAround(name, out);
      },
      ontext(data) {
        if (dropDepth > 0) dropBody += data;
        // Outside <pre>, source line breaks and indentation are just spaces.
        else out.text(preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      },
      onclosetag(name) {
        if (DROPPED.has(name) && dropDepth > 0 && --dropDepth === 0) {
          out.drop(dropBody);
          dropBody = '';
        }
        if (dropDepth > 0) return;
        if (name === 'blockquote' && out.quoteDepth > 0) out.quoteDepth--;
        if (name === 'pre' && preDepth > 0) preDepth--;
        breakAround(name, out);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  if (dropBody.length > 0) out.drop(dropBody);
}

function breakAround(name: string, out: TextBuilder): void {
  if (BLOCKS.has(name)) out.break(2);
  else if (LINES.has(name)) out.break(1);
}

/** Decodes HTML entities in Markdown text (`&amp;`, `&eacute;`), as a renderer would show them. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let decoded = '';
  const parser = new Parser({
    ontext(data) {
      decoded += data;
    },
  });
  // Escape `<` so that text which merely looks like a tag stays text.
  parser.end(text.replaceAll('<', '&lt;'));
  return decoded;
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

/** Inline tokens; inline `<script>` arrives as open tag, text, close tag, so drop state spans them. */
function writeInline(tokens: readonly Token[], out: TextBuilder): void {
  let dropping: string | null = null;
  let body = '';
  for (const token of tokens) {
    if (dropping !== null) {
      if (token.type === 'html' && closesTag(token.text, dropping)) {
        out.drop(body);
        dropping = null;
        body = '';
      } else body += token.raw;
      continue;
    }
    if (token.type === 'html') {
      dropping = openedDroppedTag(token.text);
      if (dropping === null) writeHtml(token.text, out);
    } else writeInlineToken(token, out);
  }
  if (dropping !== null) out.drop(body);
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

function openedDroppedTag(html: string): string | null {
  const name = /^<([a-z]+)[\s>]/i.exec(html)?.[1]?.toLowerCase();
  return name !== undefined && DROPPED.has(name) && !/<\/[a-z]+\s*>\s*$/i.test(html) ? name : null;
}

function closesTag(html: string, name: string): boolean {
  return new RegExp(`^</${name}\\s*>`, 'i').test(html);
}
