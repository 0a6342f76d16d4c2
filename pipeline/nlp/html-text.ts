/** Writes scanned HTML into a {@link TextBuilder}: blocks as breaks, entities decoded, code dropped, links and images as text. */
import { Parser } from 'htmlparser2';
import { type HtmlSegment, scanHtml } from './html-scan.js';
import { endLink, type OpenLink, writeImage } from './markup-links.js';
import type { TextBuilder } from './text-builder.js';

/** Elements that start a paragraph. */
const BLOCKS = new Set([
  ...['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'hr'],
  ...['figure', 'figcaption', 'details', 'summary', 'form', 'fieldset', 'center'],
]);

/** Elements that start a line. */
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption']);

/**
 * Streams scanned HTML into a {@link TextBuilder}. Tags become breaks; comments and script, style,
 * noscript and template contents are recorded as dropped; links keep their address and images
 * their alt text (see `markup-links.ts`); everything else, malformed markup included, is text.
 * One writer serves a whole text, so that a link opened in one piece of Markdown's inline HTML
 * ends in another, as in a browser's single document.
 */
export class HtmlWriter {
  private pre = 0;
  private quotes = 0;
  private cell = 0;
  /** Links opened and not yet closed, innermost last. */
  private readonly links: OpenLink[] = [];

  constructor(private readonly out: TextBuilder) {}

  /** Writes one piece of HTML. */
  write(html: string): void {
    for (const segment of scanHtml(html)) this.writeSegment(segment);
  }

  /** Ends what the text left open, as a parser closes open elements at the end. */
  end(): void {
    for (let link = this.links.pop(); link !== undefined; link = this.links.pop()) {
      endLink(this.out, link);
    }
    this.out.quoteDepth -= this.quotes;
    this.quotes = 0;
  }

  private writeSegment(segment: HtmlSegment): void {
    switch (segment.kind) {
      case 'text': {
        const text = decodeEntities(segment.text);
        // Outside <pre>, source line breaks and indentation are just spaces.
        this.out.text(this.pre > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
        return;
      }
      case 'autolink':
        this.out.text(decodeEntities(segment.url));
        return;
      case 'non-prose':
        this.out.drop(segment.body);
        return;
      case 'comment':
        this.out.drop(segment.text);
        return;
      case 'open':
        this.open(segment.name, segment.attributes);
        return;
      case 'close':
        this.close(segment.name);
        return;
      default: {
        const unknown: never = segment;
        throw new Error(`unhandled HTML segment ${JSON.stringify(unknown)}`);
      }
    }
  }

  private open(name: string, attributes: ReadonlyMap<string, string>): void {
    const out = this.out;
    const attribute = (key: string) => decodeEntities(attributes.get(key) ?? '');
    if (name === 'br') out.lineBreak();
    else if (name === 'blockquote') {
      out.quoteDepth++;
      this.quotes++;
    } else if (name === 'pre') this.pre++;
    else if (name === 'tr') this.cell = 0;
    else if ((name === 'td' || name === 'th') && this.cell++ > 0) out.text(' | ');
    breakAround(name, out);
    if (name === 'img') writeImage(out, attribute('alt'), attribute('src'), attribute('title'));
    else if (name === 'a') {
      this.links.push({ href: attribute('href'), title: attribute('title'), start: out.size });
    } else out.drop(attribute('title'));
  }

  private close(name: string): void {
    if (name === 'blockquote' && this.quotes > 0) {
      this.out.quoteDepth--;
      this.quotes--;
    } else if (name === 'pre' && this.pre > 0) this.pre--;
    else if (name === 'a') {
      const link = this.links.pop();
      if (link !== undefined) endLink(this.out, link);
    }
    breakAround(name, this.out);
  }
}

function breakAround(name: string, out: TextBuilder): void {
  if (BLOCKS.has(name)) out.break(2);
  else if (LINES.has(name)) out.break(1);
}

/** Decodes HTML entities (`&amp;`, `&eacute;`, `&#233;`) as a browser would show them. */
export function decodeEntities(text: string): string {
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
