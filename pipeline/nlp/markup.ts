/**
 * Markup to plain text. HTML goes through a conservative scanner (malformed markup stays
 * text), Markdown through marked's lexer; both write into a {@link TextBuilder} so they agree on
 * breaks and quotes, and through `markup-links.ts` so they agree on links and images.
 */
import type { Contribution } from '../../schemas/contribution.js';
import { HtmlWriter } from './html-text.js';
import { writeMarkdown } from './markdown-text.js';
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
 * HTML to text: blocks become paragraphs, `<br>` a newline, entities decoded, scripts, styles,
 * comments, titles and image addresses dropped (and listed in `dropped`). Link addresses, images'
 * alt text (as `[image: alt]`), autolinks, a `<` that does not start well-formed markup and a
 * tag that is not an HTML element are kept as text.
 */
export function htmlToText(html: string): MarkupText {
  const out = new TextBuilder();
  const writer = new HtmlWriter(out);
  writer.write(html);
  writer.end();
  return { text: out.toString(), dropped: out.dropped };
}

/**
 * Markdown to text via marked's lexer: emphasis and link text kept, a link's address after its
 * text, list items as lines, images as `[image: alt]` (their address listed in `dropped`), code
 * as text, quotes as `> ` lines, raw HTML as HTML.
 */
export function markdownToText(markdown: string): MarkupText {
  const out = new TextBuilder();
  writeMarkdown(markdown, out);
  return { text: out.toString(), dropped: out.dropped };
}
