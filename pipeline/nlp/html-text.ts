/** Writes scanned HTML into a {@link TextBuilder}: blocks as breaks, entities decoded, code dropped. */
import { Parser } from 'htmlparser2';
import { scanHtml } from './html-scan.js';
import type { TextBuilder } from './text-builder.js';

/** Elements that start a paragraph. */
const BLOCKS = new Set([
  ...['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'hr'],
  ...['figure', 'figcaption', 'details', 'summary', 'form', 'fieldset', 'center'],
]);

/** Elements that start a line. */
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption']);

/** What a run of HTML has opened so far. */
interface HtmlState {
  pre: number;
  quotes: number;
  cell: number;
}

/**
 * Streams `html` into `out`. Tags become breaks; comments and script, style, noscript and
 * template contents are recorded as dropped; everything else, malformed markup included, is text.
 */
export function writeHtml(html: string, out: TextBuilder): void {
  const state: HtmlState = { pre: 0, quotes: 0, cell: 0 };
  for (const segment of scanHtml(html)) {
    switch (segment.kind) {
      case 'text': {
        const text = decodeEntities(segment.text);
        // Outside <pre>, source line breaks and indentation are just spaces.
        out.text(state.pre > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
        break;
      }
      case 'autolink':
        out.text(decodeEntities(segment.url));
        break;
      case 'non-prose':
        out.drop(segment.body);
        break;
      case 'comment':
        out.drop(segment.text);
        break;
      case 'open':
        openElement(segment.name, state, out);
        break;
      case 'close':
        closeElement(segment.name, state, out);
        break;
      default: {
        const unknown: never = segment;
        throw new Error(`unhandled HTML segment ${JSON.stringify(unknown)}`);
      }
    }
  }
  // Quotes left open end with this HTML, as a parser closes open elements at the end.
  out.quoteDepth -= state.quotes;
}

function openElement(name: string, state: HtmlState, out: TextBuilder): void {
  if (name === 'br') out.lineBreak();
  else if (name === 'blockquote') {
    out.quoteDepth++;
    state.quotes++;
  } else if (name === 'pre') state.pre++;
  else if (name === 'tr') state.cell = 0;
  else if ((name === 'td' || name === 'th') && state.cell++ > 0) out.text(' | ');
  breakAround(name, out);
}

function closeElement(name: string, state: HtmlState, out: TextBuilder): void {
  if (name === 'blockquote' && state.quotes > 0) {
    out.quoteDepth--;
    state.quotes--;
  } else if (name === 'pre' && state.pre > 0) state.pre--;
  breakAround(name, out);
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
