/**
 * Splits HTML into tags, comments, non-prose elements and text, conservatively: a `<` starts
 * markup only when a complete, well-formed construct follows; otherwise it is the contributor's
 * text. A browser's tokenizer would instead swallow everything after `<a title="` up to a
 * closing quote, or to the end, and hide `<name>` and `<http://…>` as unknown elements.
 */
import { isBooleanAttribute, isElementName, NON_PROSE_ELEMENTS } from './html-elements.js';

/** One piece of HTML source, in order. Text is raw: entities are not decoded yet. */
export type HtmlSegment =
  | { kind: 'text'; text: string }
  /** A start tag; attribute names are lower case, values raw (first of a repeated name). */
  | { kind: 'open'; name: string; attributes: ReadonlyMap<string, string> }
  | { kind: 'close'; name: string }
  /** A script, style, noscript or template element and its verbatim content. */
  | { kind: 'non-prose'; body: string }
  /** A comment, `<!DOCTYPE …>` or `<?…?>`, with what stood between its delimiters. */
  | { kind: 'comment'; text: string }
  /** `<https://…>` or `<name@example.org>`: the address is the contributor's text. */
  | { kind: 'autolink'; url: string };

interface Found {
  segment: HtmlSegment;
  end: number;
}

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9]*(?::[a-zA-Z][a-zA-Z0-9-]*)?/y;
/** One attribute after whitespace; `=value` is group 2 when there is one, the value 3, 4 or 5. */
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
const TAG_END = /\s*\/?>/y;
const CLOSE_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*(?::[a-zA-Z][a-zA-Z0-9-]*)?)\s*>/y;
const DECLARATION = /<([!?][a-zA-Z][^<>]*)>/y;
/** A URI autolink as CommonMark defines it: a scheme of 2 to 32 characters, no spaces. */
const URI_AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL_AUTOLINK = /<([^\s<>@"'()]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)>/y;
const COMMENT_END = /-->/g;
/** End tags of the non-prose elements, searched for from their start tag. */
const NON_PROSE_ENDS = new Map(
  [...NON_PROSE_ELEMENTS].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]),
);
/** Schemes that need no `//`: without one, `<o:p>` (Word) would be a link to `p`. */
const OPAQUE_SCHEMES = new Set(['mailto', 'tel', 'sms', 'urn', 'data']);

/** The segments of `html`, in order. */
export function scanHtml(html: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  const closers = new ClosingSearch(html);
  let text = '';
  let from = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const found = readMarkup(html, lt, closers);
    if (found === null) continue;
    text += html.slice(from, lt);
    if (text.length > 0) segments.push({ kind: 'text', text });
    text = '';
    segments.push(found.segment);
    from = found.end;
    lt = found.end - 1;
  }
  text += html.slice(from);
  if (text.length > 0) segments.push({ kind: 'text', text });
  return segments;
}

/** The markup construct starting at `at` (a `<`), or null when it is not one. */
function readMarkup(html: string, at: number, closers: ClosingSearch): Found | null {
  const next = html[at + 1];
  if (next === '!' || next === '?') return readComment(html, at, closers);
  if (next === '/') return readCloseTag(html, at);
  return readAutolink(html, at) ?? readOpenTag(html, at, closers);
}

function readComment(html: string, at: number, closers: ClosingSearch): Found | null {
  if (html.startsWith('<!--', at)) {
    const close = closers.find(COMMENT_END, at + 4);
    if (close === null) return null;
    return { segment: { kind: 'comment', text: html.slice(at + 4, close.start) }, end: close.end };
  }
  const match = matchAt(DECLARATION, html, at);
  if (match === null) return null;
  return { segment: { kind: 'comment', text: match[1] ?? '' }, end: DECLARATION.lastIndex };
}

function readCloseTag(html: string, at: number): Found | null {
  const name = matchAt(CLOSE_TAG, html, at)?.[1]?.toLowerCase();
  if (name === undefined || !isElementName(name)) return null;
  return { segment: { kind: 'close', name }, end: CLOSE_TAG.lastIndex };
}

function readAutolink(html: string, at: number): Found | null {
  const uri = matchAt(URI_AUTOLINK, html, at)?.[1];
  if (uri !== undefined) {
    const colon = uri.indexOf(':');
    const scheme = uri.slice(0, colon).toLowerCase();
    if (uri.startsWith('//', colon + 1) || OPAQUE_SCHEMES.has(scheme)) {
      return { segment: { kind: 'autolink', url: uri }, end: URI_AUTOLINK.lastIndex };
    }
  }
  const email = matchAt(EMAIL_AUTOLINK, html, at)?.[1];
  if (email === undefined) return null;
  return { segment: { kind: 'autolink', url: email }, end: EMAIL_AUTOLINK.lastIndex };
}

/**
 * A start tag: a known element name, attributes that are `name=value` (quotes closed) or known
 * to stand alone, then `>` or `/>`. A non-prose element (script, style, ...) must also end.
 */
function readOpenTag(html: string, at: number, closers: ClosingSearch): Found | null {
  const name = matchAt(TAG_NAME, html, at + 1)?.[0].toLowerCase();
  if (name === undefined || !isElementName(name)) return null;
  let end = TAG_NAME.lastIndex;
  const attributes = new Map<string, string>();
  for (let attribute = matchAt(ATTRIBUTE, html, end); attribute !== null; ) {
    const key = (attribute[1] ?? '').toLowerCase();
    if (attribute[2] === undefined && !isBooleanAttribute(key)) return null;
    if (!attributes.has(key))
      attributes.set(key, attribute[3] ?? attribute[4] ?? attribute[5] ?? '');
    end = ATTRIBUTE.lastIndex;
    attribute = matchAt(ATTRIBUTE, html, end);
  }
  if (matchAt(TAG_END, html, end) === null) return null;
  end = TAG_END.lastIndex;
  const closing = NON_PROSE_ENDS.get(name);
  if (closing === undefined) return { segment: { kind: 'open', name, attributes }, end };
  const close = closers.find(closing, end);
  // An element that never ends would hide the rest of the text: then it is not markup.
  if (close === null) return null;
  const body = html.slice(end, close.start);
  return { segment: { kind: 'non-prose', body }, end: close.end };
}

/** `pattern` (sticky) matched at `at`, leaving its `lastIndex` after the match. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Where a search for a closing delimiter found it. */
interface Hit {
  start: number;
  end: number;
}

/**
 * Searches for closing delimiters (`-->`, `</script>`), remembering the last answer per
 * delimiter: a text with many openers and no closer is then scanned once, not once per opener.
 */
class ClosingSearch {
  private readonly last = new Map<RegExp, { from: number; hit: Hit | null }>();

  constructor(private readonly html: string) {}

  /** The first match of the global `pattern` at or after `from`, or null. */
  find(pattern: RegExp, from: number): Hit | null {
    const last = this.last.get(pattern);
    // The last search started no later and found nothing before its hit, so the hit stands.
    if (last !== undefined && last.from <= from && (last.hit === null || last.hit.start >= from)) {
      return last.hit;
    }
    pattern.lastIndex = from;
    const match = pattern.exec(this.html);
    const hit = match === null ? null : { start: match.index, end: pattern.lastIndex };
    this.last.set(pattern, { from, hit });
    return hit;
  }
}
